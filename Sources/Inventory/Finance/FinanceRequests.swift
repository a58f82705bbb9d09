/// `depot invoice add`: a supplier's invoice against an order, dated by `--date`.
public struct InvoiceInput: DepotRequest {
  public typealias Result = PurchaseOrderView
  public var order: String
  public var number: String
  /// In fen, tax included.
  public var amount: Int64

  public init(order: String, number: String, amount: Int64) {
    self.order = order
    self.number = number
    self.amount = amount
  }

  public var command: String { "invoice add" }
  public var inputs: [(Field, String)] {
    [(.order, order), (.invoice, number), (.amount, Money.yuan(amount))]
  }
}

/// `depot pay`: a payment to an order's supplier, dated by `--date`.
public struct PaymentInput: DepotRequest {
  public typealias Result = PurchaseOrderView
  public var order: String
  /// In fen.
  public var amount: Int64
  public var reference: String
  /// Paid ahead of what is invoiced or received: green-channel orders only.
  public var prepayment: Bool

  public init(order: String, amount: Int64, reference: String, prepayment: Bool = false) {
    self.order = order
    self.amount = amount
    self.reference = reference
    self.prepayment = prepayment
  }

  public var command: String { "pay" }
  public var inputs: [(Field, String)] {
    [(.order, order), (.amount, Money.yuan(amount)), (.reference, reference)]
      + (prepayment ? [(.prepayment, "yes")] : [])
  }
}

/// `depot period close`: an accounting month after which nothing may be posted earlier.
public struct PeriodCloseInput: DepotRequest {
  public typealias Result = PeriodClosure
  /// `YYYY-MM`.
  public var period: String

  public init(period: String) {
    self.period = period
  }

  public var command: String { "period close" }
  public var inputs: [(Field, String)] { [(.period, period)] }
}

/// A closed period.
public struct PeriodClosure: Codable, Sendable, Equatable {
  public var period: String
  /// Its last day: nothing may be posted on or before it any more.
  public var lastDay: String
  public var closedBy: String
  public var closedAt: String
}
