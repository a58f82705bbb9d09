/// A supplier's invoice against an order.
public struct InvoiceRecord: LedgerRecord, Equatable {
  public var id: Int64?
  public var orderDocumentId: Int64
  public var supplierAccountId: Int64
  public var number: String
  /// In fen, tax included.
  public var amount: Int64
  public var invoiceDate: Day
  public var recordedBy: Int64
  public var recordedAt: Moment

  public init(
    orderDocumentId: Int64, supplierAccountId: Int64, number: String, amount: Int64,
    invoiceDate: Day, recordedBy: Int64, recordedAt: Moment
  ) {
    self.orderDocumentId = orderDocumentId
    self.supplierAccountId = supplierAccountId
    self.number = number
    self.amount = amount
    self.invoiceDate = invoiceDate
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case orderDocumentId = "order_document_id"
    case supplierAccountId = "supplier_account_id"
    case number
    case amount
    case invoiceDate = "invoice_date"
    case recordedBy = "recorded_by"
    case recordedAt = "recorded_at"
  }
}

/// A payment to an order's supplier.
public struct PaymentRecord: LedgerRecord, Equatable {
  public var id: Int64?
  public var orderDocumentId: Int64
  /// In fen.
  public var amount: Int64
  public var reference: String
  public var prepayment: Bool
  public var paidOn: Day
  public var recordedBy: Int64
  public var recordedAt: Moment

  public init(
    orderDocumentId: Int64, amount: Int64, reference: String, prepayment: Bool, paidOn: Day,
    recordedBy: Int64, recordedAt: Moment
  ) {
    self.orderDocumentId = orderDocumentId
    self.amount = amount
    self.reference = reference
    self.prepayment = prepayment
    self.paidOn = paidOn
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case orderDocumentId = "order_document_id"
    case amount
    case reference
    case prepayment
    case paidOn = "paid_on"
    case recordedBy = "recorded_by"
    case recordedAt = "recorded_at"
  }
}

/// A closed accounting month.
public struct PeriodCloseRecord: LedgerRecord, Equatable {
  public var period: String
  public var closedBy: Int64
  public var closedAt: Moment

  public init(period: String, closedBy: Int64, closedAt: Moment) {
    self.period = period
    self.closedBy = closedBy
    self.closedAt = closedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case period
    case closedBy = "closed_by"
    case closedAt = "closed_at"
  }
}
