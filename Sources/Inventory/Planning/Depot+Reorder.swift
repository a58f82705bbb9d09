import Ledger
import Macros

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

/// `depot report reorder --create`: the proposals written as one purchase request.
@MemberwiseInit
public struct ReorderRequest: DepotRequest {
  public typealias Result = ReorderCreation
  public var settings: PlanningSettings = PlanningSettings()

  public var command: String { "report reorder --create" }
  public var inputs: [(Field, String)] {
    [
      (.window, String(settings.windowDays)), (.safety, String(settings.safetyDays)),
      (.coverTarget, String(settings.coverTargetDays)),
    ]
  }
}

/// The proposals, and the purchase request they became (none when nothing needs buying).
public struct ReorderCreation: Codable, Sendable, Equatable {
  public var proposals: [ReorderProposal]
  public var request: String?
}

extension Depot {
  /// Writes the reorder proposals as one draft purchase request, tagged as a proposal, for an
  /// approver to sign off like any other (a requester or clerk); never an order.
  public func createReorderRequest(_ request: ReorderRequest, _ context: WriteContext) throws
    -> ReorderCreation
  {
    try perform(request, context, roles: [.requester, .clerk], action: "request purchases") {
      session in
      let proposals = try session.reserveStatuses(request.settings).compactMap {
        try session.proposal(for: $0, request.settings)
      }
      guard !proposals.isEmpty else { return ReorderCreation(proposals: [], request: nil) }
      var quantities: [(item: ItemRecord, quantity: Int64)] = []
      for proposal in proposals {
        let item = try session.item(proposal.item)
        if let index = quantities.firstIndex(where: { $0.item.id == item.id }) {
          quantities[index].quantity += proposal.quantity
        } else {
          quantities.append((item, proposal.quantity))
        }
      }
      let reason =
        "reorder proposal: "
        + proposals.map { "\($0.item) at \($0.location) (\($0.reason))" }.joined(separator: "; ")
      let document = try session.openPurchaseRequest(
        quantities, reason: String(reason.prefix(2000)), neededBy: nil, note: "proposal",
        proposal: true)
      return ReorderCreation(proposals: proposals, request: document.number)
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
