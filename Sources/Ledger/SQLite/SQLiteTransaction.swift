import Crypto
import Foundation
import GRDB
import Ledger
import Schema

/// One open transaction on the ledger: every read and write the engine needs, typed.
///
/// This is the only SQL in Depot. Methods never commit; the store commits when the body that
/// received the transaction returns.
public struct SQLiteTransaction: LedgerTransaction {
  let db: Database
  /// The newest movement this transaction knows of: while it holds the write lock, no one
  /// else can append, so it need not read the chain's tip back for every movement it posts.
  let movementTip = ChainTipCache()
  /// The chains' format, read once.
  let formatCache = ChainFormatCache()

  func schemaIdentity() throws -> (applicationID: Int32, version: Int) {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    return (applicationID, version)
  }

  /// Applies one migration and records it, with every earlier one the migrations table does
  /// not hold yet (those that predate the table).
  func apply(_ migration: Schema.Migration) throws {
    try db.execute(sql: migration.sql)
    try db.execute(sql: "PRAGMA user_version = \(migration.version)")
    guard migration.version >= Schema.recordedFrom else { return }
    let recorded = try Set(Int.fetchAll(db, sql: "SELECT version FROM schema_migration"))
    for earlier in Schema.migrations
    where earlier.version <= migration.version && !recorded.contains(earlier.version) {
      try db.execute(
        sql: """
          INSERT INTO schema_migration (version, name, sha256, applied_at)
          VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
          """,
        arguments: [earlier.version, earlier.name, Data(SHA256.hash(data: Data(earlier.sql.utf8)))])
    }
  }

  /// Migrations the table records that the program does not embed as recorded: a version
  /// missing, or a name or SQL that differs.
  func firstMigrationMismatch() throws -> Int? {
    var recorded: [Int: (name: String, sha256: Data)] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT version, name, sha256 FROM schema_migration") {
      recorded[row["version"]] = (row["name"], row["sha256"])
    }
    let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    for migration in Schema.migrations where migration.version <= current {
      guard let entry = recorded.removeValue(forKey: migration.version),
        entry.name == migration.name,
        entry.sha256 == Data(SHA256.hash(data: Data(migration.sql.utf8)))
      else { return migration.version }
    }
    return recorded.keys.min()
  }

  func setSchemaIdentity(applicationID: Int32) throws {
    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
  }
}

/// The id and hash of a chain's newest entry, once read or written.
final class ChainTipCache {
  var tip: (id: Int64, hash: Data)?
}
