/// The issuance-specific part of a REQ document.
public struct IssuanceRequestRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var priority: String
  public var neededBy: Day?
  public var floorOverrideReason: String?
  public var requestedAt: Moment
  public var approvedAt: Moment?
  public var firstShippedAt: Moment?
  public var confirmedAt: Moment?
  public var closedAt: Moment?

  public init(documentId: Int64, priority: String, neededBy: Day?, requestedAt: Moment) {
    self.documentId = documentId
    self.priority = priority
    self.neededBy = neededBy
    self.requestedAt = requestedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case priority
    case neededBy = "needed_by"
    case floorOverrideReason = "floor_override_reason"
    case requestedAt = "requested_at"
    case approvedAt = "approved_at"
    case firstShippedAt = "first_shipped_at"
    case confirmedAt = "confirmed_at"
    case closedAt = "closed_at"
  }
}

/// One item of an issuance request and how far it got.
public struct IssuanceLineRecord: LedgerRecord, Equatable {
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

  /// Approved and not yet shipped or released.
  public var reserved: Int64 { approved - shipped - released }
  /// Shipped and not yet confirmed.
  public var inTransit: Int64 { shipped - received - damaged - missing }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case itemId = "item_id"
    case position
    case requested
    case approved
    case shipped
    case released
    case received
    case damaged
    case missing
  }
}

/// Reserve levels of an item at a warehouse.
public struct ReserveLevelRecord: LedgerRecord, Equatable {
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

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case itemId = "item_id"
    case accountId = "account_id"
    case floor
    case minimum
    case maximum
  }
}
