import Crypto
import Foundation
import GRDB
import Schema
import Testing

@testable import Ledger
@testable import LedgerSQLite

@Suite struct MigrationTableTests {
  /// The migrations table's rows, oldest first.
  private static func recorded(_ store: SQLiteLedger) throws -> [(Int, String, Data)] {
    try store.readTransaction { transaction in
      try Row.fetchAll(
        transaction.db, sql: "SELECT version, name, sha256 FROM schema_migration ORDER BY version"
      ).map { ($0["version"], $0["name"], $0["sha256"]) }
    }
  }

  private static let expected = Schema.migrations.map {
    ($0.version, $0.name, Data(SHA256.hash(data: Data($0.sql.utf8))))
  }

  @Test func aNewLedgerRecordsEveryMigrationItApplied() throws {
    let store = try SQLiteLedger.inMemory()
    let rows = try Self.recorded(store)
    #expect(rows.map(\.0) == Schema.migrations.map(\.version))
    #expect(rows.map(\.1) == Self.expected.map(\.1))
    #expect(rows.map(\.2) == Self.expected.map(\.2))
    #expect(try store.readTransaction { try $0.firstMigrationMismatch() } == nil)
  }

  @Test func anOlderLedgerMovesToTheTableByAMigration() throws {
    let path = NSTemporaryDirectory() + "depot-migrations-\(UUID().uuidString).sqlite"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      for migration in Schema.migrations where migration.version < Schema.recordedFrom {
        try db.execute(sql: migration.sql)
        try db.execute(sql: "PRAGMA user_version = \(migration.version)")
      }
      try db.execute(sql: "PRAGMA application_id = \(SQLiteLedger.applicationID)")
    }
    try queue.close()
    let store = try SQLiteLedger.open(path: path)
    let rows = try Self.recorded(store)
    #expect(rows.map(\.0) == Schema.migrations.map(\.version))
    #expect(rows.map(\.2) == Self.expected.map(\.2))
  }

  @Test func theRecordCannotBeRewrittenThroughTheLedger() throws {
    let store = try SQLiteLedger.inMemory()
    #expect(throws: LedgerError.refusedByDatabase(rule: "the record of migrations is append-only"))
    {
      try store.writeTransaction { transaction in
        try transaction.db.execute(sql: "DELETE FROM schema_migration WHERE version = 3")
      }
    }
  }

  @Test func verifyFindsARecordChangedBehindTheProgramsBack() throws {
    let ledger = try SmallLedger()
    try ledger.store.writeTransaction { transaction in
      try transaction.db.execute(sql: "DROP TRIGGER schema_migration_is_append_only_update")
      try transaction.db.execute(
        sql: "UPDATE schema_migration SET sha256 = zeroblob(32) WHERE version = 4")
    }
    let check = try ledger.store.read {
      try $0.checkLedger(visit: { _ in }, visitEnvelope: { _ in }, progress: nil)
    }
    #expect(check.problems.contains(.migrationRecordDiffers(version: 4)))
  }
}
