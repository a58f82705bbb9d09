import Macros

/// What an ADJ document adjusts, as stored in `adjustment.kind`.
public enum AdjustmentKind: String, StoredCode {
  /// Expired, damaged or recalled stock set aside for waste.
  case writeOff = "writeoff"
  /// A variance a count found.
  case count

  public static let storedName = "adjustment kind"
}

/// The adjustment part of an ADJ document: what kind, why, and at which place.
@MemberwiseInit
@ColumnKeys
public struct AdjustmentRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var kind: AdjustmentKind
  public var reason: String
  public var accountId: Int64
  public var originDocumentId: Int64?
}

/// One lot of an adjustment and how much of it.
@MemberwiseInit
@ColumnKeys
public struct AdjustmentLineRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var position: Int
  public var itemId: Int64
  public var lotId: Int64
  public var quantity: Int64
}
