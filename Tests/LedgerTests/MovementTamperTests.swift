import Foundation
import Testing

@testable import Ledger
@testable import LedgerSQLite

/// Rows changed behind the program's back (SPEC I9): `checkLedger` names the first movement
/// that does not match.
@Suite struct MovementTamperTests {
  @Test func anUntouchedLedgerChecksClean() throws {
    let ledger = try SmallLedger()
    let check = try ledger.check()
    #expect(check.problems.isEmpty)
    #expect(check.movementCount == 5)
    #expect(check.eventCount == 5)
  }

  @Test func anEditedQuantityIsNamedEvenWhenTheBalancesWereEditedToMatch() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("UPDATE movement SET quantity = 41 WHERE id = 3")
    try ledger.execute(
      "UPDATE balance SET quantity = quantity - 1 WHERE account_id = ? AND lot_id = ?",
      [ledger.central.id, ledger.lotA.id])
    try ledger.execute(
      "UPDATE balance SET quantity = quantity + 1 WHERE account_id = ? AND lot_id = ?",
      [ledger.town.id, ledger.lotA.id])
    #expect(try ledger.check().problems == [.movementAltered(id: 3)])
  }

  @Test func anEditedQuantityAlsoLeavesTheBalancesDisagreeing() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("UPDATE movement SET quantity = 41 WHERE id = 3")
    let problems = try ledger.check().problems
    #expect(problems.first == .movementAltered(id: 3))
    #expect(problems.filter(\.isChainProblem) == [.movementAltered(id: 3)])
    #expect(
      problems.contains(
        .balanceDisagrees(
          account: "WH-CENTRAL", lotID: ledger.lotA.id, stored: 60, computed: 59,
          storedValue: 3000, computedValue: 3000)))
  }

  @Test func aDeletedMiddleMovementIsNamedByTheGap() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("DELETE FROM movement WHERE id = 3")
    let problems = try ledger.check().problems
    #expect(problems.first == .movementSequenceBroken(id: 4, expected: 3))
    #expect(problems.filter(\.isChainProblem) == [.movementSequenceBroken(id: 4, expected: 3)])
  }

  @Test func aDeletedFirstMovementIsNamedByTheGap() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("DELETE FROM movement WHERE id = 1")
    let problems = try ledger.check().problems
    #expect(problems.filter(\.isChainProblem) == [.movementSequenceBroken(id: 2, expected: 1)])
  }

  @Test func aMovementInsertedAtTheEndWithABogusHashIsNamed() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    let original = ledger.movements[3]
    try ledger.execute(
      """
      INSERT INTO movement (id, item_id, lot_id, from_account_id, to_account_id, quantity, value,
        document_id, actor_id, effective_date, recorded_at, hash)
      VALUES (6, ?, ?, ?, ?, 5, 250, ?, ?, '2026-11-29', '2026-11-29T03:00:00.000Z', ?)
      """,
      [
        original.itemId, original.lotId, original.fromAccountId, original.toAccountId,
        original.documentId, original.actorId, Data(repeating: 0xAB, count: 32),
      ])
    #expect(try ledger.check().problems == [.movementAltered(id: 6)])
  }

  @Test func aMovementCopiedWithItsHashToTheEndIsNamed() throws {
    let ledger = try SmallLedger()
    try ledger.execute(
      """
      INSERT INTO movement (id, item_id, lot_id, from_account_id, to_account_id, quantity, value,
        document_id, actor_id, effective_date, recorded_at, reverses_movement_id, hash)
      SELECT 6, item_id, lot_id, from_account_id, to_account_id, quantity, value, document_id,
        actor_id, effective_date, recorded_at, reverses_movement_id, hash
      FROM movement WHERE id = 4
      """)
    #expect(try ledger.check().problems == [.movementAltered(id: 6)])
  }

  @Test func twoMovementsSwappedInPlaceAreNamedAtTheFirst() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try swapContents(of: 2, and: 3, in: "movement", ledger: ledger)
    let stored = try ledger.store.read { try $0.movements(ofDocument: ledger.transfer.id) }
    #expect(stored.map(\.id) == [2, 4, 5])
    #expect(stored.first?.hash == ledger.movements[2].hash)
    #expect(try ledger.check().problems == [.movementAltered(id: 2)])
  }

  @Test func aChangedExpiryBreaksTheChainAtTheLotsFirstMovement() throws {
    let ledger = try SmallLedger()
    try ledger.execute("UPDATE lot SET expiry = '2029-06-30' WHERE id = ?", [ledger.lotB.id])
    #expect(try ledger.check().problems == [.movementAltered(id: 2)])
  }

  @Test func aChangedLotNumberBreaksTheChainAtTheLotsFirstMovement() throws {
    let ledger = try SmallLedger()
    try ledger.execute("UPDATE lot SET number = 'L-Z' WHERE id = ?", [ledger.lotB.id])
    #expect(try ledger.check().problems == [.movementAltered(id: 2)])
  }
}

/// Swaps every column but `id` of two rows of a chained table, hashes included.
func swapContents(of first: Int64, and second: Int64, in table: String, ledger: SmallLedger)
  throws
{
  let columns = try ledger.store.readTransaction { transaction in
    try transaction.db.columns(in: table).map(\.name).filter { $0 != "id" }
  }
  let assignments = columns.map {
    "\($0) = (SELECT \($0) FROM swapped WHERE swapped.id = ?3 - \(table).id)"
  }
  let copy = "CREATE TEMP TABLE swapped AS SELECT * FROM \(table) WHERE id IN (?, ?)"
  try ledger.execute(copy, [first, second])
  try ledger.execute(
    "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id IN (?1, ?2)",
    [first, second, first + second])
  try ledger.execute("DROP TABLE swapped")
}
