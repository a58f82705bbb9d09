import Foundation
import Ledger
import Testing

/// Movements and the balances they derive (SPEC §3 I1, I2, I5), and the movement and event
/// chains (I9), which must hash the same bytes on every implementation so that an office
/// moved from one to another verifies the same on both (§12).
@Suite struct MovementContractTests {
  /// The ledger's balances by "ACCOUNT LOT", as the movements sum them up.
  static func summed(_ ledger: ContractLedger, _ movements: [MovementRecord]) -> [String: [Int64]] {
    var sums: [String: [Int64]] = [:]
    for (code, account) in ledger.accounts {
      for lot in [ledger.lotA, ledger.lotB] {
        var sum: [Int64] = [0, 0]
        for movement in movements where movement.lotId == lot.id {
          let sign: Int64 =
            movement.toAccountId == account.id ? 1 : movement.fromAccountId == account.id ? -1 : 0
          sum = [sum[0] + sign * movement.quantity, sum[1] + sign * movement.value]
        }
        sums["\(code) \(lot.number ?? "-")"] = sum
      }
    }
    return sums
  }

  @Test(arguments: StorageImplementation.allCases)
  func balancesAreTheSumOfTheMovements(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    #expect(try ledger.snapshot().balances == Self.summed(ledger, ledger.movements))
    #expect(
      try ledger.snapshot().balances == [
        "SUP-JX L-A": [-100, -5000], "SUP-JX L-B": [-60, -3000],
        "WH-CENTRAL L-A": [60, 3000], "WH-CENTRAL L-B": [50, 2500],
        "WH-TOWN L-A": [35, 1750], "WH-TOWN L-B": [10, 500],
        "consumed L-A": [5, 250], "consumed L-B": [0, 0],
      ])
    let more = try ledger.sealedWrite { transaction throws in
      try transaction.post([
        ledger.draft(ledger.lotB, "WH-TOWN", "consumed", 10, 500),
        ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 60, 3000),
        ledger.draft(ledger.lotB, "SUP-JX", "WH-TOWN", 1, 50),
      ])
    }
    #expect(more.map(\.id) == [6, 7, 8])
    let balances = try ledger.snapshot().balances
    #expect(balances == Self.summed(ledger, ledger.movements + more))
    #expect(balances["WH-CENTRAL L-A"] == [0, 0])
    #expect(balances["WH-TOWN L-B"] == [1, 50])
    #expect(try ledger.check().problems == [])
  }

  /// Stock positions list the physical places only, by item code, place code and first
  /// expiry; holdings list what one place holds, first expiry first.
  @Test(arguments: StorageImplementation.allCases)
  func positionsAndHoldingsFollowTheBalances(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    try ledger.store.read { transaction throws in
      let positions = try transaction.stockPositions(
        itemID: ledger.item.id, accountID: nil, asOf: nil)
      #expect(
        positions.map { "\($0.accountCode) \($0.lotNumber ?? "-") \($0.quantity) \($0.value)" } == [
          "WH-CENTRAL L-A 60 3000", "WH-CENTRAL L-B 50 2500", "WH-TOWN L-A 35 1750",
          "WH-TOWN L-B 10 500",
        ])
      #expect(
        positions.first
          == StockPosition(
            itemId: ledger.item.id, itemCode: "MASK-SURG", itemName: "一次性医用口罩",
            baseUnit: "piece", accountId: ledger["WH-CENTRAL"].id, accountCode: "WH-CENTRAL",
            accountName: "WH-CENTRAL 仓库", accountKind: .warehouse, lotId: ledger.lotA.id,
            lotNumber: "L-A", expiry: Day("2028-01-31"), quantity: 60, value: 3000))
      #expect(
        try transaction.stockPositions(itemID: nil, accountID: nil, asOf: ContractLedger.day)
          == positions)
      #expect(
        try transaction.stockPositions(itemID: nil, accountID: nil, asOf: Day("2026-11-28")) == [])
      #expect(
        try transaction.stockPositions(
          itemID: ledger.item.id, accountID: ledger["WH-TOWN"].id, asOf: nil) == [
            positions[2], positions[3],
          ])
      #expect(
        try transaction.holdings(itemID: ledger.item.id, accountID: ledger["WH-CENTRAL"].id) == [
          LotHolding(lot: ledger.lotA, quantity: 60, value: 3000),
          LotHolding(lot: ledger.lotB, quantity: 50, value: 2500),
        ])
      #expect(try transaction.lot(id: ledger.lotB.id) == ledger.lotB)
      #expect(
        try transaction.lot(
          itemID: ledger.item.id, number: "L-A", sourceAccountID: ledger["SUP-JX"].id,
          orderDocumentID: nil) == ledger.lotA)
      #expect(
        try transaction.movements(ofDocument: ledger.receipt.id) == Array(ledger.movements[..<2]))
    }
  }

  /// What a place may not give away (SPEC §3 I2): WH-TOWN holds 35 of L-A worth 17.50.
  struct Overdraw: Sendable, CustomTestStringConvertible {
    var quantity: Int64
    var value: Int64
    var testDescription: String { "\(quantity) worth \(value) fen" }
  }

  @Test(
    arguments: StorageImplementation.allCases,
    [
      Overdraw(quantity: 36, value: 0), Overdraw(quantity: 35, value: 1751),
      Overdraw(quantity: 35, value: 1700), Overdraw(quantity: 1, value: 1751),
    ])
  func aMovementThatWouldTakeAPlaceBelowZeroIsRefused(
    _ implementation: StorageImplementation, _ overdraw: Overdraw
  ) throws {
    let ledger = try ContractLedger(implementation)
    let before = try ledger.snapshot()
    #expect(throws: LedgerError.refusedByDatabase(rule: "negative stock")) {
      try ledger.sealedWrite { transaction throws in
        try transaction.post(
          ledger.draft(ledger.lotA, "WH-TOWN", "WH-CENTRAL", overdraw.quantity, overdraw.value))
      }
    }
    #expect(try ledger.snapshot() == before)
    #expect(try ledger.check().problems == [])
  }

  @Test(arguments: StorageImplementation.allCases)
  func aPlaceMayBeEmptiedExactly(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    try ledger.sealedWrite { transaction throws in
      try transaction.post(ledger.draft(ledger.lotA, "WH-TOWN", "WH-CENTRAL", 35, 1750))
    }
    #expect(try ledger.snapshot().balances["WH-TOWN L-A"] == [0, 0])
    #expect(try ledger.check().problems == [])
  }

  /// Posting drafts in one call chains them exactly as posting them one by one does.
  @Test(arguments: StorageImplementation.allCases)
  func manyDraftsAtOnceChainAsSinglePosts(_ implementation: StorageImplementation) throws {
    let together = try ContractLedger(implementation)
    let apart = try ContractLedger(implementation)
    let drafts = [
      together.draft(together.lotA, "WH-CENTRAL", "WH-TOWN", 3, 150),
      together.draft(together.lotB, "WH-CENTRAL", "WH-TOWN", 4, 200),
      together.draft(together.lotA, "WH-TOWN", "consumed", 5, 250),
    ]
    let posted = try together.sealedWrite { try $0.post(drafts) }
    let single = try apart.sealedWrite { transaction in try drafts.map { try transaction.post($0) }
    }
    #expect(posted == single)
    #expect(try together.snapshot() == apart.snapshot())
  }

  /// Each entry's hash is SHA-256 of the previous hash and the entry's canonical encoding,
  /// which names the office; the first follows 32 zero bytes.
  @Test(arguments: StorageImplementation.allCases)
  func everyEntryChainsOnTheOneBefore(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    var previous = HashChain.genesis
    for movement in ledger.movements {
      let lot = movement.lotId == ledger.lotA.id ? ledger.lotA : ledger.lotB
      let identity = LotIdentity(
        number: lot.number, expiry: lot.expiry, sourceAccountId: lot.sourceAccountId)
      let encoding = movement.canonicalEncoding(lot: identity, office: ContractLedger.office)
      #expect(movement.hash == HashChain.next(after: previous, encoding: encoding))
      previous = movement.hash
    }
    previous = HashChain.genesis
    for event in ledger.events {
      let encoding = event.canonicalEncoding(office: ContractLedger.office)
      #expect(event.hash == HashChain.next(after: previous, encoding: encoding))
      previous = event.hash
    }
    #expect(try ledger.store.read { try $0.officeCode() } == ContractLedger.office)
  }

  /// The same ledger hashes to these bytes on every implementation: the hashes were taken
  /// from the SQLite implementation, and an implementation that encodes or chains any field
  /// otherwise fails here, before any office is moved to it.
  @Test(arguments: StorageImplementation.allCases)
  func theChainsHashToTheSameBytesOnEveryImplementation(_ implementation: StorageImplementation)
    throws
  {
    let ledger = try ContractLedger(implementation)
    #expect(
      [ledger.clerk.id, ledger.item.id, ledger["SUP-JX"].id, ledger.receipt.id, ledger.lotA.id]
        == [1, 1, 5, 1, 1], "the ids the hashes cover")
    #expect(
      ledger.movements.map(\.hash.hexadecimal) == [
        "81e96f250ebdef3371195e57821ec2d975aa16722336d098f07b59ed55e66f88",
        "fd215512683e2632903ca44c60858203bc8e52e8a65e165165bcb4e120d95c38",
        "81720c861ba6341ef37989a7fe1fcfb443981afab06d75248384202062c9ed72",
        "28d07d91efb1b4e1a74bbc1648a2f14465451ece977a807b6e65d9abde47035f",
        "589a86e4cd7cf8afd27b5f1f71f64a83e7f20134cd2d9639968b5362ea1d3fcf",
      ])
    #expect(
      ledger.events.map(\.hash.hexadecimal) == [
        "d1e65d70d5caa313ff6b9c6e728bbfc7119ed3af87ae819ba6026142c2b01a3b",
        "b35729de848716a0b7bef59a5d26584fe4e2df135cec702d80371833244fdcde",
        "0a0434135c6512c502fd4227289c99c4cd5e67f01d3fbd08fe144f3406904838",
        "0064bcf0bcbaa29c4ef284ad4a8c1e540ad901f2d4a153b99d303c584bfd6cb6",
      ])
  }
}
