import Ledger

/// Some of one lot to write off.
struct WriteOffLot {
  var item: ItemRecord
  var lot: LotRecord
  var quantity: Int64
}

extension Session {
  /// Opens a write-off awaiting approval at a place: from then on its lots are on hand there
  /// but not available. Returns the ADJ document and the payload its event records.
  func openWriteOff(
    _ lots: [WriteOffLot], at place: AccountRecord, reason: WriteOffReason,
    origin: DocumentRecord?, note: String?
  ) throws -> (document: DocumentRecord, payload: Payload) {
    let document = try newDocument(.adjustment, state: .requested, source: place.id, note: note)
    try transaction.insertAdjustment(
      AdjustmentRecord(
        documentId: document.id, kind: .writeOff, reason: reason.rawValue, accountId: place.id,
        originDocumentId: origin?.id),
      lines: lots.enumerated().map { index, entry in
        AdjustmentLineRecord(
          documentId: document.id, position: index + 1, itemId: entry.item.id,
          lotId: entry.lot.id, quantity: entry.quantity)
      })
    let payload = Payload(
      [
        ("document", document.number), ("kind", AdjustmentKind.writeOff.rawValue),
        ("reason", reason.rawValue),
        ("location", place.code), ("origin", origin?.number),
      ]
        + lots.map { ("line", "\($0.item.code)|\($0.lot.number ?? "")|\($0.quantity)") }
        + [("note", note)])
    return (document, payload)
  }

  /// Opens a write-off for goods that an issuance or a return found damaged, one per class
  /// of waste they will become, each awaiting an approver like any other write-off.
  func reportDamaged(_ lots: [WriteOffLot], at place: AccountRecord, origin: DocumentRecord)
    throws -> [String]
  {
    var groups: [(category: WasteCategory, lots: [WriteOffLot])] = []
    for entry in lots {
      let category = WasteCategory.forWriteOff(of: entry.item.category)
      if let index = groups.firstIndex(where: { $0.category == category }) {
        groups[index].lots.append(entry)
      } else {
        groups.append((category, [entry]))
      }
    }
    return try groups.map { group in
      let (document, payload) = try openWriteOff(
        group.lots, at: place, reason: .damaged, origin: origin, note: nil)
      try recordOpening(of: document, action: "writeoff.report", payload: payload)
      return document.number
    }
  }

  /// The lots a write-off takes at a place, refused unless they hold that much that no other
  /// write-off or disinfection holds, and unless each fits the reason.
  func lotsToWriteOff(
    _ item: ItemRecord, quantity: Int64, selection: StockSelection, at place: AccountRecord,
    reason: WriteOffReason
  ) throws -> [WriteOffLot] {
    let held = try transaction.holds(itemID: item.id, accountID: place.id)
    var candidates = try transaction.holdings(itemID: item.id, accountID: place.id).map {
      (lot: $0.lot, free: $0.quantity - (held[$0.lot.id] ?? 0))
    }
    var shortfallPlace = place.code
    switch selection {
    case .firstExpiryFirstOut:
      break
    case .lot(let number):
      candidates = candidates.filter { $0.lot.number == number }
      guard !candidates.isEmpty else {
        throw DepotError.lotNotHere(item: item.code, lot: number, location: place.code)
      }
      shortfallPlace = "\(place.code) in lot \(number)"
    case .serials(let serials):
      guard Int64(serials.count) == quantity else {
        throw DepotError.serialCountMismatch(
          item: item.code, quantity: quantity, serials: serials.count)
      }
      var chosen: [(lot: LotRecord, free: Int64)] = []
      for serial in serials {
        guard !chosen.contains(where: { $0.lot.number == serial }),
          let candidate = candidates.first(where: { $0.lot.number == serial })
        else {
          throw DepotError.serialNotHere(item: item.code, serial: serial, location: place.code)
        }
        if try transaction.openDisinfection(lotID: candidate.lot.id) != nil {
          throw DepotError.inDisinfection(item: item.code, serial: serial)
        }
        chosen.append(candidate)
      }
      candidates = chosen
    }
    let free = candidates.reduce(0) { $0 + Swift.max(0, $1.free) }
    guard free >= quantity else {
      throw DepotError.insufficientStock(
        item: item.code, location: shortfallPlace, available: free, requested: quantity)
    }
    var remaining = quantity
    var lots: [WriteOffLot] = []
    for candidate in candidates where remaining > 0 && candidate.free > 0 {
      try checkReason(reason, item, candidate.lot)
      let taken = Swift.min(remaining, candidate.free)
      try checkCovered(taken, of: candidate.lot, item, at: place)
      lots.append(WriteOffLot(item: item, lot: candidate.lot, quantity: taken))
      remaining -= taken
    }
    return lots
  }

  /// Refuses a write-off whose reason the lot does not bear out: an expired write-off needs
  /// an expired lot, a recalled one a recalled lot.
  private func checkReason(_ reason: WriteOffReason, _ item: ItemRecord, _ lot: LotRecord)
    throws
  {
    let number = lot.number ?? "-"
    switch reason {
    case .expired:
      guard let expiry = lot.expiry else {
        throw DepotError.invalidOption(
          field: .reason,
          reason: "'expired' needs a lot with an expiry date; \(item.code) has none")
      }
      guard expiry < effectiveDate else {
        throw DepotError.lotNotExpired(item: item.code, lot: number, expiry: expiry)
      }
    case .recalled:
      guard try transaction.recall(lotID: lot.id) != nil else {
        throw DepotError.lotNotRecalled(item: item.code, lot: number)
      }
    case .damaged:
      break
    }
  }
}
