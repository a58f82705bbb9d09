import Ledger

/// `depot procure request`: items the office needs to buy, why, and by when.
public struct PurchaseRequestInput: DepotRequest {
  public typealias Result = PurchaseRequestView
  public var items: [ItemAmount]
  public var reason: String
  public var neededBy: Day?
  public var note: String?

  public init(items: [ItemAmount], reason: String, neededBy: Day? = nil, note: String? = nil) {
    self.items = items
    self.reason = reason
    self.neededBy = neededBy
    self.note = note
  }

  public var command: String { "procure request" }
  public var inputs: [(Field, String)] {
    items.map { (.item, $0.description) } + [(.reason, reason)]
      + (neededBy.map { [(.neededBy, "\($0)")] } ?? []) + (note.map { [(.note, $0)] } ?? [])
  }
}

/// `depot procure approve`, `reject` and `cancel` of a purchase request: signed; reject and
/// cancel need a reason.
public enum PurchaseRequestDecisionKind: String, DecisionKind, CaseIterable {
  public typealias Result = PurchaseRequestView
  case approve, reject, cancel
  public static let commandGroup = "procure"
}
public typealias PurchaseRequestDecision = Decision<PurchaseRequestDecisionKind>

/// `depot procure order`: a purchase order from an approved request, with one supplier.
public struct PurchaseOrderInput: DepotRequest {
  public typealias Result = PurchaseOrderView
  public var request: String
  public var supplier: String
  public var prices: [ItemPrice]
  public var contract: String?
  /// A green-channel order's written justification; such an order is signed.
  public var emergencyJustification: String?

  public init(
    request: String, supplier: String, prices: [ItemPrice], contract: String? = nil,
    emergencyJustification: String? = nil
  ) {
    self.request = request
    self.supplier = supplier
    self.prices = prices
    self.contract = contract
    self.emergencyJustification = emergencyJustification
  }

  public var command: String { "procure order" }
  public var inputs: [(Field, String)] {
    [(.request, request), (.supplier, supplier)] + prices.map { (.price, $0.description) }
      + (contract.map { [(.contract, $0)] } ?? [])
      + (emergencyJustification.map { [(.emergency, "yes"), (.justification, $0)] } ?? [])
  }
}

/// `depot procure close` (short-close) and `cancel` of a purchase order: signed, with a reason.
public enum PurchaseOrderDecisionKind: String, DecisionKind, CaseIterable {
  public typealias Result = PurchaseOrderView
  case close, cancel
  public static let commandGroup = "procure"
}
public typealias PurchaseOrderDecision = Decision<PurchaseOrderDecisionKind>
