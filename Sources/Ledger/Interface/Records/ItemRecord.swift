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
public struct ItemRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var code: String
  public var name: String
  public var category: String
  public var baseUnit: String
  public var tracking: Tracking
  public var createdAt: Moment

  public init(
    id: Int64, code: String, name: String, category: String, baseUnit: String, tracking: Tracking,
    createdAt: Moment
  ) {
    self.id = id
    self.code = code
    self.name = name
    self.category = category
    self.baseUnit = baseUnit
    self.tracking = tracking
    self.createdAt = createdAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case code
    case name
    case category
    case baseUnit = "base_unit"
    case tracking
    case createdAt = "created_at"
  }
}

/// A named pack size of an item, in base units.
public struct ItemPackRecord: LedgerRecord, Equatable {
  public var itemId: Int64
  public var name: String
  public var baseQuantity: Int64

  public init(itemId: Int64, name: String, baseQuantity: Int64) {
    self.itemId = itemId
    self.name = name
    self.baseQuantity = baseQuantity
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case itemId = "item_id"
    case name
    case baseQuantity = "base_quantity"
  }
}
