import Macros

/// A supplier's invoice against an order.
@MemberwiseInit
@ColumnKeys
public struct InvoiceRecord: LedgerRecord, Equatable {
  public var id: Int64? = nil
  public var orderDocumentId: Int64
  public var supplierAccountId: Int64
  public var number: String
  /// In fen, tax included.
  public var amount: Int64
  public var invoiceDate: Day
  public var recordedBy: Int64
  public var recordedAt: Moment
}

/// A payment to an order's supplier.
@MemberwiseInit
@ColumnKeys
public struct PaymentRecord: LedgerRecord, Equatable {
  public var id: Int64? = nil
  public var orderDocumentId: Int64
  /// In fen.
  public var amount: Int64
  public var reference: String
  public var prepayment: Bool
  public var paidOn: Day
  public var recordedBy: Int64
  public var recordedAt: Moment
}

/// A closed accounting month.
@MemberwiseInit
@ColumnKeys
public struct PeriodCloseRecord: LedgerRecord, Equatable {
  public var period: String
  public var closedBy: Int64
  public var closedAt: Moment
}
