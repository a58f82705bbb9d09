import Foundation
import Testing

@testable import Ledger
@testable import LedgerSQLite

@Suite struct ChainHeadTests {
  @Test func theHeadsAreTheLastEntriesAsStored() throws {
    let ledger = try SmallLedger()
    let heads = try ledger.store.read { try $0.chainHeads() }
    #expect(heads.movement == ChainHead(id: 5, hash: ledger.movements[4].hash))
    #expect(heads.event == ChainHead(id: 5, hash: ledger.events[4].hash))
    let check = try ledger.check()
    #expect(check.movementHead == heads.movement)
    #expect(check.eventHead == heads.event)
  }

  @Test func anEmptyLedgerHasNoHeadsAndNoProblems() throws {
    let store = try SQLiteLedger.inMemory()
    let heads = try store.read { try $0.chainHeads() }
    #expect(heads.movement == nil)
    #expect(heads.event == nil)
    let check = try store.read {
      try $0.checkLedger(visit: { _ in }, visitEnvelope: { _ in }, progress: nil)
    }
    #expect(check.problems.isEmpty)
    #expect(check.movementCount == 0)
    #expect(check.eventCount == 0)
  }

  @Test func theStoredHashesAreTheOnesThePostReturned() throws {
    let ledger = try SmallLedger()
    for movement in ledger.movements {
      let stored = try ledger.store.read { try $0.chainHash(table: .movement, id: movement.id) }
      #expect(stored == movement.hash)
      #expect(movement.hash.count == 32)
    }
    for event in ledger.events {
      #expect(try ledger.store.read { try $0.chainHash(table: .event, id: event.id) } == event.hash)
    }
    #expect(try ledger.store.read { try $0.chainHash(table: .movement, id: 6) } == nil)
  }

  @Test func theSameContentGivesTheSameHashesInAnotherStore() throws {
    let first = try SmallLedger()
    let second = try SmallLedger()
    #expect(first.movements.map(\.hash) == second.movements.map(\.hash))
    #expect(first.events.map(\.hash) == second.events.map(\.hash))
    #expect(Set(first.movements.map(\.hash)).count == 5)
    let firstHeads = try first.store.read { try $0.chainHeads() }
    let secondHeads = try second.store.read { try $0.chainHeads() }
    #expect(firstHeads.movement == secondHeads.movement)
    #expect(firstHeads.event == secondHeads.event)
  }

  @Test func otherContentGivesOtherHashesFromTheFirstEntryOn() throws {
    let first = try SmallLedger()
    let later = try SmallLedger(recordedAt: "2026-11-29T02:00:00.001Z")
    for (one, other) in zip(first.movements, later.movements) {
      #expect(one.hash != other.hash)
    }
    for (one, other) in zip(first.events, later.events) {
      #expect(one.hash != other.hash)
    }
  }

  @Test func theFirstEntryFollowsThirtyTwoZeroBytes() throws {
    let ledger = try SmallLedger()
    let first = ledger.movements[0]
    let identity = LotIdentity(
      number: ledger.lotA.number, expiry: ledger.lotA.expiry,
      sourceAccountId: ledger.lotA.sourceAccountId)
    let expected = HashChain.next(
      after: Data(repeating: 0, count: 32),
      encoding: first.canonicalEncoding(lot: identity, office: "main"))
    #expect(first.hash == expected)
    let second = ledger.events[1]
    #expect(
      second.hash
        == HashChain.next(
          after: ledger.events[0].hash, encoding: second.canonicalEncoding(office: "main")))
  }
}
