import GRDB

/// The one office a database belongs to.
public struct OfficeRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "office"
  public var id: Int64 = 1
  public var name: String
  public var timezone: String
  public var currency: String
  public var createdAt: String
  /// The office's code: part of every envelope and chain hash.
  public var code: String

  public init(
    name: String, timezone: String, currency: String = "CNY", createdAt: String,
    code: String = "main"
  ) {
    self.code = code
    self.name = name
    self.timezone = timezone
    self.currency = currency
    self.createdAt = createdAt
  }

  public init(row: Row) {
    id = row["id"]
    name = row["name"]
    timezone = row["timezone"]
    currency = row["currency"]
    createdAt = row["created_at"]
    code = row["code"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["id"] = id
    container["name"] = name
    container["timezone"] = timezone
    container["currency"] = currency
    container["created_at"] = createdAt
    container["code"] = code
  }
}
