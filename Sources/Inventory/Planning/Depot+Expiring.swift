import Ledger

/// Lots that expire soon, and expired stock still on hand.
public struct ExpiringReport: Codable, Sendable, Equatable {
  /// One lot at one place.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var location: String
    public var lot: String?
    public var expiry: String
    /// Days from today to the expiry; negative once expired.
    public var daysLeft: Int64
    public var quantity: Int64
    public var unit: String
    public var value: String
  }

  public var withinDays: Int
  public var expiring: [Line]
  public var expired: [Line]

  /// The office's expiry warning window: the days ahead the report looks without
  /// `--within`, and the inbox lists lots within.
  public static let warningDays = 60
}

extension Depot {
  /// Every lot on hand that expires within `days`, soonest first, and, separately, expired
  /// stock still on hand (every registered user).
  public func expiring(withinDays days: Int, as actor: String?) throws -> ExpiringReport {
    guard (0...3650).contains(days) else {
      throw DepotError.invalidOption(field: .within, reason: "must be 0 to 3650 days")
    }
    return try read(as: actor) { session in
      let horizon = session.today.adding(days: Int64(days))
      var expiring: [ExpiringReport.Line] = []
      var expired: [ExpiringReport.Line] = []
      for position in try session.transaction.stockPositions(itemID: nil, accountID: nil, asOf: nil)
      where position.quantity > 0 {
        guard let expiry = position.expiry, expiry <= horizon else { continue }
        let line = ExpiringReport.Line(
          item: position.itemCode, itemName: position.itemName, location: position.accountCode,
          lot: position.lotNumber, expiry: expiry.description,
          daysLeft: expiry.ordinal - session.today.ordinal, quantity: position.quantity,
          unit: position.baseUnit, value: Money.yuan(position.value))
        if expiry < session.today { expired.append(line) } else { expiring.append(line) }
      }
      let soonestFirst: (ExpiringReport.Line, ExpiringReport.Line) -> Bool = {
        ($0.expiry, $0.item, $0.location) < ($1.expiry, $1.item, $1.location)
      }
      return ExpiringReport(
        withinDays: days, expiring: expiring.sorted(by: soonestFirst),
        expired: expired.sorted(by: soonestFirst))
    }
  }
}
