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
  public var inputs: [(String, String)] {
    items.map { ("--item", $0.description) } + [("--reason", reason)]
      + (neededBy.map { [("--needed-by", "\($0)")] } ?? []) + (note.map { [("--note", $0)] } ?? [])
  }
}

/// `depot procure approve`, `reject` and `cancel` of a purchase request: a signed decision.
public struct PurchaseRequestDecision: DepotRequest {
  public typealias Result = PurchaseRequestView

  /// What is decided.
  public enum Kind: String, Sendable {
    case approve, reject, cancel
  }

  public var kind: Kind
  public var number: String
  /// Required to reject or cancel.
  public var reason: String?

  public init(_ kind: Kind, number: String, reason: String? = nil) {
    self.kind = kind
    self.number = number
    self.reason = reason
  }

  public var command: String { "procure \(kind.rawValue)" }
  public var inputs: [(String, String)] {
    [("number", number)] + (reason.map { [("--reason", $0)] } ?? [])
  }
}

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
  public var inputs: [(String, String)] {
    [("request", request), ("--supplier", supplier)] + prices.map { ("--price", $0.description) }
      + (contract.map { [("--contract", $0)] } ?? [])
      + (emergencyJustification.map { [("--emergency", "yes"), ("--justification", $0)] } ?? [])
  }
}

/// `depot procure close` (short-close) and `cancel` of a purchase order: signed, with a reason.
public struct PurchaseOrderDecision: DepotRequest {
  public typealias Result = PurchaseOrderView

  /// What is decided.
  public enum Kind: String, Sendable {
    case close, cancel
  }

  public var kind: Kind
  public var number: String
  public var reason: String

  public init(_ kind: Kind, number: String, reason: String) {
    self.kind = kind
    self.number = number
    self.reason = reason
  }

  public var command: String { "procure \(kind.rawValue)" }
  public var inputs: [(String, String)] { [("number", number), ("--reason", reason)] }
}
