import Ledger

/// The day's report to the command headquarters (SPEC §1): what came in, what went out, what
/// is still waiting, the reserves of protective and disinfection items against their floors,
/// and the purchases planned.
public struct DailyReport: Codable, Sendable, Equatable {
  /// Stock received from a supplier or donor.
  public struct Arrival: Codable, Sendable, Equatable {
    public var document: String
    /// `purchase` or `donation`.
    public var kind: String
    public var source: String
    public var sourceName: String
    public var item: String
    public var itemName: String
    public var quantity: Int64
    public var unit: String
    public var value: String
  }

  /// Stock shipped to a site, or issued at one priority.
  public struct Issued: Codable, Sendable, Equatable {
    public var site: String?
    public var priority: String?
    public var item: String
    public var quantity: Int64
    public var unit: String
  }

  /// A request still waiting for approval or shipment.
  public struct Pending: Codable, Sendable, Equatable {
    public var number: String
    public var state: String
    public var waitingFor: String
    public var priority: String
    public var site: String
    public var requestedAt: Moment
    public var ageHours: Int64
  }

  /// A request line not wholly approved (SPEC §10): on an open request, what awaits a
  /// decision is unmet demand; a line declined on the day shows what and why.
  public struct Unmet: Codable, Sendable, Equatable {
    public var number: String
    public var site: String
    public var priority: String
    public var item: String
    public var itemName: String
    public var unit: String
    public var requested: Int64
    public var approved: Int64
    public var declined: Int64
    public var declineReason: String?
    public var awaitingDecision: Int64
  }

  /// A waste batch collected or handed over on the day.
  public struct WasteLine: Codable, Sendable, Equatable {
    public var batch: String
    public var category: String
    public var source: String
    public var grams: Int64?
    public var containers: Int64?
    public var manifest: String?
    public var contractor: String?
  }

  /// One day's issuance shipments, for the 14-day chart.
  public struct DayTotal: Codable, Sendable, Equatable {
    public var date: String
    public var quantity: Int64
  }

  public var date: String
  public var office: String
  public var received: [Arrival]
  public var issuedBySite: [Issued]
  public var issuedByPriority: [Issued]
  public var pending: [Pending]
  public var unmetDemand: [Unmet]
  public var reserves: [ReserveStatus]
  public var issuancePerDay: [DayTotal]
  public var wasteCollected: [WasteLine]
  public var wasteHandedOver: [WasteLine]
  /// Batches past the 48 hours and not handed over, at the end of the day.
  public var wasteOverdue: [String]
  public var plannedPurchases: [ReorderProposal]
}

extension Depot {
  /// The report for one day, `date` or today (every registered user).
  public func dailyReport(
    on date: Day?, _ settings: PlanningSettings = PlanningSettings(), as actor: String?
  ) throws -> DailyReport {
    try read(as: actor) { session in
      let day = date ?? session.today
      guard day <= session.today else {
        throw DepotError.futureDate(day, today: session.today)
      }
      let transaction = session.transaction
      let unmet = try transaction.unmetLines(declinedOn: day)
      let received = try transaction.arrivals(on: day).map { line in
        DailyReport.Arrival(
          document: line.documentNumber,
          kind: line.documentKind == .donation ? "donation" : "purchase",
          source: line.sourceCode, sourceName: line.sourceName, item: line.itemCode,
          itemName: line.itemName, quantity: line.quantity, unit: line.unit,
          value: Money.yuan(line.value))
      }
      let shipped = try transaction.shipmentsBySite(
        after: day.adding(days: -1), through: day)
      let bySite = shipped.map {
        DailyReport.Issued(
          site: $0.siteCode, priority: nil, item: $0.itemCode, quantity: $0.quantity,
          unit: $0.unit)
      }
      var byPriority: [DailyReport.Issued] = []
      for priority in Priority.allCases {
        for line in shipped where line.priority == priority.rawValue {
          if let index = byPriority.firstIndex(where: {
            $0.priority == line.priority && $0.item == line.itemCode
          }) {
            byPriority[index].quantity += line.quantity
          } else {
            byPriority.append(
              .init(
                site: nil, priority: line.priority, item: line.itemCode, quantity: line.quantity,
                unit: line.unit))
          }
        }
      }
      let statuses = try session.reserveStatuses(settings)
      let reserves = statuses.filter { status in
        let category = try? session.item(status.item).category
        return category == ItemCategory.protective.rawValue
          || category == ItemCategory.disinfectant.rawValue
      }
      let perDay = Dictionary(
        try transaction.shipmentsPerDay(
          after: day.adding(days: -14), through: day
        ).map { ($0.day, $0.quantity) }, uniquingKeysWith: +)
      let recent = try session.registerEntries(
        session.registerFilter(from: day.adding(days: -30), to: day))
      func onDay(_ moment: Moment?) -> Bool {
        moment?.day(in: session.timeZone) == day
      }
      let wasteLine = { (entry: WasteRegisterEntry) in
        DailyReport.WasteLine(
          batch: entry.batch, category: entry.category, source: entry.source,
          grams: entry.weightGrams, containers: entry.containers, manifest: entry.manifestNumber,
          contractor: entry.contractor)
      }
      return DailyReport(
        date: day.description, office: session.office.name, received: received,
        issuedBySite: bySite, issuedByPriority: byPriority, pending: try session.pending(unmet),
        unmetDemand: unmet.map(DailyReport.Unmet.init), reserves: reserves,
        issuancePerDay: (0..<14).reversed().map { back in
          let date = day.adding(days: -Int64(back))
          return DailyReport.DayTotal(date: date.description, quantity: perDay[date] ?? 0)
        },
        wasteCollected: recent.filter { onDay($0.openedAt) }.map(wasteLine),
        wasteHandedOver: recent.filter { onDay($0.handedOverAt) }.map(wasteLine),
        wasteOverdue: recent.filter(\.overdue).map(\.batch),
        plannedPurchases: try statuses.compactMap { try session.proposal(for: $0, settings) })
    }
  }
}

extension DailyReport.Unmet {
  init(_ line: UnmetLine) {
    self.init(
      number: line.documentNumber, site: line.siteCode, priority: line.priority,
      item: line.itemCode, itemName: line.itemName, unit: line.unit, requested: line.requested,
      approved: line.approved, declined: line.declined, declineReason: line.declineReason,
      awaitingDecision: line.awaitsDecision ? line.requested - line.approved - line.declined : 0)
  }
}

extension UnmetLine {
  /// Whether part of the line awaits a decision on a request still open.
  var awaitsDecision: Bool {
    DocumentKind.issuanceRequest.isOpen(state) && requested > approved + declined
  }
}

extension Session {
  /// Requests waiting for approval, approved and not yet fully shipped, or shipped with
  /// lines that still await a decision (`unmet`), oldest first.
  func pending(_ unmet: [UnmetLine]) throws -> [DailyReport.Pending] {
    let undecided = unmet.filter { $0.awaitsDecision && $0.state != .requested }
    var waiting: [DailyReport.Pending] = []
    func add(
      _ number: String, _ state: DocumentState, _ waitingFor: String, priority: String,
      site: String, requested: Moment
    ) {
      waiting.append(
        DailyReport.Pending(
          number: number, state: state.rawValue, waitingFor: waitingFor, priority: priority,
          site: site, requestedAt: requested,
          ageHours: (now.milliseconds - requested.milliseconds) / 3_600_000))
    }
    for (state, waitingFor) in [(DocumentState.requested, "approval"), (.approved, "shipment")] {
      for row in try transaction.issuances(state: state, siteID: nil, priority: nil) {
        let awaits = undecided.contains { $0.documentNumber == row.document.number }
        add(
          row.document.number, state, awaits ? "shipment, decision" : waitingFor,
          priority: row.request.priority, site: row.siteCode, requested: row.request.requestedAt)
      }
    }
    var listed = Set(waiting.map(\.number))
    for line in undecided where listed.insert(line.documentNumber).inserted {
      add(
        line.documentNumber, line.state, "decision", priority: line.priority,
        site: line.siteCode, requested: line.requestedAt)
    }
    return waiting.sorted { $0.requestedAt < $1.requestedAt }
  }
}
