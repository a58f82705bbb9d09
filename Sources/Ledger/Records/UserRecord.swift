import GRDB

/// A registered person.
public struct UserRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "users"
  public var id: Int64
  public var name: String
  public var createdAt: String
}
