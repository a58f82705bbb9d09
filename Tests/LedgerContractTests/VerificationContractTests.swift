import Foundation
import Ledger
import Testing

/// What `verify` asks of the storage (SPEC §3, §7): the chains' heads, the ledger's own checks,
/// and a backup that is the whole ledger.
@Suite struct VerificationContractTests {
  @Test(arguments: StorageImplementation.allCases)
  func aCleanLedgerChecksWithoutProblems(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    var visited: [DocumentEventRecord] = []
    var envelopes: [EnvelopeRecord] = []
    let check = try ledger.store.read { transaction throws in
      try transaction.checkLedger(
        visit: { visited.append($0) }, visitEnvelope: { envelopes.append($0) }, progress: nil)
    }
    #expect(check.problems == [])
    #expect(check.movementCount == 5)
    #expect(check.eventCount == 4)
    #expect(check.movementHead == ChainHead(id: 5, hash: ledger.movements[4].hash))
    #expect(check.eventHead == ChainHead(id: 4, hash: ledger.events[3].hash))
    #expect(visited == ledger.events)
    #expect(envelopes == [ledger.envelope])
    try ledger.store.read { transaction throws in
      let heads = try transaction.chainHeads()
      #expect(heads.movement == check.movementHead)
      #expect(heads.event == check.eventHead)
      #expect(try transaction.firstDocumentStateMismatch() == nil)
      #expect(try transaction.firstMisdatedMovement() == nil)
      #expect(try transaction.firstSelfDecision(actions: ["adjust.approve"]) == nil)
      #expect(try transaction.repeatedNonce() == nil)
      #expect(try transaction.legacyCounts().movement == 0)
      #expect(try transaction.legacyCounts().event == 0)
    }
  }

  @Test(arguments: StorageImplementation.allCases)
  func anEmptyLedgerHasNoHeadsAndNoProblems(_ implementation: StorageImplementation) throws {
    let store = try implementation.makeEmpty()
    try store.read { transaction throws in
      let heads = try transaction.chainHeads()
      #expect(heads.movement == nil)
      #expect(heads.event == nil)
      #expect(try transaction.office() == nil)
      let check = try transaction.checkLedger(
        visit: { _ in }, visitEnvelope: { _ in }, progress: nil)
      #expect(check.problems == [])
      #expect([check.movementCount, check.eventCount] == [0, 0])
      #expect(check.movementHead == nil)
      #expect(check.eventHead == nil)
      #expect(try transaction.chainHash(table: .movement, id: 1) == nil)
    }
  }

  @Test(arguments: StorageImplementation.allCases)
  func everyEntryHasItsHashInTheChain(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    try ledger.store.read { transaction throws in
      #expect(
        try ledger.movements.map { try transaction.chainHash(table: .movement, id: $0.id) }
          == ledger.movements.map(\.hash))
      #expect(
        try ledger.events.map { try transaction.chainHash(table: .event, id: $0.id) }
          == ledger.events.map(\.hash))
      #expect(try transaction.chainHash(table: .movement, id: 6) == nil)
      #expect(try transaction.chainHash(table: .event, id: 5) == nil)
    }
  }

  /// The checks that look at what was recorded find the first thing wrong with it: a
  /// document whose state its events do not explain, a decision by whoever began the
  /// document (four eyes), and an outflow dated after the day it was recorded.
  @Test(arguments: StorageImplementation.allCases)
  func theRecordChecksNameTheFirstThingWrong(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    try ledger.sealedWrite { transaction throws in
      _ = try transaction.appendEvent(
        EventDraft(
          documentId: ledger.receipt.id, subject: ledger.receipt.number, action: "adjust.approve",
          actorId: ledger.clerk.id, recordedAt: ContractLedger.now, payload: "self"))
      let document = try transaction.insertDocument(.transfer, by: ledger.clerk)
      try transaction.setState(ContractDocument.laterState, ofDocument: document.id)
      var future = ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 1, 50, document)
      future.effectiveDate = Day("2026-12-05")!
      try transaction.post(future)
    }
    try ledger.store.read { transaction throws in
      let selfDecision = try #require(
        try transaction.firstSelfDecision(actions: ["adjust.approve"]))
      #expect(selfDecision.id == 5)
      #expect(selfDecision.action == "adjust.approve")
      #expect(selfDecision.document == "RCV-2026-000001")
      #expect(selfDecision.actor == "wang")
      let mismatch = try #require(try transaction.firstDocumentStateMismatch())
      #expect(mismatch.number == "TRF-2026-000002")
      #expect(mismatch.stored == ContractDocument.laterState.rawValue)
      #expect(mismatch.recorded == ContractDocument.state.rawValue)
      #expect(
        try transaction.firstMisdatedMovement()
          == .future(id: 6, date: "2026-12-05", recorded: ContractLedger.now.description))
    }
    #expect(try ledger.check().problems == [])
  }

  /// A backup is a new copy of the whole ledger that opens and checks as the original does;
  /// a backup never overwrites a file that is there.
  @Test(arguments: StorageImplementation.allCases)
  func aBackupIsTheWholeLedgerInANewFile(_ implementation: StorageImplementation) throws {
    let folder = try TemporaryFolder()
    let ledger = try ContractLedger(on: implementation.makeEmpty(in: folder))
    let destination = folder.file("backup")
    try ledger.store.backup(to: destination)
    let copy = try implementation.openBackup(at: destination)
    #expect(try ledger.snapshot(copy) == ledger.snapshot())
    #expect(try ledger.check(copy).problems == [])
    #expect(try ledger.check(copy).eventHead == ledger.check().eventHead)
    #expect(try copy.read { try $0.document(number: "TRF-2026-000001") } == ledger.transfer)
    let existing = folder.file("existing")
    #expect(FileManager.default.createFile(atPath: existing, contents: Data("keep me".utf8)))
    #expect(throws: LedgerError.fileExists(path: existing)) {
      try ledger.store.backup(to: existing)
    }
    #expect(FileManager.default.contents(atPath: existing) == Data("keep me".utf8))
  }
}
