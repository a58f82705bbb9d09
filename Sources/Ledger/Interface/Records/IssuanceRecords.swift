import Macros

/// The issuance-specific part of a REQ document.
@MemberwiseInit
@ColumnKeys
public struct IssuanceRequestRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var priority: String
  public var neededBy: Day?
  public var floorOverrideReason: String? = nil
  public var requestedAt: Moment
  public var approvedAt: Moment? = nil
  public var firstShippedAt: Moment? = nil
  public var confirmedAt: Moment? = nil
  public var closedAt: Moment? = nil
  /// Whether the first approval was entered after the day it took effect (SPEC §10).
  public var approvalEnteredLate: Bool = false
  /// Whether the first shipment was entered after the day it took effect.
  public var shipmentEnteredLate: Bool = false
  /// Whether the confirmation was entered after the day it took effect.
  public var confirmationEnteredLate: Bool = false
}

/// One item of an issuance request and how far it got.
@MemberwiseInit
@ColumnKeys
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
  /// Turned down by an approver, or by closing the request (SPEC §10).
  public var declined: Int64 = 0
  /// Why it was declined.
  public var declineReason: String? = nil
  /// The effective day it was declined.
  public var declinedOn: Day? = nil

  /// Requested and neither approved nor declined yet.
  public var awaitingDecision: Int64 { requested - approved - declined }
  /// Approved and not yet shipped or released.
  public var reserved: Int64 { approved - shipped - released }
  /// Shipped and not yet confirmed.
  public var inTransit: Int64 { shipped - received - damaged - missing }
}

/// Reserve levels of an item at a warehouse.
@MemberwiseInit
@ColumnKeys
public struct ReserveLevelRecord: LedgerRecord, Equatable {
  public var itemId: Int64
  public var accountId: Int64
  public var floor: Int64?
  public var minimum: Int64?
  public var maximum: Int64?
}
