import Ledger

/// What a recall does to one open request's reservation, planned before the lots are
/// recalled and applied in the same transaction.
struct RecalledReservation {
  var document: DocumentRecord
  var line: IssuanceLineRecord
  var warehouse: AccountRecord
  var change: ReservationCover.Change

  /// As the recall's report shows it.
  var reported: RecallReport.Reservation {
    RecallReport.Reservation(
      document: document.number, location: warehouse.code, repointed: change.repointed,
      released: change.released, stillReserved: line.reserved - change.released)
  }
}

extension Session {
  /// How recalling `lots` changes the open reservations of `item`: at every warehouse where
  /// the lots could still be shipped, the reservations that rested on them are re-pointed to
  /// the other usable lots (first expiry first, never an expired or recalled lot) as far as
  /// those cover them, and released where they do not.
  func reservationsUnderRecall(of item: ItemRecord, lots: [LotRecord]) throws
    -> [RecalledReservation]
  {
    let recalled = Set(lots.map(\.id))
    var byWarehouse: [(warehouseID: Int64, reservations: [(DocumentRecord, IssuanceLineRecord)])] =
      []
    for line in try transaction.reservingLines(itemID: item.id) {
      guard let document = try transaction.document(id: line.documentId),
        let warehouseID = document.sourceAccountId
      else {
        throw DepotError.damagedDatabase(
          "an issuance line names document \(line.documentId), which is missing or has no warehouse"
        )
      }
      if byWarehouse.last?.warehouseID == warehouseID {
        byWarehouse[byWarehouse.count - 1].reservations.append((document, line))
      } else {
        byWarehouse.append((warehouseID, [(document, line)]))
      }
    }
    var changes: [RecalledReservation] = []
    for (warehouseID, reservations) in byWarehouse {
      let warehouse = try account(warehouseID)
      let usable = try movableHoldings(of: item, at: warehouse).map {
        (usable: $0.movable, isRecalled: recalled.contains($0.holding.lot.id))
      }
      guard usable.contains(where: { $0.isRecalled && $0.usable > 0 }) else { continue }
      let cover = ReservationCover(lots: usable, reserved: reservations.map { $0.1.reserved })
      for ((document, line), change) in zip(reservations, cover.changes)
      where change.repointed > 0 || change.released > 0 {
        changes.append(
          RecalledReservation(
            document: document, line: line, warehouse: warehouse, change: change))
      }
    }
    return changes
  }

  /// Releases what the recall left uncovered, with a signed event on every request that
  /// loses some of its reservation.
  func release(
    _ reservations: [RecalledReservation], of item: ItemRecord, recall: String, reason: String
  ) throws {
    for var reservation in reservations where reservation.change.released > 0 {
      let released = "\(item.code)=\(reservation.change.released)"
      try move(
        &reservation.document, to: reservation.document.state, action: "issue.release",
        reason: reason,
        payload: Payload([
          ("document", reservation.document.number), ("recall", recall),
          ("released", released),
        ]))
      reservation.line.released += reservation.change.released
      try transaction.update(reservation.line)
    }
  }
}
