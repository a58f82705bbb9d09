import Ledger

/// `depot report recovery`: infectious waste recovered against protective items issued, per
/// site, so that a site that does not return its waste stands out.
public struct RecoveryReport: Codable, Sendable, Equatable {
  /// One site in the period.
  public struct Site: Codable, Sendable, Equatable {
    public var site: String
    public var siteName: String
    /// Protective pieces that arrived at the site from issuances.
    public var protectivePieces: Int64
    /// Infectious waste collected at the site, in grams.
    public var infectiousGrams: Int64
    /// Grams per 1 000 protective pieces, rounded; nil when none arrived.
    public var gramsPerThousand: Int64?
    /// The day waste was last collected at the site, if ever.
    public var lastWaste: String?
    /// Days to the end of the period without waste, counted from the last batch or from the
    /// first protective arrival of the period, whichever is later.
    public var daysWithoutWaste: Int64?
    /// Why the site is listed; empty when it is not.
    public var reasons: [String]
  }

  public var from: String
  public var to: String
  /// The office median of grams per 1 000 pieces over the sites that received protective
  /// items, rounded.
  public var medianGramsPerThousand: Int64?
  public var sites: [Site]
  /// The sites listed: below a quarter of the median, or without waste for over 7 days.
  public var listed: [String]
}

extension Depot {
  /// Days without waste after which a site that received protective items is listed.
  static let silentDays: Int64 = 7

  /// Infectious waste recovered per 1 000 protective pieces issued, per site, from `from` to
  /// `to` (default: the 30 days to today), with the sites that stand out (every registered
  /// user).
  public func recovery(from: Day?, to: Day?, as actor: String?) throws -> RecoveryReport {
    try read(as: actor) { session in
      let end = Swift.min(to ?? session.today, session.today)
      let start = from ?? end.adding(days: -29)
      guard start <= end else {
        throw DepotError.invalidOption(
          field: .from, reason: "must not be after \(Field.to) (\(end))")
      }
      let before = Moment.start(of: end.adding(days: 1), in: session.timeZone)
      let arrivals = try session.transaction.siteArrivals(
        category: ItemCategory.protective.rawValue, fromDay: start, toDay: end)
      let grams = try session.transaction.collectedGrams(
        category: WasteCategory.infectious.rawValue,
        from: Moment.start(of: start, in: session.timeZone), before: before)
      let lastCollections = try session.transaction.lastCollections(before: before)
      var sites = try session.transaction.accounts(kinds: [.site]).compactMap {
        site -> RecoveryReport.Site? in
        let arrived = arrivals.first { $0.accountId == site.id }
        let recovered = grams[site.id] ?? 0
        guard arrived != nil || recovered > 0 else { return nil }
        let pieces = arrived?.quantity ?? 0
        let lastWaste = lastCollections[site.id]?.day(in: session.timeZone)
        var days: Int64?
        if let first = arrived?.firstDay {
          days = end.ordinal - Swift.max(lastWaste ?? first, first).ordinal
        }
        return RecoveryReport.Site(
          site: site.code, siteName: site.name, protectivePieces: pieces,
          infectiousGrams: recovered,
          gramsPerThousand: pieces > 0 ? (recovered * 1000 + pieces / 2) / pieces : nil,
          lastWaste: lastWaste?.description, daysWithoutWaste: days, reasons: [])
      }
      let ratios = sites.compactMap(\.gramsPerThousand).sorted()
      var twiceMedian: Int64?
      if !ratios.isEmpty {
        let middle = ratios.count / 2
        twiceMedian =
          ratios.count % 2 == 1 ? 2 * ratios[middle] : ratios[middle - 1] + ratios[middle]
      }
      for index in sites.indices {
        if let ratio = sites[index].gramsPerThousand, let twiceMedian, 8 * ratio < twiceMedian {
          sites[index].reasons.append(
            "\(ratio) g per 1000 pieces, below a quarter of the office median")
        }
        if let days = sites[index].daysWithoutWaste, days > Self.silentDays {
          sites[index].reasons.append("no waste returned for \(days) days")
        }
      }
      return RecoveryReport(
        from: start.description, to: end.description,
        medianGramsPerThousand: twiceMedian.map { ($0 + 1) / 2 }, sites: sites,
        listed: sites.filter { !$0.reasons.isEmpty }.map(\.site))
    }
  }
}
