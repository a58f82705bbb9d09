import Ledger
import Macros

/// `depot procure request`: items the office needs to buy, why, and by when.
@MemberwiseInit
public struct PurchaseRequestInput: DepotRequest {
  public typealias Result = PurchaseRequestView
  public var items: [ItemAmount]
  public var reason: String
  public var neededBy: Day? = nil
  public var note: String? = nil

  public var command: String { "procure request" }
  public var inputs: [(Field, String)] {
    items.map { (.item, $0.description) } + [(.reason, reason)]
      + (neededBy.map { [(.neededBy, "\($0)")] } ?? []) + (note.map { [(.note, $0)] } ?? [])
  }
}

/// `depot procure approve`: every line awaiting a decision in full, or in part with `items`,
/// none of those in `declines`; signed.
@MemberwiseInit
public struct PurchaseApproval: DepotRequest {
  public typealias Result = PurchaseRequestView
  public var number: String
  public var items: [ItemAmount] = []
  public var declines: [ItemDecline] = []
  public var reason: String? = nil

  /// The decisions on the lines.
  var lines: LineChoices { LineChoices(items: items, declines: declines) }

  public var command: String { "procure approve" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + lines.inputs + (reason.map { [(.reason, $0)] } ?? [])
  }
}

/// `depot procure reject` and `cancel` of a purchase request: signed, with a reason.
public enum PurchaseRequestDecisionKind: String, DecisionKind, DecisionRule, CaseIterable {
  public typealias Result = PurchaseRequestView
  case reject, cancel
  public static let commandGroup = "procure"
  static let documents = DecidedDocuments(
    kind: .purchaseRequest, named: "purchase requests", event: "purchase")

  var transition: (allowed: [DocumentState], target: DocumentState) {
    switch self {
    case .reject: ([.requested], .rejected)
    case .cancel: ([.requested, .approved], .cancelled)
    }
  }
}
public typealias PurchaseRequestDecision = Decision<PurchaseRequestDecisionKind>

/// `depot procure order`: a purchase order from an approved request, with one supplier.
@MemberwiseInit
public struct PurchaseOrderInput: DepotRequest {
  public typealias Result = PurchaseOrderView
  public var request: String
  public var supplier: String
  public var prices: [ItemPrice]
  public var contract: String? = nil
  /// A green-channel order's written justification; such an order is signed.
  public var emergencyJustification: String? = nil

  public var command: String { "procure order" }
  public var inputs: [(Field, String)] {
    [(.request, request), (.supplier, supplier)] + prices.map { (.price, $0.description) }
      + (contract.map { [(.contract, $0)] } ?? [])
      + (emergencyJustification.map { [(.emergency, "yes"), (.justification, $0)] } ?? [])
  }
}

/// `depot procure close` (short-close) and `cancel` of a purchase order: signed, with a reason.
public enum PurchaseOrderDecisionKind: String, DecisionKind, DecisionRule, CaseIterable {
  public typealias Result = PurchaseOrderView
  case close, cancel
  public static let commandGroup = "procure"
  static let documents = DecidedDocuments(
    kind: .purchaseOrder, named: "purchase orders", event: "order")

  var transition: (allowed: [DocumentState], target: DocumentState) {
    switch self {
    case .close: ([.partiallyReceived, .received], .closed)
    case .cancel: ([.ordered], .cancelled)
    }
  }
}
public typealias PurchaseOrderDecision = Decision<PurchaseOrderDecisionKind>
