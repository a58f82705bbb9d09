import Ledger

/// What of the stock at each place cannot be used (SPEC §2: available = on hand − reserved −
/// unusable): lots that have expired or are recalled, what write-offs and disinfection hold,
/// and anything at a waste point.
struct UnusableStock {
  private var held: [LotKey: Int64] = [:]
  private var recalled: Set<Int64> = []

  /// Expiry and waste points only: for stock as it stood on an earlier day, when today's
  /// holds and recalls do not apply.
  init() {}

  /// Today's holds and recalls as well.
  init(_ transaction: any LedgerTransaction) throws {
    for hold in try transaction.holds() {
      held[LotKey(lot: hold.lotId, location: hold.accountId)] = hold.quantity
    }
    recalled = try transaction.recalledLotIDs()
  }

  /// How much of a lot at a place may be used on `day`.
  func usable(_ position: StockPosition, on day: Day) -> Int64 {
    let expired = position.expiry.map { $0 < day } ?? false
    guard !expired, !recalled.contains(position.lotId), position.accountKind != .wastePoint
    else { return 0 }
    return Swift.max(
      0, position.quantity - (held[LotKey(lot: position.lotId, location: position.accountId)] ?? 0))
  }
}

/// A lot at a place.
struct LotKey: Hashable {
  var lot: Int64
  var location: Int64
}
