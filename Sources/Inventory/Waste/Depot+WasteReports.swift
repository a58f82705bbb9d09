import Ledger
import Macros

/// Which batches `depot waste list` shows.
@MemberwiseInit
public struct WasteListFilter: Sendable {
  public var state: DocumentState? = nil
  /// Only batches not handed over within 48 hours of collection.
  public var overdueOnly: Bool = false
}

/// `depot report waste`: the register for a period, totals per class, and the batches that
/// broke the 48-hour limit.
public struct WasteReport: Codable, Sendable, Equatable {
  /// What one class of waste came to.
  public struct CategoryTotal: Codable, Sendable, Equatable {
    public var category: String
    public var batches: Int
    public var grams: Int64
  }

  public var from: String?
  public var to: String?
  public var batches: [WasteRegisterEntry]
  public var categories: [CategoryTotal]
  /// Not handed over, and past the 48 hours now.
  public var overdue: [String]
  /// Handed over, but after the 48 hours.
  public var handedOverLate: [String]
}

extension Depot {
  /// Batches, oldest first, optionally in one state or only the overdue ones (every
  /// registered user).
  public func wasteList(_ filter: WasteListFilter, as actor: String?) throws
    -> [WasteRegisterEntry]
  {
    try read(as: actor) { session in
      let states = filter.overdueOnly ? WasteClock.notHandedOver : nil
      return try session.registerEntries(WasteRegisterFilter(states: states)).filter { entry in
        (filter.state.map { entry.state == $0.rawValue } ?? true)
          && (!filter.overdueOnly || entry.overdue)
      }
    }
  }

  /// The register of the batches opened between two days (office time), with totals per
  /// class and the batches that broke the 48-hour limit (every registered user).
  public func wasteReport(from: Day?, to: Day?, as actor: String?) throws -> WasteReport {
    try read(as: actor) { session in
      let batches = try session.registerEntries(session.registerFilter(from: from, to: to))
      let categories = WasteCategory.allCases.compactMap { category -> WasteReport.CategoryTotal? in
        let matching = batches.filter { $0.category == category.rawValue }
        guard !matching.isEmpty else { return nil }
        return WasteReport.CategoryTotal(
          category: category.rawValue, batches: matching.count,
          grams: matching.reduce(0) { $0 + ($1.weightGrams ?? 0) })
      }
      return WasteReport(
        from: from?.description, to: to?.description, batches: batches, categories: categories,
        overdue: batches.filter(\.overdue).map(\.batch),
        handedOverLate: batches.filter(\.handedOverLate).map(\.batch))
    }
  }

  /// Every register entry of the batches opened between two days (office time), oldest
  /// first, one at a time: what `depot export waste` writes (every registered user; the
  /// export command checks its own roles).
  public func forEachWasteRegisterEntry(
    from: Day?, to: Day?, as actor: String?, _ body: (WasteRegisterEntry) throws -> Void
  ) throws {
    try read(as: actor) { session in
      try session.transaction.forEachWasteRegisterRow(session.registerFilter(from: from, to: to)) {
        row in
        try body(session.registerEntry(row))
      }
    }
  }
}

extension Session {
  /// The batches opened from the start of `from` to the end of `to`, office time.
  func registerFilter(from: Day?, to: Day?) -> WasteRegisterFilter {
    WasteRegisterFilter(
      openedFrom: from.map { Moment.start(of: $0, in: timeZone).description },
      openedBefore: to.map { Moment.start(of: $0.adding(days: 1), in: timeZone).description })
  }
}
