import Ledger
import Macros

/// The knobs of stock planning.
@MemberwiseInit
public struct PlanningSettings: Sendable {
  /// Days of history that daily use is averaged over.
  public var windowDays: Int = 14
  /// Days of cover kept on top of the supplier's lead time before proposing to reorder.
  public var safetyDays: Int = 3
  /// Days of use a proposal brings stock up to when no maximum is set.
  public var coverTargetDays: Int = 30

  /// A supplier's lead time when none is set.
  public static let defaultLeadTimeDays = 7
}

/// One item at one warehouse, as `report reserve` and `report reorder` see it.
public struct ReserveStatus: Codable, Sendable, Equatable {
  public var item: String
  public var itemName: String
  public var location: String
  public var unit: String
  public var onHand: Int64
  public var reserved: Int64
  public var available: Int64
  public var floor: Int64?
  public var minimum: Int64?
  public var maximum: Int64?
  /// Shipped to sites over the last `windowDays` days.
  public var windowUse: Int64
  public var windowDays: Int
  /// Average daily shipments to sites over the window, one decimal.
  public var dailyUse: String
  /// Whole days the available stock lasts at that use; nil when there is no use (unbounded).
  public var daysOfCover: Int64?
  public var leadTimeDays: Int
  public var supplier: String?
  /// `below floor`, `below min`, `cover < lead time`, `over max` or `ok`.
  public var status: String
}

/// Daily use kept exactly: so much over so many days.
struct UseRate: Equatable {
  var quantity: Int64
  var days: Int64

  /// One decimal, rounded down: 125 over 14 days is `8.9`.
  var text: String {
    let tenths = days == 0 ? 0 : quantity * 10 / days
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// Whole days `available` lasts; nil when nothing is used.
  func cover(of available: Int64) -> Int64? {
    quantity == 0 ? nil : Swift.max(0, available) * days / quantity
  }
}

extension Session {
  /// Every item held at, or with levels set for, a reserve warehouse or a warehouse with
  /// levels, with its use, cover and status.
  func reserveStatuses(_ settings: PlanningSettings) throws -> [ReserveStatus] {
    let window = Int64(settings.windowDays)
    let shipped = try transaction.shipments(
      after: today.adding(days: -window), through: today)
    var use: [HoldingKey: Int64] = [:]
    for outflow in shipped {
      use[HoldingKey(item: outflow.itemId, location: outflow.accountId)] = outflow.quantity
    }
    var levels: [HoldingKey: ReserveLevelRecord] = [:]
    for level in try transaction.reserveLevels() {
      levels[HoldingKey(item: level.itemId, location: level.accountId)] = level
    }
    var held: [HoldingKey: (onHand: Int64, usable: Int64)] = [:]
    let unusable = try UnusableStock(transaction)
    for position in try transaction.stockPositions(itemID: nil, accountID: nil, asOf: nil) {
      let key = HoldingKey(item: position.itemId, location: position.accountId)
      held[key, default: (0, 0)].onHand += position.quantity
      held[key, default: (0, 0)].usable += unusable.usable(position, on: today)
    }
    var reserved: [HoldingKey: Int64] = [:]
    for reservation in try transaction.reservations() {
      reserved[HoldingKey(item: reservation.itemID, location: reservation.accountID)] =
        reservation.quantity
    }
    let suppliers = try transaction.latestSuppliers()
    let warehouses = try transaction.accounts(kinds: [.warehouse])
    var statuses: [ReserveStatus] = []
    for warehouse in warehouses {
      let keys = Set(held.keys.filter { $0.location == warehouse.id && warehouse.isReserve })
        .union(levels.keys.filter { $0.location == warehouse.id })
      for key in keys {
        let item = try item(id: key.item)
        let level = levels[key]
        let stock = held[key] ?? (0, 0)
        let open = reserved[key] ?? 0
        let rate = UseRate(quantity: use[key] ?? 0, days: window)
        let available = Swift.max(0, stock.usable - open)
        let supplier = suppliers[item.id]
        let leadTime = supplier?.leadTimeDays ?? PlanningSettings.defaultLeadTimeDays
        let cover = rate.cover(of: available)
        statuses.append(
          ReserveStatus(
            item: item.code, itemName: item.name, location: warehouse.code, unit: item.baseUnit,
            onHand: stock.onHand, reserved: open, available: available, floor: level?.floor,
            minimum: level?.minimum, maximum: level?.maximum, windowUse: rate.quantity,
            windowDays: settings.windowDays, dailyUse: rate.text,
            daysOfCover: cover, leadTimeDays: leadTime, supplier: supplier?.code,
            status: Self.status(
              available: available, onHand: stock.onHand, level: level, cover: cover,
              leadTime: leadTime)))
      }
    }
    return statuses.sorted { ($0.item, $0.location) < ($1.item, $1.location) }
  }

  static func status(
    available: Int64, onHand: Int64, level: ReserveLevelRecord?, cover: Int64?, leadTime: Int
  ) -> String {
    if let floor = level?.floor, available < floor { return "below floor" }
    if let minimum = level?.minimum, available < minimum { return "below min" }
    if let cover, cover < Int64(leadTime) { return "cover < lead time" }
    if let maximum = level?.maximum, onHand > maximum { return "over max" }
    return "ok"
  }
}

extension Depot {
  /// On hand, available, levels, daily use, days of cover and status of every item held at
  /// a reserve warehouse (every registered user).
  public func reserveReport(_ settings: PlanningSettings = PlanningSettings(), as actor: String?)
    throws -> [ReserveStatus]
  {
    try read(as: actor) { session in try session.reserveStatuses(settings) }
  }
}
