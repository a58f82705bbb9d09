import Ledger
import Macros

/// Which requests `depot issue list` shows.
@MemberwiseInit
public struct IssuanceFilter: Sendable {
  public var state: DocumentState? = nil
  public var site: String? = nil
  public var priority: Priority? = nil
}

/// A request as listed.
public struct IssuanceListing: Codable, Sendable, Equatable {
  public var number: String
  public var state: String
  public var priority: String
  public var source: String
  public var site: String
  public var requester: String
  public var requestedAt: Moment
  public var neededBy: String?
}

/// How long issuance takes, per priority (SPEC §4).
public struct TimelinessReport: Codable, Sendable, Equatable {
  /// Count, median and 90th percentile of one step's durations, in hours, from the steps'
  /// effective times; `lateEntered` of them have a step entered after the day it took
  /// effect (SPEC §10), counted as taken at the end of that day.
  public struct Durations: Codable, Sendable, Equatable {
    public var count: Int
    public var medianHours: Double?
    public var p90Hours: Double?
    public var lateEntered: Int = 0
  }

  /// The four intervals for one priority.
  public struct PriorityRow: Codable, Sendable, Equatable {
    public var priority: String
    public var requests: Int
    public var requestToApproval: Durations
    public var approvalToShipment: Durations
    public var shipmentToConfirmation: Durations
    public var requestToConfirmation: Durations
  }

  /// A request that missed its needed-by date.
  public struct Late: Codable, Sendable, Equatable {
    public var number: String
    public var priority: String
    public var site: String
    public var neededBy: String
    public var confirmed: String?
    public var state: String
  }

  /// An approval that crossed a reserve floor, with its signed reason.
  public struct Override: Codable, Sendable, Equatable {
    public var number: String
    public var source: String
    public var site: String
    public var reason: String
  }

  public var from: String?
  public var to: String?
  public var priorities: [PriorityRow]
  public var late: [Late]
  public var overrides: [Override]
}

extension Depot {
  /// Requests, newest first.
  public func issuances(_ filter: IssuanceFilter, as actor: String?) throws -> [IssuanceListing] {
    try read(as: actor) { session in
      let site = try filter.site.map { try session.location($0, kind: .site) }
      return try session.transaction.issuances(
        state: filter.state, siteID: site?.id, priority: filter.priority?.rawValue
      ).map { row in
        IssuanceListing(
          number: row.document.number, state: row.document.state.rawValue,
          priority: row.request.priority,
          source: row.sourceCode, site: row.siteCode, requester: row.requesterName,
          requestedAt: row.request.requestedAt,
          neededBy: row.request.neededBy?.description)
      }
    }
  }

  /// Request → approval → shipment → confirmation times per priority, for requests made
  /// between two days (office time), and the requests that missed their needed-by date.
  public func timeliness(from: Day?, to: Day?, as actor: String?) throws -> TimelinessReport {
    try read(as: actor) { session in
      let rows = try session.transaction.issuances(state: nil, siteID: nil, priority: nil)
        .filter { row in
          let requested = row.request.requestedAt.day(in: session.timeZone)
          return (from.map { requested >= $0 } ?? true) && (to.map { requested <= $0 } ?? true)
        }
      var priorities: [TimelinessReport.PriorityRow] = []
      for priority in Priority.allCases {
        let matching = rows.filter { $0.request.priority == priority.rawValue }
        func durations(_ start: IssuanceStep, _ end: IssuanceStep) -> TimelinessReport.Durations {
          let timed = matching.compactMap { row -> (milliseconds: Int64, late: Bool)? in
            guard let begin = start.moment(of: row.request),
              let finish = end.moment(of: row.request)
            else { return nil }
            return (
              finish.milliseconds - begin.milliseconds,
              start.enteredLate(row.request) || end.enteredLate(row.request)
            )
          }
          var result = Statistics.durations(timed.map(\.milliseconds))
          result.lateEntered = timed.filter(\.late).count
          return result
        }
        priorities.append(
          TimelinessReport.PriorityRow(
            priority: priority.rawValue, requests: matching.count,
            requestToApproval: durations(.request, .approval),
            approvalToShipment: durations(.approval, .shipment),
            shipmentToConfirmation: durations(.shipment, .confirmation),
            requestToConfirmation: durations(.request, .confirmation)))
      }
      let late = rows.compactMap { row -> TimelinessReport.Late? in
        guard let neededBy = row.request.neededBy else { return nil }
        let confirmed = row.request.confirmedAt?.day(in: session.timeZone)
        let finished = [.rejected, .cancelled].contains(row.document.state)
        guard !finished, (confirmed.map { $0 > neededBy } ?? (session.today > neededBy)) else {
          return nil
        }
        return TimelinessReport.Late(
          number: row.document.number, priority: row.request.priority, site: row.siteCode,
          neededBy: neededBy.description, confirmed: confirmed?.description,
          state: row.document.state.rawValue)
      }
      let overrides = rows.compactMap { row in
        row.request.floorOverrideReason.map {
          TimelinessReport.Override(
            number: row.document.number, source: row.sourceCode, site: row.siteCode, reason: $0)
        }
      }
      return TimelinessReport(
        from: from?.description, to: to?.description, priorities: priorities,
        late: late.sorted { $0.number < $1.number },
        overrides: overrides.sorted { $0.number < $1.number })
    }
  }
}

/// A step of an issuance request that the timeliness report times.
enum IssuanceStep {
  case request, approval, shipment, confirmation

  /// When the step took effect, once taken.
  func moment(of request: IssuanceRequestRecord) -> Moment? {
    switch self {
    case .request: request.requestedAt
    case .approval: request.approvedAt
    case .shipment: request.firstShippedAt
    case .confirmation: request.confirmedAt
    }
  }

  /// Whether the step was entered after the day it took effect.
  func enteredLate(_ request: IssuanceRequestRecord) -> Bool {
    switch self {
    case .request: false
    case .approval: request.approvalEnteredLate
    case .shipment: request.shipmentEnteredLate
    case .confirmation: request.confirmationEnteredLate
    }
  }
}

/// Medians and percentiles of durations.
enum Statistics {
  static func durations(_ milliseconds: [Int64]) -> TimelinessReport.Durations {
    let sorted = milliseconds.sorted()
    guard !sorted.isEmpty else { return .init(count: 0, medianHours: nil, p90Hours: nil) }
    return .init(
      count: sorted.count, medianHours: hours(percentile(sorted, 50)),
      p90Hours: hours(percentile(sorted, 90)))
  }

  /// The nearest-rank percentile: the smallest value with at least `percent` % at or below it.
  static func percentile(_ sorted: [Int64], _ percent: Int) -> Int64 {
    let rank = max(1, (percent * sorted.count + 99) / 100)
    return sorted[rank - 1]
  }

  static func hours(_ milliseconds: Int64) -> Double {
    (Double(milliseconds) / 360_000).rounded() / 10
  }
}
