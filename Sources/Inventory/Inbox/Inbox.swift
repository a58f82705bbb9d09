import Ledger

/// What waits on the acting user's roles (SPEC §10, `depot inbox`), oldest first.
public struct Inbox: Codable, Sendable, Equatable {
  public var user: String
  public var entries: [InboxEntry]
}

/// What one waiting thing asks of the user: the step that acts on it.
public enum InboxTask: String, Codable, Sendable, CaseIterable {
  /// An issuance request to approve or reject (approver).
  case decideRequest = "decide-request"
  /// A purchase request to approve or reject (approver).
  case decidePurchase = "decide-purchase"
  /// An adjustment (write-off or count variance) to approve or reject (approver).
  case decideAdjustment = "decide-adjustment"
  /// A reservation that usable stock no longer covers, to re-point (approver).
  case repointReservation = "repoint-reservation"
  /// A reserve below its floor, to propose a purchase for (clerk).
  case restock
  /// A waste manifest whose load differs from its batches, to resolve (approver).
  case resolveManifest = "resolve-manifest"
  /// An approved request with stock reserved, to ship (clerk).
  case ship
  /// A waste batch near or past its 48 hours: awaiting collection, collected, or stored.
  case moveWaste = "move-waste"
  /// A lot on hand that expires within the warning window (clerk).
  case useBeforeExpiry = "use-before-expiry"
  /// A lot on hand that has expired, to write off (clerk).
  case writeOffExpired = "write-off-expired"
  /// A shipment to one of the user's sites, to confirm (requester).
  case confirm
}

/// One thing that waits: what it is about, since when, and what the user's step needs.
public struct InboxEntry: Codable, Sendable, Equatable {
  public var task: InboxTask
  /// The document it is about: a request, adjustment, batch or manifest.
  public var document: String?
  /// The document's state.
  public var state: String?
  public var item: String?
  public var itemName: String?
  public var lot: String?
  /// The lot's expiry.
  public var expiry: Day?
  /// The place: the warehouse, site, waste point or the batch's place.
  public var location: String?
  /// The quantity concerned in base units: reserved, short of the floor, uncovered, on hand.
  public var quantity: Int64?
  public var unit: String?
  /// When it started waiting.
  public var since: Moment
  /// A waste batch's 48-hour deadline.
  public var due: Moment?
  /// For a waste batch, whether the 48 hours are past.
  public var overdue: Bool

  init(
    _ task: InboxTask, since: Moment, document: String? = nil, state: DocumentState? = nil,
    item: ItemRecord? = nil, lot: String? = nil, expiry: Day? = nil, location: String? = nil,
    quantity: Int64? = nil, due: Moment? = nil, overdue: Bool = false
  ) {
    self.task = task
    self.document = document
    self.state = state?.rawValue
    self.item = item?.code
    self.itemName = item?.name
    self.lot = lot
    self.expiry = expiry
    self.location = location
    self.quantity = quantity
    self.unit = item?.baseUnit
    self.since = since
    self.due = due
    self.overdue = overdue
  }
}
