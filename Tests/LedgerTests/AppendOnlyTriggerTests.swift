import GRDB
import Testing

@testable import Ledger
@testable import LedgerSQLite

@Suite struct AppendOnlyTriggerTests {
  /// Every change or removal of a movement or an event is refused by the rule it breaks, and
  /// leaves both chains whole.
  @Test(arguments: [
    ("UPDATE movement SET quantity = 1 WHERE id = 3", "movements are append-only"),
    ("UPDATE movement SET recorded_at = '2026-11-30T00:00:00.000Z'", "movements are append-only"),
    ("DELETE FROM movement WHERE id = 3", "movements are append-only"),
    ("DELETE FROM movement", "movements are append-only"),
    (
      "UPDATE document_event SET payload = 'forged' WHERE id = 3", "document events are append-only"
    ),
    ("UPDATE document_event SET actor_id = actor_id", "document events are append-only"),
    ("DELETE FROM document_event WHERE id = 3", "document events are append-only"),
    ("DELETE FROM document_event", "document events are append-only"),
  ])
  func theDatabaseRefusesToChangeOrRemoveMovementsAndEvents(sql: String, rule: String) throws {
    let ledger = try SmallLedger()
    let error = #expect(throws: DatabaseError.self) { try ledger.execute(sql) }
    #expect(error?.resultCode == .SQLITE_CONSTRAINT)
    #expect(error?.message == "depot: \(rule)")
    #expect(try ledger.store.read { try $0.movements(ofDocument: ledger.transfer.id) }.count == 3)
    #expect(try ledger.check().eventCount == 5)
    #expect(try ledger.check().problems.isEmpty)
  }

  @Test func aRefusalInsideTheStoreArrivesAsTheRuleItBroke() throws {
    let ledger = try SmallLedger()
    #expect(throws: LedgerError.refusedByDatabase(rule: "movements are append-only")) {
      try ledger.store.writeTransaction { try $0.db.execute(sql: "UPDATE movement SET value = 0") }
    }
    #expect(throws: LedgerError.refusedByDatabase(rule: "movements are append-only")) {
      try ledger.store.writeTransaction {
        try $0.db.execute(sql: "DELETE FROM movement WHERE id = 5")
      }
    }
    #expect(throws: LedgerError.refusedByDatabase(rule: "document events are append-only")) {
      try ledger.store.writeTransaction {
        try $0.db.execute(sql: "UPDATE document_event SET reason = 'x'")
      }
    }
    #expect(throws: LedgerError.refusedByDatabase(rule: "document events are append-only")) {
      try ledger.store.writeTransaction {
        try $0.db.execute(sql: "DELETE FROM document_event WHERE id = 1")
      }
    }
    let sentence = LedgerError.refusedByDatabase(rule: "movements are append-only").description
    #expect(sentence == "the database refused the change: movements are append-only")
  }

  @Test func aRefusedWriteLeavesNothingOfTheTransactionBehind() throws {
    let ledger = try SmallLedger()
    #expect(throws: LedgerError.refusedByDatabase(rule: "movements are append-only")) {
      try ledger.store.writeTransaction { transaction in
        _ = try transaction.insertUser(name: "zhao", createdAt: Moment("2026-11-29T02:00:00.000Z")!)
        try transaction.db.execute(sql: "DELETE FROM movement WHERE id = 5")
      }
    }
    #expect(try ledger.store.read { try $0.user(named: "zhao") } == nil)
  }
}
