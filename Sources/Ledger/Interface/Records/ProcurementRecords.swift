import Macros

/// The procurement part of a PR document.
@MemberwiseInit
@ColumnKeys
public struct PurchaseRequestRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var reason: String
  public var neededBy: Day?
}

/// One item of a purchase request.
@MemberwiseInit
@ColumnKeys
public struct PurchaseRequestLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var itemId: Int64
  public var position: Int
  public var quantity: Int64
  /// Approved so far, to be ordered (SPEC §10).
  public var approved: Int64 = 0
  /// Turned down by an approver, or left out of the order.
  public var declined: Int64 = 0
  /// Why it was declined.
  public var declineReason: String? = nil
  /// The effective day it was declined.
  public var declinedOn: Day? = nil

  /// Requested and neither approved nor declined yet.
  public var awaitingDecision: Int64 { quantity - approved - declined }
}

/// The procurement part of a PO document.
@MemberwiseInit
@ColumnKeys
public struct PurchaseOrderRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var requestDocumentId: Int64
  public var contract: String?
  public var emergency: Bool
  public var justification: String?
}

/// One item of a purchase order: its price and how much of it arrived.
@MemberwiseInit
@ColumnKeys
public struct PurchaseOrderLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var itemId: Int64
  public var position: Int
  public var ordered: Int64
  /// Fen per `pricePer` base units, tax included.
  public var price: Int64
  public var pricePer: Int64
  /// The pack the price was given per, if not the base unit.
  public var priceUnit: String?
  public var received: Int64 = 0
  public var rejected: Int64 = 0

  /// Ordered and not yet accepted.
  public var outstanding: Int64 { ordered - received }
}

/// Goods refused at inspection.
@MemberwiseInit
@ColumnKeys
public struct RejectionRecord: LedgerRecord, Equatable {
  public var id: Int64? = nil
  public var documentId: Int64
  public var orderDocumentId: Int64?
  public var itemId: Int64
  public var lotNumber: String?
  public var quantity: Int64
  public var reason: String
}
