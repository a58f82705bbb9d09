/// What an ADJ document adjusts, as stored in `adjustment.kind`.
public enum AdjustmentKind: String, StoredCode {
  /// Expired, damaged or recalled stock set aside for waste.
  case writeOff = "writeoff"
  /// A variance a count found.
  case count

  public static let storedName = "adjustment kind"
}

/// The adjustment part of an ADJ document: what kind, why, and at which place.
public struct AdjustmentRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var kind: AdjustmentKind
  public var reason: String
  public var accountId: Int64
  public var originDocumentId: Int64?

  public init(
    documentId: Int64, kind: AdjustmentKind, reason: String, accountId: Int64,
    originDocumentId: Int64?
  ) {
    self.documentId = documentId
    self.kind = kind
    self.reason = reason
    self.accountId = accountId
    self.originDocumentId = originDocumentId
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case kind
    case reason
    case accountId = "account_id"
    case originDocumentId = "origin_document_id"
  }
}

/// One lot of an adjustment and how much of it.
public struct AdjustmentLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var position: Int
  public var itemId: Int64
  public var lotId: Int64
  public var quantity: Int64

  public init(documentId: Int64, position: Int, itemId: Int64, lotId: Int64, quantity: Int64) {
    self.documentId = documentId
    self.position = position
    self.itemId = itemId
    self.lotId = lotId
    self.quantity = quantity
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case position
    case itemId = "item_id"
    case lotId = "lot_id"
    case quantity
  }
}
