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

  @Test func anEditedBalanceIsReportedWithBothFigures() throws {
    let ledger = try SmallLedger()
    try ledger.execute(
      "UPDATE balance SET quantity = 36 WHERE account_id = ? AND lot_id = ?",
      [ledger.town.id, ledger.lotA.id])
    #expect(
      try ledger.check().problems == [
        .balanceDisagrees(
          account: "WH-TOWN", lotID: ledger.lotA.id, stored: 36, computed: 35, storedValue: 1750,
          computedValue: 1750),
        .lotNotConserved(lotID: ledger.lotA.id, quantity: 1, value: 0),
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

  @Test func aRemovedBalanceRowIsReported() throws {
    let ledger = try SmallLedger()
    try ledger.execute(
      "DELETE FROM balance WHERE account_id = ? AND lot_id = ?",
      [ledger.consumed.id, ledger.lotA.id])
    #expect(
      try ledger.check().problems == [
        .balanceDisagrees(
          account: "consumed", lotID: ledger.lotA.id, stored: 0, computed: 5, storedValue: 0,
          computedValue: 250),
        .lotNotConserved(lotID: ledger.lotA.id, quantity: -5, value: -250),
      ])
  }
}
