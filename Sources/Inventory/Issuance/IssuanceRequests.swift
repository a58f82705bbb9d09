import Ledger
import Macros

/// An item and a typed amount of it: `MASK-SURG=4box`.
@MemberwiseInit
public struct ItemAmount: Sendable, Equatable, Codable, CustomStringConvertible {
  public var item: String
  public var amount: QuantityAmount

  /// Parses `CODE=QTY`, the quantity in any of the forms `--qty` accepts.
  public static func parse(_ text: String) throws(QuantityError) -> ItemAmount {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else { throw .notANumber(text) }
    return ItemAmount(item: parts[0], amount: try QuantityAmount.parse(parts[1]))
  }

  public var description: String { "\(item)=\(amount.description.replacingSpaces)" }
}

extension String {
  fileprivate var replacingSpaces: String { split(separator: " ").joined() }
}

/// How urgent a request is.
public enum Priority: String, CaseIterable, Codable, Sendable, Comparable {
  case urgent, high, normal

  public static func < (lhs: Priority, rhs: Priority) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// `depot issue request`: a site asks a warehouse for supplies.
@MemberwiseInit
public struct IssueRequest: DepotRequest {
  public typealias Result = IssuanceView
  public var source: String
  public var site: String
  public var items: [ItemAmount]
  public var priority: Priority = .normal
  public var neededBy: Day? = nil
  public var note: String? = nil

  public var command: String { "issue request" }
  public var inputs: [(Field, String)] {
    [(.from, source), (.to, site)] + items.map { (.item, $0.description) }
      + [(.priority, priority.rawValue)]
      + (neededBy.map { [(.neededBy, "\($0)")] } ?? []) + (note.map { [(.note, $0)] } ?? [])
  }
}

/// `depot issue approve`: every line awaiting a decision in full, or in part with `items`,
/// none of those in `declines`.
@MemberwiseInit
public struct IssueApproval: DepotRequest {
  public typealias Result = IssuanceView
  public var number: String
  public var items: [ItemAmount] = []
  public var declines: [ItemDecline] = []
  public var overrideFloor: Bool = false
  public var reason: String? = nil

  /// The decisions on the lines.
  var lines: LineChoices { LineChoices(items: items, declines: declines) }

  public var command: String { "issue approve" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + lines.inputs + (overrideFloor ? [(.overrideFloor, "yes")] : [])
      + (reason.map { [(.reason, $0)] } ?? [])
  }
}

/// `depot issue reject`, `cancel` and `close`: a signed decision with a reason.
public enum IssueDecisionKind: String, DecisionKind, DecisionRule, CaseIterable {
  public typealias Result = IssuanceView
  case reject, cancel, close
  public static let commandGroup = "issue"
  static let documents = DecidedDocuments(kind: .issuanceRequest, named: "requests", event: "issue")

  var transition: (allowed: [DocumentState], target: DocumentState) {
    switch self {
    case .reject: ([.requested], .rejected)
    case .cancel: ([.requested, .approved], .cancelled)
    case .close: ([.approved, .shipped, .confirmed], .closed)
    }
  }
}
public typealias IssueDecision = Decision<IssueDecisionKind>

/// `depot issue ship`: all that is approved and not yet shipped, or `items` of it.
@MemberwiseInit
public struct IssueShipment: DepotRequest {
  public typealias Result = IssuanceView
  public var number: String
  public var items: [ItemAmount] = []

  public var command: String { "issue ship" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + items.map { (.item, $0.description) }
  }
}

/// `depot issue confirm`: what arrived at the site, intact and damaged.
@MemberwiseInit
public struct IssueConfirmation: DepotRequest {
  public typealias Result = IssuanceView
  public var number: String
  public var received: [ItemAmount] = []
  public var damaged: [ItemAmount] = []
  public var note: String? = nil

  public var command: String { "issue confirm" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + received.map { (.received, $0.description) }
      + damaged.map { (.damaged, $0.description) } + (note.map { [(.note, $0)] } ?? [])
  }
}
