import Foundation
import Testing

@testable import Ledger
@testable import LedgerSQLite

/// Document events changed behind the program's back (SPEC I9).
@Suite struct EventTamperTests {
  @Test func anEditedPayloadIsNamed() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("UPDATE document_event SET payload = 'action=forged' WHERE id = 3")
    #expect(try ledger.check().problems == [.eventAltered(id: 3)])
  }

  @Test func anEditedActorIsNamed() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    let other = try ledger.store.write {
      try $0.insertUser(name: "zhao", createdAt: Moment("2026-11-29T02:00:00.000Z")!)
    }
    try ledger.execute("UPDATE document_event SET actor_id = ? WHERE id = 4", [other.id])
    #expect(try ledger.check().problems == [.eventAltered(id: 4)])
  }

  @Test func aDeletedMiddleEventIsNamedByTheGap() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("DELETE FROM document_event WHERE id = 3")
    #expect(try ledger.check().problems == [.eventSequenceBroken(id: 4, expected: 3)])
  }

  @Test func anEventInsertedAtTheEndWithABogusHashIsNamed() throws {
    let ledger = try SmallLedger()
    try ledger.execute(
      """
      INSERT INTO document_event (id, subject, action, actor_id, recorded_at, payload, hash)
      VALUES (6, 'office', 'office.rename', ?, '2026-11-29T03:00:00.000Z', 'name=x', ?)
      """, [ledger.clerk.id, Data(repeating: 0xCD, count: 32)])
    #expect(try ledger.check().problems == [.eventAltered(id: 6)])
  }

  @Test func anEventInsertedPastAGapIsNamedByTheGap() throws {
    let ledger = try SmallLedger()
    try ledger.execute(
      """
      INSERT INTO document_event (id, subject, action, actor_id, recorded_at, payload, hash)
      VALUES (7, 'office', 'office.rename', ?, '2026-11-29T03:00:00.000Z', 'name=x', ?)
      """, [ledger.clerk.id, Data(repeating: 0xCD, count: 32)])
    #expect(try ledger.check().problems == [.eventSequenceBroken(id: 7, expected: 6)])
  }

  @Test func twoEventsSwappedInPlaceAreNamedAtTheFirst() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try swapContents(of: 2, and: 3, in: "document_event", ledger: ledger)
    let second = try ledger.store.read { try $0.events(subject: ledger.receipt.number) }
    #expect(second.map(\.id) == [2])
    #expect(try ledger.check().problems == [.eventAltered(id: 2)])
  }

  @Test func theMovementChainIsUntouchedByEventTampering() throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute("DELETE FROM document_event WHERE id = 5")
    let check = try ledger.check()
    #expect(check.problems.isEmpty)
    #expect(check.movementCount == 5)
    #expect(check.eventCount == 4)
    #expect(check.eventHead == ChainHead(id: 4, hash: ledger.events[3].hash))
  }
}
