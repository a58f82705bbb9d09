/// The count part of a CNT document: where it was taken and what was reserved there then.
public struct StockCountRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var accountId: Int64
  public var reserved: Int64

  public init(documentId: Int64, accountId: Int64, reserved: Int64) {
    self.documentId = documentId
    self.accountId = accountId
    self.reserved = reserved
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case accountId = "account_id"
    case reserved
  }
}

/// One lot of a count: what the books said and what was found.
public struct StockCountLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var position: Int
  public var itemId: Int64
  public var lotId: Int64
  public var book: Int64
  public var counted: Int64

  public init(
    documentId: Int64, position: Int, itemId: Int64, lotId: Int64, book: Int64, counted: Int64
  ) {
    self.documentId = documentId
    self.position = position
    self.itemId = itemId
    self.lotId = lotId
    self.book = book
    self.counted = counted
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case position
    case itemId = "item_id"
    case lotId = "lot_id"
    case book
    case counted
  }
}
