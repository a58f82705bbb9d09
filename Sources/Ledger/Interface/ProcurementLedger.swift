import Foundation
import Macros

/// A purchase request or order as listed, with the names a listing needs.
@MemberwiseInit
public struct ProcurementSummaryRow: Sendable, Equatable {
  public var document: DocumentRecord
  /// The requester of a request, or the approver who placed an order.
  public var createdByName: String
  /// The supplier of an order.
  public var supplierCode: String?
  public var emergency: Bool
}

/// One receipt movement of an order's lots, for `procure show`.
@MemberwiseInit
public struct OrderReceiptRow: Sendable, Equatable {
  public var documentNumber: String
  public var effectiveDate: Day
  public var itemCode: String
  public var lotNumber: String?
  public var expiry: Day?
  public var quantity: Int64
  public var value: Int64
}

/// A rejection as shown, with its document and item.
@MemberwiseInit
public struct RejectionRow: Sendable, Equatable {
  public var documentNumber: String
  public var itemCode: String
  public var lotNumber: String?
  public var quantity: Int64
  public var reason: String
}

/// An order line next to what the ledger holds for it: the receipt movements of the
/// order's lots of that item (net of anything sent back) and the rejections recorded.
@MemberwiseInit
public struct OrderLineFlow: Sendable, Equatable {
  public var orderNumber: String
  public var itemCode: String
  public var line: PurchaseOrderLineRecord
  public var movedQuantity: Int64
  public var movedValue: Int64
  public var rejectedQuantity: Int64
}

/// What one order has brought in, been invoiced and been paid, as of a day.
@MemberwiseInit
public struct OrderBalanceRow: Sendable, Equatable {
  public var documentId: Int64
  public var number: String
  public var state: DocumentState
  public var emergency: Bool
  public var supplierId: Int64
  public var supplierCode: String
  public var supplierName: String
  /// Value of the receipt movements of the order's lots, in fen.
  public var received: Int64
  public var invoiced: Int64
  public var paid: Int64
  public var prepaid: Int64
}

/// Purchase requests and orders, receipts against them, rejections, invoices, payments and period closes.
public protocol ProcurementLedger {
  /// Records the procurement part of a new PR document.
  func insertPurchaseRequest(_ request: PurchaseRequestRecord, lines: [PurchaseRequestLineRecord])
    throws

  /// The procurement part of a PR document.
  func purchaseRequest(documentID: Int64) throws -> PurchaseRequestRecord?

  /// A request's lines, in the order they were requested.
  func purchaseRequestLines(documentID: Int64) throws -> [PurchaseRequestLineRecord]

  /// Saves a request line's decisions.
  func update(_ line: PurchaseRequestLineRecord) throws

  /// Records the procurement part of a new PO document.
  func insertPurchaseOrder(_ order: PurchaseOrderRecord, lines: [PurchaseOrderLineRecord]) throws

  /// The procurement part of a PO document.
  func purchaseOrder(documentID: Int64) throws -> PurchaseOrderRecord?

  /// The order placed from a request, if any.
  func purchaseOrder(requestDocumentID: Int64) throws -> PurchaseOrderRecord?

  /// An order's lines, in the order of its request.
  func purchaseOrderLines(documentID: Int64) throws -> [PurchaseOrderLineRecord]

  /// Saves an order line's received and rejected quantities.
  func update(_ line: PurchaseOrderLineRecord) throws

  /// Requests and orders, newest first; `states` keeps only those in one of them.
  func procurementDocuments(states: [DocumentState]?) throws -> [ProcurementSummaryRow]

  /// Records goods refused at inspection.
  func insertRejection(_ rejection: RejectionRecord) throws

  /// The receipt movements of an order's lots, in posting order.
  func orderReceipts(orderDocumentID: Int64, supplierAccountID: Int64) throws -> [OrderReceiptRow]

  /// The rejections recorded against an order, or with one receipt or donation.
  func rejections(orderDocumentID: Int64?, documentID: Int64?) throws -> [RejectionRow]

  /// Every order line with the ledger's receipt movements and rejections for it.
  func orderLineFlows() throws -> [OrderLineFlow]

  /// The first lot that names an order but whose item is not on it, as (order, item).
  func firstLotOffItsOrder() throws -> (order: String, item: String)?

  /// Records an invoice and returns it as stored.
  func insertInvoice(_ invoice: InvoiceRecord) throws -> InvoiceRecord

  /// The invoice a supplier numbered so, if recorded.
  func invoice(supplierAccountID: Int64, number: String) throws -> InvoiceRecord?

  /// The invoices of an order, or of every order, oldest first.
  func invoices(orderDocumentID: Int64?) throws -> [InvoiceRecord]

  /// Records a payment and returns it as stored.
  func insertPayment(_ payment: PaymentRecord) throws -> PaymentRecord

  /// The payments of an order, or of every order, oldest first.
  func payments(orderDocumentID: Int64?) throws -> [PaymentRecord]

  /// Received, invoiced and paid per order, by supplier code then order, counting what is
  /// dated on or before `asOf`; only one supplier's or one order's when given.
  func orderBalances(supplierAccountID: Int64?, orderDocumentID: Int64?, asOf: Day?) throws
    -> [OrderBalanceRow]

  /// Per supplier, the value received from it outside any order (emergency receipts).
  func receivedWithoutOrder(supplierAccountID: Int64?, asOf: Day?) throws -> [Int64: Int64]

  /// Closes an accounting month.
  func insertPeriodClose(_ record: PeriodCloseRecord) throws

  /// Every closed month, oldest first.
  func periodCloses() throws -> [PeriodCloseRecord]
}
