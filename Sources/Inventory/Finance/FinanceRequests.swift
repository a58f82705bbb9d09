import Macros

/// `depot invoice add`: a supplier's invoice against an order, dated by `--date`.
@MemberwiseInit
public struct InvoiceInput: DepotRequest {
  public typealias Result = PurchaseOrderView
  public var order: String
  public var number: String
  /// In fen, tax included.
  public var amount: Int64

  public var command: String { "invoice add" }
  public var inputs: [(Field, String)] {
    [(.order, order), (.invoice, number), (.amount, Money.yuan(amount))]
  }
}

/// `depot pay`: a payment to an order's supplier, dated by `--date`.
@MemberwiseInit
public struct PaymentInput: DepotRequest {
  public typealias Result = PurchaseOrderView
  public var order: String
  /// In fen.
  public var amount: Int64
  public var reference: String
  /// Paid ahead of what is invoiced or received: green-channel orders only.
  public var prepayment: Bool = false

  public var command: String { "pay" }
  public var inputs: [(Field, String)] {
    [(.order, order), (.amount, Money.yuan(amount)), (.reference, reference)]
      + (prepayment ? [(.prepayment, "yes")] : [])
  }
}

/// `depot period close`: an accounting month after which nothing may be posted earlier.
@MemberwiseInit
public struct PeriodCloseInput: DepotRequest {
  public typealias Result = PeriodClosure
  /// `YYYY-MM`.
  public var period: String

  public var command: String { "period close" }
  public var inputs: [(Field, String)] { [(.period, period)] }
}

/// A closed period.
public struct PeriodClosure: Codable, Sendable, Equatable {
  public var period: String
  /// Its last day: nothing may be posted on or before it any more.
  public var lastDay: String
  public var closedBy: String
  public var closedAt: Moment
}
