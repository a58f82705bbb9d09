import Ledger

/// An item and a typed amount of it: `MASK-SURG=4box`.
public struct ItemAmount: Sendable, Equatable, Codable, CustomStringConvertible {
  public var item: String
  public var amount: QuantityAmount

  public init(item: String, amount: QuantityAmount) {
    self.item = item
    self.amount = amount
  }

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
public struct IssueRequest: DepotRequest {
  public typealias Result = IssuanceView
  public var source: String
  public var site: String
  public var items: [ItemAmount]
  public var priority: Priority
  public var neededBy: Day?
  public var note: String?

  public init(
    source: String, site: String, items: [ItemAmount], priority: Priority = .normal,
    neededBy: Day? = nil, note: String? = nil
  ) {
    self.source = source
    self.site = site
    self.items = items
    self.priority = priority
    self.neededBy = neededBy
    self.note = note
  }

  public var command: String { "issue request" }
  public var inputs: [(Field, String)] {
    [(.from, source), (.to, site)] + items.map { (.item, $0.description) }
      + [(.priority, priority.rawValue)]
      + (neededBy.map { [(.neededBy, "\($0)")] } ?? []) + (note.map { [(.note, $0)] } ?? [])
  }
}

/// `depot issue approve`: in full, or in part with `items`.
public struct IssueApproval: DepotRequest {
  public typealias Result = IssuanceView
  public var number: String
  public var items: [ItemAmount]
  public var overrideFloor: Bool
  public var reason: String?

  public init(
    number: String, items: [ItemAmount] = [], overrideFloor: Bool = false, reason: String? = nil
  ) {
    self.number = number
    self.items = items
    self.overrideFloor = overrideFloor
    self.reason = reason
  }

  public var command: String { "issue approve" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + items.map { (.item, $0.description) }
      + (overrideFloor ? [(.overrideFloor, "yes")] : [])
      + (reason.map { [(.reason, $0)] } ?? [])
  }
}

/// `depot issue reject`, `cancel` and `close`: a signed decision with a reason.
public enum IssueDecisionKind: String, DecisionKind, CaseIterable {
  public typealias Result = IssuanceView
  case reject, cancel, close
  public static let commandGroup = "issue"
}
public typealias IssueDecision = Decision<IssueDecisionKind>

/// `depot issue ship`: all that is approved and not yet shipped, or `items` of it.
public struct IssueShipment: DepotRequest {
  public typealias Result = IssuanceView
  public var number: String
  public var items: [ItemAmount]

  public init(number: String, items: [ItemAmount] = []) {
    self.number = number
    self.items = items
  }

  public var command: String { "issue ship" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + items.map { (.item, $0.description) }
  }
}

/// `depot issue confirm`: what arrived at the site, intact and damaged.
public struct IssueConfirmation: DepotRequest {
  public typealias Result = IssuanceView
  public var number: String
  public var received: [ItemAmount]
  public var damaged: [ItemAmount]
  public var note: String?

  public init(
    number: String, received: [ItemAmount] = [], damaged: [ItemAmount] = [], note: String? = nil
  ) {
    self.number = number
    self.received = received
    self.damaged = damaged
    self.note = note
  }

  public var command: String { "issue confirm" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + received.map { (.received, $0.description) }
      + damaged.map { (.damaged, $0.description) } + (note.map { [(.note, $0)] } ?? [])
  }
}
