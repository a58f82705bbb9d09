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

  public init(
    id: Int64, code: String, name: String, category: String, baseUnit: String, tracking: String,
    createdAt: String
  ) {
    self.id = id
    self.code = code
    self.name = name
    self.category = category
    self.baseUnit = baseUnit
    self.tracking = tracking
    self.createdAt = createdAt
  }

  public init(row: Row) {
    id = row["id"]
    code = row["code"]
    name = row["name"]
    category = row["category"]
    baseUnit = row["base_unit"]
    tracking = row["tracking"]
    createdAt = row["created_at"]
  }
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

  public init(row: Row) {
    itemId = row["item_id"]
    name = row["name"]
    baseQuantity = row["base_quantity"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["item_id"] = itemId
    container["name"] = name
    container["base_quantity"] = baseQuantity
  }
}
