/// The database schema as numbered SQL migrations, embedded in the binary.
public enum Schema {
  /// One migration: the schema version it produces and the SQL that produces it.
  public struct Migration: Sendable {
    /// The value of `PRAGMA user_version` once this migration is applied.
    public let version: Int
    /// The SQL script, run in one transaction.
    public let sql: String
  }

  /// Every migration, oldest first. Released entries are never edited, only appended to.
  public static let migrations: [Migration] = [
    Migration(version: 1, sql: String(decoding: PackageResources.v1_core_sql, as: UTF8.self)),
    Migration(version: 2, sql: String(decoding: PackageResources.v2_issuance_sql, as: UTF8.self)),
    Migration(
      version: 3, sql: String(decoding: PackageResources.v3_procurement_sql, as: UTF8.self)),
    Migration(version: 4, sql: String(decoding: PackageResources.v4_waste_sql, as: UTF8.self)),
    Migration(version: 5, sql: String(decoding: PackageResources.v5_counts_sql, as: UTF8.self)),
    Migration(version: 6, sql: String(decoding: PackageResources.v6_trust_sql, as: UTF8.self)),
  ]

  /// The schema version this build writes.
  public static var currentVersion: Int { migrations.last!.version }
}
