/// A place or party that stock can come from or go to.
public struct AccountRecord: LedgerRecord, Equatable {

  /// What an account is; only warehouses, sites, waste points and transit hold stock.
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case warehouse
    case site
    case wastePoint = "waste-point"
    case transit
    case supplier
    case donor
    case contractor
    case consumed
    case disposed
    case lost

    /// Whether stock held here is physically on hand and may never go negative.
    public var holdsStock: Bool {
      switch self {
      case .warehouse, .site, .wastePoint, .transit: true
      default: false
      }
    }
  }

  public var id: Int64
  public var code: String
  public var name: String
  public var kind: Kind
  public var isReserve: Bool
  public var licence: String?
  public var licenceExpires: Day?
  public var leadTimeDays: Int?
  public var createdAt: Moment

  public init(
    id: Int64 = 0, code: String, name: String, kind: Kind, isReserve: Bool = false,
    licence: String? = nil, licenceExpires: Day? = nil, leadTimeDays: Int? = nil,
    createdAt: Moment
  ) {
    self.id = id
    self.code = code
    self.name = name
    self.kind = kind
    self.isReserve = isReserve
    self.licence = licence
    self.licenceExpires = licenceExpires
    self.leadTimeDays = leadTimeDays
    self.createdAt = createdAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case code
    case name
    case kind
    case isReserve = "is_reserve"
    case licence
    case licenceExpires = "licence_expires"
    case leadTimeDays = "lead_time_days"
    case createdAt = "created_at"
  }
}
