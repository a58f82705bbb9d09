import GRDB

/// The issuance-specific part of a REQ document.
public struct IssuanceRequestRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "issuance_request"
  public var documentId: Int64
  public var priority: String
  public var neededBy: String?
  public var floorOverrideReason: String?
  public var requestedAt: String
  public var approvedAt: String?
  public var firstShippedAt: String?
  public var confirmedAt: String?
  public var closedAt: String?

  public init(documentId: Int64, priority: String, neededBy: String?, requestedAt: String) {
    self.documentId = documentId
    self.priority = priority
    self.neededBy = neededBy
    self.requestedAt = requestedAt
  }

  public init(row: Row) {
    documentId = row["document_id"]
    priority = row["priority"]
    neededBy = row["needed_by"]
    floorOverrideReason = row["floor_override_reason"]
    requestedAt = row["requested_at"]
    approvedAt = row["approved_at"]
    firstShippedAt = row["first_shipped_at"]
    confirmedAt = row["confirmed_at"]
    closedAt = row["closed_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["document_id"] = documentId
    container["priority"] = priority
    container["needed_by"] = neededBy
    container["floor_override_reason"] = floorOverrideReason
    container["requested_at"] = requestedAt
    container["approved_at"] = approvedAt
    container["first_shipped_at"] = firstShippedAt
    container["confirmed_at"] = confirmedAt
    container["closed_at"] = closedAt
  }
}

/// One item of an issuance request and how far it got.
public struct IssuanceLineRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "issuance_line"
  public var documentId: Int64
  public var itemId: Int64
  public var position: Int
  public var requested: Int64
  public var approved: Int64 = 0
  public var shipped: Int64 = 0
  public var released: Int64 = 0
  public var received: Int64 = 0
  public var damaged: Int64 = 0
  public var missing: Int64 = 0

  public init(documentId: Int64, itemId: Int64, position: Int, requested: Int64) {
    self.documentId = documentId
    self.itemId = itemId
    self.position = position
    self.requested = requested
  }

  public init(row: Row) {
    documentId = row["document_id"]
    itemId = row["item_id"]
    position = row["position"]
    requested = row["requested"]
    approved = row["approved"]
    shipped = row["shipped"]
    released = row["released"]
    received = row["received"]
    damaged = row["damaged"]
    missing = row["missing"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["document_id"] = documentId
    container["item_id"] = itemId
    container["position"] = position
    container["requested"] = requested
    container["approved"] = approved
    container["shipped"] = shipped
    container["released"] = released
    container["received"] = received
    container["damaged"] = damaged
    container["missing"] = missing
  }

  /// Approved and not yet shipped or released.
  public var reserved: Int64 { approved - shipped - released }
  /// Shipped and not yet confirmed.
  public var inTransit: Int64 { shipped - received - damaged - missing }
}

/// Reserve levels of an item at a warehouse.
public struct ReserveLevelRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "reserve_level"
  public var itemId: Int64
  public var accountId: Int64
  public var floor: Int64?
  public var minimum: Int64?
  public var maximum: Int64?

  public init(itemId: Int64, accountId: Int64, floor: Int64?, minimum: Int64?, maximum: Int64?) {
    self.itemId = itemId
    self.accountId = accountId
    self.floor = floor
    self.minimum = minimum
    self.maximum = maximum
  }

  public init(row: Row) {
    itemId = row["item_id"]
    accountId = row["account_id"]
    floor = row["floor"]
    minimum = row["minimum"]
    maximum = row["maximum"]
  }
}
