/// A stock layer: a lot or serial number of one item from one source, or an anonymous
/// layer of an untracked item.
public struct LotRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var itemId: Int64
  public var number: String?
  public var expiry: Day?
  public var sourceAccountId: Int64
  public var orderDocumentId: Int64?
  public var receiptDocumentId: Int64
  public var createdAt: Moment

  public init(
    id: Int64 = 0, itemId: Int64, number: String?, expiry: Day?, sourceAccountId: Int64,
    orderDocumentId: Int64?, receiptDocumentId: Int64, createdAt: Moment
  ) {
    self.id = id
    self.itemId = itemId
    self.number = number
    self.expiry = expiry
    self.sourceAccountId = sourceAccountId
    self.orderDocumentId = orderDocumentId
    self.receiptDocumentId = receiptDocumentId
    self.createdAt = createdAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case itemId = "item_id"
    case number
    case expiry
    case sourceAccountId = "source_account_id"
    case orderDocumentId = "order_document_id"
    case receiptDocumentId = "receipt_document_id"
    case createdAt = "created_at"
  }
}
