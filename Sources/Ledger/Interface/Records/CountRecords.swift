import Macros

/// The count part of a CNT document: where it was taken and what was reserved there then.
@MemberwiseInit
@ColumnKeys
public struct StockCountRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var accountId: Int64
  public var reserved: Int64
}

/// One lot of a count: what the books said and what was found.
@MemberwiseInit
@ColumnKeys
public struct StockCountLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var position: Int
  public var itemId: Int64
  public var lotId: Int64
  public var book: Int64
  public var counted: Int64
}
