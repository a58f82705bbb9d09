import Ledger

/// A proposed purchase: how much of an item to buy for a warehouse, and why.
public struct ReorderProposal: Codable, Sendable, Equatable {
  public var item: String
  public var itemName: String
  public var location: String
  public var unit: String
  public var available: Int64
  public var dailyUse: String
  public var daysOfCover: Int64?
  public var leadTimeDays: Int
  public var supplier: String?
  /// What the proposal brings the available stock up to.
  public var target: Int64
  /// In base units, rounded up to whole packs of `pack`.
  public var quantity: Int64
  public var pack: String?
  public var reason: String
}

extension Depot {
  /// Proposes purchases for items whose cover falls below the supplier's lead time plus the
  /// safety margin, or whose available stock is below the minimum: enough to reach the
  /// maximum (or the cover target when no maximum is set), in whole packs.
  public func reorderProposals(
    _ settings: PlanningSettings = PlanningSettings(), as actor: String?
  ) throws -> [ReorderProposal] {
    try read(as: actor) { session in
      try session.reserveStatuses(settings).compactMap { status in
        try session.proposal(for: status, settings)
      }
    }
  }
}

extension Session {
  func proposal(for status: ReserveStatus, _ settings: PlanningSettings) throws
    -> ReorderProposal?
  {
    let threshold = Int64(status.leadTimeDays + settings.safetyDays)
    let shortOfCover = status.daysOfCover.map { $0 < threshold } ?? false
    let belowMinimum = status.minimum.map { status.available < $0 } ?? false
    let belowFloor = status.floor.map { status.available < $0 } ?? false
    guard shortOfCover || belowMinimum || belowFloor else { return nil }
    let item = try item(status.item)
    let target =
      status.maximum
      ?? Swift.max(
        status.windowUse * Int64(settings.coverTargetDays) / Int64(Swift.max(1, status.windowDays)),
        status.minimum ?? 0, status.floor ?? 0)
    let needed = target - status.available
    guard needed > 0 else { return nil }
    let pack = try transaction.packs(ofItem: item.id).last
    let size = pack?.baseQuantity ?? 1
    let reason =
      belowFloor
      ? "below floor"
      : belowMinimum ? "below min" : "cover \(status.daysOfCover ?? 0) d < \(threshold) d"
    return ReorderProposal(
      item: status.item, itemName: status.itemName, location: status.location, unit: status.unit,
      available: status.available, dailyUse: status.dailyUse, daysOfCover: status.daysOfCover,
      leadTimeDays: status.leadTimeDays, supplier: status.supplier, target: target,
      quantity: (needed + size - 1) / size * size,
      pack: pack.map { "\((needed + size - 1) / size) \($0.name)" }, reason: reason)
  }
}
