import Testing

@testable import Ledger
@testable import LedgerSQLite

/// Stored balances are derived data (SPEC I5): `checkLedger` recomputes them from the
/// movements.
@Suite struct DerivedBalanceTests {
  @Test func theStoredBalancesAreTheSumsOfTheMovements() throws {
    let ledger = try SmallLedger()
    let rows = try ledger.balances().map { [$0.accountId, $0.lotId, $0.quantity, $0.value] }
    let (a, b) = (ledger.lotA.id, ledger.lotB.id)
    #expect(
      rows == [
        [ledger.consumed.id, a, 5, 250],
        [ledger.supplier.id, a, -100, -5000], [ledger.supplier.id, b, -60, -3000],
        [ledger.central.id, a, 60, 3000], [ledger.central.id, b, 50, 2500],
        [ledger.town.id, a, 35, 1750], [ledger.town.id, b, 10, 500],
      ])
  }

  /// A balance row of lot A edited or removed behind the ledger's back is reported with its
  /// stored and computed figures, and the lot no longer adds up.
  @Test(
    arguments: [
      ("UPDATE balance SET quantity = 36", "WH-TOWN", [36, 35, 1750, 1750], [1, 0]),
      ("DELETE FROM balance", "consumed", [0, 5, 0, 250], [-5, -250]),
    ] as [(String, String, [Int64], [Int64])])
  func aChangedBalanceRowIsReportedWithBothFigures(
    sql: String, account code: String, figures: [Int64], unconserved: [Int64]
  ) throws {
    let ledger = try SmallLedger()
    let account = try #require([ledger.town, ledger.consumed].first { $0.code == code })
    try ledger.execute(
      sql + " WHERE account_id = ? AND lot_id = ?", [account.id, ledger.lotA.id])
    #expect(
      try ledger.check().problems == [
        .balanceDisagrees(
          account: code, lotID: ledger.lotA.id, stored: figures[0], computed: figures[1],
          storedValue: figures[2], computedValue: figures[3]),
        .lotNotConserved(lotID: ledger.lotA.id, quantity: unconserved[0], value: unconserved[1]),
      ])
  }

  @Test func anEditedBalanceValueIsReported() throws {
    let ledger = try SmallLedger()
    try ledger.execute(
      "UPDATE balance SET value = 0 WHERE account_id = ? AND lot_id = ?",
      [ledger.central.id, ledger.lotB.id])
    #expect(
      try ledger.check().problems.first
        == .balanceDisagrees(
          account: "WH-CENTRAL", lotID: ledger.lotB.id, stored: 50, computed: 50, storedValue: 0,
          computedValue: 2500))
  }
}
