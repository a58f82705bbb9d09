import Ledger
import Macros

/// Why stock is written off.
public enum WriteOffReason: String, CaseIterable, Codable, Sendable {
  case expired, damaged, recalled
}

/// `depot writeoff`: stock at a warehouse or site that must leave usable stock; an approver
/// signs it off before it goes to waste.
@MemberwiseInit
public struct WriteOffRequest: DepotRequest {
  public typealias Result = AdjustmentView
  public var location: String
  public var item: String
  public var lot: String? = nil
  public var serials: [String] = []
  /// Nil when the quantity is the number of serials given.
  public var quantity: QuantityAmount?
  public var reason: WriteOffReason
  public var note: String? = nil

  public var command: String { "writeoff" }
  public var inputs: [(Field, String)] {
    var pairs: [(Field, String)] = [(.at, location), (.item, item)]
    if let lot { pairs.append((.lot, lot)) }
    pairs += serials.map { (.serial, $0) }
    if let quantity { pairs.append((.quantity, quantity.description)) }
    pairs.append((.reason, reason.rawValue))
    if let note { pairs.append((.note, note)) }
    return pairs
  }
}

/// `depot adjust approve` and `depot adjust reject`: an approver's signed decision.
public enum AdjustmentDecisionKind: String, DecisionKind, DecisionRule, CaseIterable {
  public typealias Result = AdjustmentView
  case approve, reject
  public static let commandGroup = "adjust"
  static let documents = DecidedDocuments(kind: .adjustment, named: "write-offs", event: "adjust")

  var transition: (allowed: [DocumentState], target: DocumentState) {
    ([.requested], self == .approve ? .approved : .rejected)
  }
}
public typealias AdjustmentDecision = Decision<AdjustmentDecisionKind>
