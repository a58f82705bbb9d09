import Ledger
import Macros

/// `depot issue repoint`: a reservation that the usable stock no longer covers (its lot
/// expired or was recalled), re-pointed to the usable lots at its warehouse.
@MemberwiseInit
public struct ReservationRepoint: DepotRequest {
  public typealias Result = RepointReport
  public var number: String
  public var item: String

  public var command: String { "issue repoint" }
  public var inputs: [(Field, String)] { [(.number, number), (.item, item)] }
}

/// What re-pointing did to one request's reservation of an item.
public struct RepointReport: Codable, Sendable, Equatable {
  public var document: String
  public var item: String
  public var location: String
  public var unit: String
  /// What no usable lot covered, released from the request.
  public var released: Int64
  /// What the request still reserves, all of it on usable lots.
  public var stillReserved: Int64
  /// The usable lots that cover what is still reserved, first expiry first: those a
  /// shipment takes it from unless older reservations are shipped first.
  public var lots: [String]
  /// The lots at the warehouse that had stopped being usable.
  public var unusable: [UnusableLot]
}

extension Depot {
  /// An approver re-points a request's reservation of an item that the usable stock no
  /// longer covers (signed): what the usable lots at the warehouse cover, first expiry first
  /// and after older approvals, stays reserved; the rest is released from the request, as a
  /// recall does. Refused when the usable stock covers all of it.
  public func repointReservation(_ request: ReservationRepoint, _ context: WriteContext) throws
    -> RepointReport
  {
    try perform(request, context, roles: [.approver], action: "re-point reservations") {
      session in
      var document = try session.document(
        request.number, kind: .issuanceRequest, allowing: [.approved, .shipped, .confirmed],
        to: "re-pointed")
      let item = try session.item(request.item)
      let standings = try session.reservationStandings(of: item)
      guard var standing = standings.first(where: { $0.document.id == document.id }) else {
        let lines = try session.transaction.issuanceLines(documentID: document.id)
        guard lines.contains(where: { $0.itemId == item.id }) else {
          throw DepotError.notOnDocument(document: document.number, item: item.code)
        }
        throw DepotError.nothingLeft(document: document.number, action: "re-point")
      }
      guard standing.uncovered > 0 else {
        throw DepotError.reservationCovered(
          document: document.number, item: item.code, location: standing.warehouse.code)
      }
      let unusable = try session.unusableLots(of: item, at: standing.warehouse)
      let lots = try session.usableLots(covering: standing, item)
      let released = standing.uncovered
      try session.move(
        &document, to: document.state, action: "issue.release",
        reason: unusable.isEmpty ? nil : unusable.map(\.explanation).joined(separator: ", "),
        payload: Payload(
          [
            ("document", document.number), ("repoint", item.code),
            ("released", "\(item.code)=\(released)"),
          ] + lots.map { ("lot", $0) }))
      standing.line.released += released
      try session.transaction.update(standing.line)
      return RepointReport(
        document: document.number, item: item.code, location: standing.warehouse.code,
        unit: item.baseUnit, released: released, stillReserved: standing.line.reserved,
        lots: lots, unusable: unusable)
    }
  }
}

extension Session {
  /// The usable lots, first expiry first, that cover what the usable stock covers of a
  /// reservation once the older reservations at its warehouse have had theirs.
  fileprivate func usableLots(covering standing: ReservationStanding, _ item: ItemRecord) throws
    -> [String]
  {
    var skip = standing.coveredBefore
    var needed = standing.covered
    var lots: [String] = []
    for held in try movableHoldings(of: item, at: standing.warehouse) where needed > 0 {
      let taken = Swift.min(needed, Swift.max(0, held.movable - skip))
      skip = Swift.max(0, skip - held.movable)
      guard taken > 0 else { continue }
      needed -= taken
      lots.append(held.holding.lot.number ?? "-")
    }
    return lots
  }
}
