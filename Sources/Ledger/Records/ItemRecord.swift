import GRDB

/// A catalogue item.
public struct ItemRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "item"
  public var id: Int64
  public var code: String
  public var name: String
  public var category: String
  public var baseUnit: String
  public var tracking: String
  public var createdAt: String
}

/// A named pack size of an item, in base units.
public struct ItemPackRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "item_pack"
  public var itemId: Int64
  public var name: String
  public var baseQuantity: Int64

  public init(itemId: Int64, name: String, baseQuantity: Int64) {
    self.itemId = itemId
    self.name = name
    self.baseQuantity = baseQuantity
  }
}
