import GRDB

/// A row type whose Swift properties map to snake_case columns.
public protocol LedgerRecord: Codable, Sendable, FetchableRecord, PersistableRecord {}

extension LedgerRecord {
  public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
    .convertFromSnakeCase
  }
  public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
    .convertToSnakeCase
  }
}
