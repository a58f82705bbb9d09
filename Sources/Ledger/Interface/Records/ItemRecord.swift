import Macros

/// How an item's stock is told apart, as stored in `item.tracking`.
public enum Tracking: String, StoredCode {
  /// Interchangeable stock, kept in layers per receipt.
  case none
  /// Lots with expiry dates.
  case lot
  /// One serial number per piece.
  case serial

  public static let storedName = "item tracking"
}

/// A catalogue item.
@MemberwiseInit
@ColumnKeys
public struct ItemRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var code: String
  public var name: String
  public var category: String
  public var baseUnit: String
  public var tracking: Tracking
  public var createdAt: Moment
}

/// A named pack size of an item, in base units.
@MemberwiseInit
@ColumnKeys
public struct ItemPackRecord: LedgerRecord, Equatable {
  public var itemId: Int64
  public var name: String
  public var baseQuantity: Int64
}
