import Testing

@testable import Ledger
@testable import LedgerSQLite

@Suite struct NegativeStockTests {
  /// The town holds 35 of lot A worth 17.50.
  @Test(arguments: [
    (quantity: Int64(36), value: Int64(0)),
    (quantity: 35, value: 1751),
    (quantity: 35, value: 1700),
    (quantity: 1, value: 1751),
  ])
  func aMovementThatWouldTakeAWarehouseBelowZeroIsRefused(quantity: Int64, value: Int64) throws {
    let ledger = try SmallLedger()
    let balancesBefore = try ledger.balances()
    let headsBefore = try ledger.store.read { try $0.chainHeads() }
    #expect(throws: LedgerError.refusedByDatabase(rule: "negative stock")) {
      try ledger.store.write { transaction in
        try transaction.post(
          MovementDraft(
            lot: ledger.lotA, fromAccountId: ledger.town.id, toAccountId: ledger.central.id,
            quantity: quantity, value: value, documentId: ledger.transfer.id,
            actorId: ledger.clerk.id, effectiveDate: Day("2026-11-29")!,
            recordedAt: Moment("2026-11-29T03:00:00.000Z")!))
      }
    }
    #expect(try ledger.balances() == balancesBefore)
    #expect(
      try ledger.store.read { try $0.balance(accountID: ledger.town.id, lotID: ledger.lotA.id) }
        == (35, 1750))
    #expect(try ledger.store.read { try $0.chainHeads() }.movement == headsBefore.movement)
    #expect(try ledger.check().problems.isEmpty)
  }

  @Test func emptyingAWarehouseExactlyIsAllowed() throws {
    let ledger = try SmallLedger()
    _ = try ledger.store.write { transaction in
      try transaction.post(
        MovementDraft(
          lot: ledger.lotA, fromAccountId: ledger.town.id, toAccountId: ledger.central.id,
          quantity: 35, value: 1750, documentId: ledger.transfer.id, actorId: ledger.clerk.id,
          effectiveDate: Day("2026-11-29")!, recordedAt: Moment("2026-11-29T03:00:00.000Z")!))
    }
    let town = try ledger.store.read {
      try $0.balance(accountID: ledger.town.id, lotID: ledger.lotA.id)
    }
    #expect(town == (0, 0))
    #expect(try ledger.check().problems.isEmpty)
  }

  @Test func aSupplierMayGoBelowZeroByWhatItDelivered() throws {
    let ledger = try SmallLedger()
    let supplier = try ledger.store.read {
      try $0.balance(accountID: ledger.supplier.id, lotID: ledger.lotB.id)
    }
    #expect(supplier == (-60, -3000))
  }
}
