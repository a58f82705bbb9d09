/// The database schema as numbered SQL migrations, embedded in the binary.
public enum Schema {
  /// One migration: the schema version it produces and the SQL that produces it.
  public struct Migration: Sendable {
    /// The schema version this migration produces (and SQLite's `PRAGMA user_version`).
    public let version: Int
    /// The name of its file, as the migrations table records it.
    public let name: String
    /// The SQL script, run in one transaction.
    public let sql: String

    init(version: Int, name: String, _ bytes: [UInt8]) {
      self.version = version
      self.name = name
      self.sql = String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Every migration, oldest first. Released entries are never edited, only appended to.
  public static let migrations: [Migration] = [
    Migration(version: 1, name: "v1_core.sql", PackageResources.v1_core_sql),
    Migration(version: 2, name: "v2_issuance.sql", PackageResources.v2_issuance_sql),
    Migration(version: 3, name: "v3_procurement.sql", PackageResources.v3_procurement_sql),
    Migration(version: 4, name: "v4_waste.sql", PackageResources.v4_waste_sql),
    Migration(version: 5, name: "v5_counts.sql", PackageResources.v5_counts_sql),
    Migration(version: 6, name: "v6_trust.sql", PackageResources.v6_trust_sql),
    Migration(version: 7, name: "v7_migrations.sql", PackageResources.v7_migrations_sql),
    Migration(version: 8, name: "v8_reversals.sql", PackageResources.v8_reversals_sql),
    Migration(version: 9, name: "v9_line_decisions.sql", PackageResources.v9_line_decisions_sql),
    Migration(version: 10, name: "v10_master_data.sql", PackageResources.v10_master_data_sql),
  ]

  /// The first version whose database records its migrations in `schema_migration`.
  public static let recordedFrom = 7

  /// The schema version this build writes: the highest, as versions need not be contiguous
  /// (a number may be reserved for a migration that lands later).
  public static var currentVersion: Int { migrations.map(\.version).max()! }
}
