import Foundation
import Ledger
import Testing

/// `write`, `read` and `batch`: a write applies entirely or not at all (SPEC §3 I8), a read
/// sees one snapshot, and a batch is one transaction whose writes are savepoints.
@Suite struct TransactionContractTests {
  @Test(arguments: StorageImplementation.allCases)
  func aWriteThatThrowsLeavesNothingBehind(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let before = try ledger.snapshot()
    #expect(throws: ContractFailure.abandoned) {
      try ledger.store.write { transaction throws in
        let document = try transaction.insertDocument(.receipt, by: ledger.clerk)
        let lot = try transaction.insertLot(
          LotRecord(
            itemId: ledger.item.id, number: "L-C", expiry: Day("2029-01-31"),
            sourceAccountId: ledger["SUP-JX"].id, orderDocumentId: nil,
            receiptDocumentId: document.id, createdAt: ContractLedger.now))
        try transaction.post(ledger.draft(lot, "SUP-JX", "WH-CENTRAL", 10, 100, document))
        try transaction.post(ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 10, 500))
        _ = try transaction.insertUser(name: "zhao", createdAt: ContractLedger.now)
        try ContractLedger.seal(
          transaction, since: before.position, actor: ledger.clerk, key: ledger.key)
        throw ContractFailure.abandoned
      }
    }
    #expect(try ledger.snapshot() == before)
    try ledger.store.read { transaction throws in
      #expect(try transaction.document(number: "RCV-2026-000002") == nil)
      #expect(try transaction.user(named: "zhao") == nil)
      #expect(try transaction.lots(itemID: ledger.item.id, number: "L-C") == [])
      #expect(
        try transaction.movements(ofDocument: ledger.transfer.id) == Array(ledger.movements[2...]))
    }
    #expect(try ledger.check().problems == [])
  }

  /// After a rolled-back write the next write takes the same number, ids and chain tips as if
  /// the failed one had never run.
  @Test(arguments: StorageImplementation.allCases)
  func theWriteAfterARollbackContinuesTheChainsWhereTheyWere(
    _ implementation: StorageImplementation
  ) throws {
    let ledger = try ContractLedger(implementation)
    let untouched = try ContractLedger(implementation)
    func receiveMore(_ transaction: any LedgerTransaction, _ ledger: ContractLedger) throws
      -> (DocumentRecord, MovementRecord)
    {
      let document = try transaction.insertDocument(.receipt, by: ledger.clerk)
      let movement = try transaction.post(
        ledger.draft(ledger.lotA, "SUP-JX", "WH-CENTRAL", 7, 350, document))
      return (document, movement)
    }
    #expect(throws: ContractFailure.abandoned) {
      try ledger.store.write { transaction throws in
        _ = try receiveMore(transaction, ledger)
        throw ContractFailure.abandoned
      }
    }
    let (document, movement) = try ledger.sealedWrite { try receiveMore($0, ledger) }
    let (expectedDocument, expectedMovement) = try untouched.sealedWrite {
      try receiveMore($0, untouched)
    }
    #expect(document.number == "RCV-2026-000002")
    #expect(document == expectedDocument)
    #expect(movement.id == 6)
    #expect(movement == expectedMovement)
    #expect(try ledger.snapshot() == untouched.snapshot())
  }

  @Test(arguments: StorageImplementation.allCases)
  func aRefusedMovementUndoesTheWholeWrite(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let before = try ledger.snapshot()
    #expect(throws: LedgerError.refusedByDatabase(rule: "negative stock")) {
      try ledger.store.write { transaction throws in
        try transaction.insertDocument(.transfer, by: ledger.clerk)
        try transaction.post(ledger.draft(ledger.lotB, "WH-CENTRAL", "WH-TOWN", 5, 250))
        try transaction.post(ledger.draft(ledger.lotA, "WH-TOWN", "WH-CENTRAL", 36, 1800))
      }
    }
    #expect(try ledger.snapshot() == before)
    #expect(
      try ledger.store.read { try $0.document(number: "TRF-2026-000002") } == nil)
  }

  /// While another caller commits writes one after another, every read sees the ledger as it
  /// stood between two of them: each write moves one L-A from WH-CENTRAL to WH-TOWN.
  @Test(arguments: StorageImplementation.allCases)
  func aReadSeesOneSnapshotWhileWritesCommit(_ implementation: StorageImplementation)
    async throws
  {
    let ledger = try ContractLedger(implementation)
    let writes = 30
    let sightings = try await withThrowingTaskGroup(of: [[Int64]].self) { group in
      group.addTask {
        for _ in 0..<writes {
          try ledger.sealedWrite { transaction throws in
            try transaction.post(ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 1, 50))
          }
        }
        return []
      }
      group.addTask {
        try (0..<writes).map { _ in
          try ledger.store.read { transaction throws in
            let central = try transaction.balance(
              accountID: ledger["WH-CENTRAL"].id, lotID: ledger.lotA.id)
            let town = try transaction.balance(
              accountID: ledger["WH-TOWN"].id, lotID: ledger.lotA.id)
            let head = try transaction.chainHeads().movement?.id ?? 0
            return [
              central.quantity, town.quantity, head, try transaction.writePosition().movement,
            ]
          }
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(sightings.count == writes)
    for sighting in sightings {
      let moved = sighting[1] - 35
      #expect(sighting[0] + sighting[1] == 95, "\(sighting)")
      #expect(sighting[2] == 5 + moved, "\(sighting)")
      #expect(sighting[3] == 5 + moved, "\(sighting)")
    }
    #expect(try ledger.snapshot().balances["WH-TOWN L-A"] == [65, 3250])
    #expect(try ledger.check().problems == [])
  }

  @Test(arguments: StorageImplementation.allCases)
  func aBatchThatThrowsCommitsNothing(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let before = try ledger.snapshot()
    #expect(throws: ContractFailure.abandoned) {
      try ledger.store.batch {
        for _ in 0..<3 {
          try ledger.sealedWrite { transaction throws in
            try transaction.insertDocument(.transfer, by: ledger.clerk)
            try transaction.post(ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 1, 50))
          }
        }
        throw ContractFailure.abandoned
      }
    }
    #expect(try ledger.snapshot() == before)
    #expect(try ledger.store.read { try $0.document(number: "TRF-2026-000002") } == nil)
  }

  /// Inside a batch each write is a savepoint: one that throws undoes only itself, the
  /// others commit with the batch, and reads inside the batch see the batch's writes.
  @Test(arguments: StorageImplementation.allCases)
  func aWriteThatThrowsInsideABatchUndoesOnlyItself(_ implementation: StorageImplementation)
    throws
  {
    let ledger = try ContractLedger(implementation)
    func transferOne(fail: Bool = false) throws -> (DocumentRecord, MovementRecord) {
      try ledger.sealedWrite { transaction throws in
        let document = try transaction.insertDocument(.transfer, by: ledger.clerk)
        let movement = try transaction.post(
          ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 1, 50, document))
        if fail { throw ContractFailure.abandoned }
        return (document, movement)
      }
    }
    let (first, third) = try ledger.store.batch {
      let first = try transferOne()
      let seen = try ledger.store.read { transaction throws in
        (
          try transaction.document(number: "TRF-2026-000002"),
          try transaction.balance(accountID: ledger["WH-TOWN"].id, lotID: ledger.lotA.id)
        )
      }
      #expect(seen.0 == first.0)
      #expect(seen.1 == (36, 1800))
      #expect(throws: ContractFailure.abandoned) { try transferOne(fail: true) }
      return (first, try transferOne())
    }
    #expect([first.0.number, third.0.number] == ["TRF-2026-000002", "TRF-2026-000003"])
    #expect([first.1.id, third.1.id] == [6, 7])
    try ledger.store.read { transaction throws in
      #expect(try transaction.document(number: "TRF-2026-000003") == third.0)
      #expect(try transaction.document(number: "TRF-2026-000004") == nil)
      #expect(try transaction.movements(ofDocument: third.0.id) == [third.1])
      #expect(try transaction.chainHeads().movement == ChainHead(id: 7, hash: third.1.hash))
    }
    #expect(try ledger.snapshot().balances["WH-TOWN L-A"] == [37, 1850])
    #expect(try ledger.check().problems == [])
  }
}
