/// The procurement part of a PR document.
public struct PurchaseRequestRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var reason: String
  public var neededBy: Day?

  public init(documentId: Int64, reason: String, neededBy: Day?) {
    self.documentId = documentId
    self.reason = reason
    self.neededBy = neededBy
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case reason
    case neededBy = "needed_by"
  }
}

/// One item of a purchase request.
public struct PurchaseRequestLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var itemId: Int64
  public var position: Int
  public var quantity: Int64

  public init(documentId: Int64, itemId: Int64, position: Int, quantity: Int64) {
    self.documentId = documentId
    self.itemId = itemId
    self.position = position
    self.quantity = quantity
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case itemId = "item_id"
    case position
    case quantity
  }
}

/// The procurement part of a PO document.
public struct PurchaseOrderRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var requestDocumentId: Int64
  public var contract: String?
  public var emergency: Bool
  public var justification: String?

  public init(
    documentId: Int64, requestDocumentId: Int64, contract: String?, emergency: Bool,
    justification: String?
  ) {
    self.documentId = documentId
    self.requestDocumentId = requestDocumentId
    self.contract = contract
    self.emergency = emergency
    self.justification = justification
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case requestDocumentId = "request_document_id"
    case contract
    case emergency
    case justification
  }
}

/// One item of a purchase order: its price and how much of it arrived.
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

  public init(
    documentId: Int64, itemId: Int64, position: Int, ordered: Int64, price: Int64,
    pricePer: Int64, priceUnit: String?
  ) {
    self.documentId = documentId
    self.itemId = itemId
    self.position = position
    self.ordered = ordered
    self.price = price
    self.pricePer = pricePer
    self.priceUnit = priceUnit
  }

  /// Ordered and not yet accepted.
  public var outstanding: Int64 { ordered - received }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case itemId = "item_id"
    case position
    case ordered
    case price
    case pricePer = "price_per"
    case priceUnit = "price_unit"
    case received
    case rejected
  }
}

/// Goods refused at inspection.
public struct RejectionRecord: LedgerRecord, Equatable {
  public var id: Int64?
  public var documentId: Int64
  public var orderDocumentId: Int64?
  public var itemId: Int64
  public var lotNumber: String?
  public var quantity: Int64
  public var reason: String

  public init(
    documentId: Int64, orderDocumentId: Int64?, itemId: Int64, lotNumber: String?,
    quantity: Int64, reason: String
  ) {
    self.documentId = documentId
    self.orderDocumentId = orderDocumentId
    self.itemId = itemId
    self.lotNumber = lotNumber
    self.quantity = quantity
    self.reason = reason
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case documentId = "document_id"
    case orderDocumentId = "order_document_id"
    case itemId = "item_id"
    case lotNumber = "lot_number"
    case quantity
    case reason
  }
}
