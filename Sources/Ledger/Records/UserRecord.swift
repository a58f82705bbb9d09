import GRDB

/// A registered person.
public struct UserRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "users"
  public var id: Int64
  public var name: String
  public var createdAt: String

  public init(id: Int64, name: String, createdAt: String) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
  }

  public init(row: Row) {
    id = row["id"]
    name = row["name"]
    createdAt = row["created_at"]
  }
}
