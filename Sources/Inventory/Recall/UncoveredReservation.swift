import Ledger
import Macros

/// A lot at a warehouse that no longer counts as usable stock: expired, or recalled.
@MemberwiseInit
public struct UnusableLot: Codable, Sendable, Equatable {
  public var lot: String
  /// The lot's expiry, when it has passed.
  public var expired: Day? = nil
  /// The day the lot was recalled and who recalled it, when it is recalled.
  public var recalledOn: Day? = nil
  public var recalledBy: String? = nil
}

/// An open request's reservation that the usable stock at its warehouse no longer covers
/// (SPEC §10): `issue ship` refuses it until an approver re-points it (`issue repoint`) or
/// the request is closed.
public struct UncoveredReservation: Codable, Sendable, Equatable {
  public var document: String
  public var item: String
  public var itemName: String
  public var location: String
  public var unit: String
  /// What the request reserves of the item at the warehouse.
  public var reserved: Int64
  /// What of it no usable stock covers.
  public var uncovered: Int64
  /// The lots there that stopped being usable, first expiry first.
  public var lots: [UnusableLot]

  /// What usable stock still covers of it.
  public var covered: Int64 { reserved - uncovered }
  /// When it stopped being covered, as near as the ledger tells: the start of the day after
  /// the first expiry or the first recall among `lots`, never before the approval.
  public var since: Moment
}

/// One open reservation laid over the usable stock at its warehouse, oldest approval first:
/// the oldest reservations are covered first, what the usable stock cannot cover is the
/// newest approvals' (as a recall releases it, SPEC §2).
struct ReservationStanding {
  var document: DocumentRecord
  var line: IssuanceLineRecord
  var warehouse: AccountRecord
  /// What the usable stock covers of the reservation.
  var covered: Int64
  /// What it covers of the older reservations of the item at the warehouse.
  var coveredBefore: Int64

  var uncovered: Int64 { line.reserved - covered }
}

extension Session {
  /// The open reservations of an item at every warehouse, oldest approval first, each with
  /// what the usable stock there covers of it.
  func reservationStandings(of item: ItemRecord) throws -> [ReservationStanding] {
    var usable: [Int64: (warehouse: AccountRecord, left: Int64, given: Int64)] = [:]
    var standings: [ReservationStanding] = []
    for line in try transaction.reservingLines(itemID: item.id) where line.reserved > 0 {
      guard let document = try transaction.document(id: line.documentId),
        let warehouseID = document.sourceAccountId
      else {
        throw DepotError.damagedDatabase(
          "an issuance line names document \(line.documentId), which is missing or has no warehouse"
        )
      }
      if usable[warehouseID] == nil {
        let warehouse = try account(warehouseID)
        let total = try movableHoldings(of: item, at: warehouse).reduce(0) { $0 + $1.movable }
        usable[warehouseID] = (warehouse, total, 0)
      }
      guard let stock = usable[warehouseID] else { continue }
      let covered = Swift.min(line.reserved, stock.left)
      usable[warehouseID] = (stock.warehouse, stock.left - covered, stock.given + covered)
      standings.append(
        ReservationStanding(
          document: document, line: line, warehouse: stock.warehouse, covered: covered,
          coveredBefore: stock.given))
    }
    return standings
  }

  /// Every reservation that the usable stock does not cover, oldest approval first.
  func uncoveredReservations() throws -> [UncoveredReservation] {
    var uncovered: [UncoveredReservation] = []
    for itemID in Set(try transaction.reservations().map(\.itemID)).sorted() {
      let item = try item(id: itemID)
      for standing in try reservationStandings(of: item) where standing.uncovered > 0 {
        uncovered.append(try view(of: standing, item))
      }
    }
    return uncovered
  }

  /// A reservation the usable stock does not cover, with the lots that stopped being usable.
  func view(of standing: ReservationStanding, _ item: ItemRecord) throws -> UncoveredReservation {
    let lots = try unusableLots(of: item, at: standing.warehouse)
    let approved = try issuanceRecord(standing.document).approvedAt ?? standing.document.createdAt
    let days = lots.compactMap { $0.expired?.adding(days: 1) } + lots.compactMap(\.recalledOn)
    let since = days.min().map { Moment.start(of: $0, in: timeZone) }
    return UncoveredReservation(
      document: standing.document.number, item: item.code, itemName: item.name,
      location: standing.warehouse.code, unit: item.baseUnit, reserved: standing.line.reserved,
      uncovered: standing.uncovered, lots: lots,
      since: since.map { Swift.max($0, approved) } ?? approved)
  }

  /// The lots of an item still on hand at a warehouse that have expired or are recalled.
  func unusableLots(of item: ItemRecord, at warehouse: AccountRecord) throws -> [UnusableLot] {
    try movableHoldings(of: item, at: warehouse).compactMap { held in
      let expired = held.isExpired(on: effectiveDate) ? held.holding.lot.expiry : nil
      guard held.holding.quantity > 0, held.isRecalled || expired != nil else { return nil }
      let recall = held.isRecalled ? try transaction.recall(lotID: held.holding.lot.id) : nil
      return UnusableLot(
        lot: held.holding.lot.number ?? "-", expired: expired,
        recalledOn: recall?.recalledAt.day(in: timeZone),
        recalledBy: try recall.flatMap { try transaction.user(id: $0.recalledBy)?.name })
    }
  }

  /// What a shipment of `quantity` from a request's reservation must leave at the warehouse
  /// for the other reservations of the item: what the usable stock covers of them. Refused,
  /// naming the reservation and the lots that stopped being usable, when `quantity` is more
  /// than the usable stock covers of this one.
  func heldBack(
    forShipping quantity: Int64, of item: ItemRecord, from document: DocumentRecord,
    at warehouse: AccountRecord
  ) throws -> Int64 {
    let standings = try reservationStandings(of: item).filter { $0.warehouse.id == warehouse.id }
    if let own = standings.first(where: { $0.document.id == document.id }), quantity > own.covered {
      throw DepotError.reservationUncovered(try view(of: own, item))
    }
    return standings.filter { $0.document.id != document.id }.reduce(0) { $0 + $1.covered }
  }
}
