import Macros

/// A place or party that stock can come from or go to.
@MemberwiseInit
@ColumnKeys
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

  public var id: Int64 = 0
  public var code: String
  public var name: String
  public var kind: Kind
  public var isReserve: Bool = false
  public var licence: String? = nil
  public var licenceExpires: Day? = nil
  public var leadTimeDays: Int? = nil
  public var createdAt: Moment
}
