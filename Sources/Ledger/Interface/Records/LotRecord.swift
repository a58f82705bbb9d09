import Macros

/// A stock layer: a lot or serial number of one item from one source, or an anonymous
/// layer of an untracked item.
@MemberwiseInit
@ColumnKeys
public struct LotRecord: LedgerRecord, Equatable {
  public var id: Int64 = 0
  public var itemId: Int64
  public var number: String?
  public var expiry: Day?
  public var sourceAccountId: Int64
  public var orderDocumentId: Int64?
  public var receiptDocumentId: Int64
  public var createdAt: Moment
}
