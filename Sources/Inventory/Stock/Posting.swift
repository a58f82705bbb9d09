import Ledger

/// Which stock an outgoing movement takes: any usable lot first-expiry-first-out, one lot,
/// or named serial numbers.
enum StockSelection {
  case firstExpiryFirstOut
  case lot(String)
  case serials([String])
}

extension Session {
  /// The lots of an item at a place that can leave it on the effective date, first expiry
  /// first, each with how much of it may leave: none of an expired or recalled lot, nothing
  /// that a write-off or a disinfection holds, and (when backdated) no more than every later
  /// day's balance covers.
  func movableHoldings(of item: ItemRecord, at place: AccountRecord) throws -> [MovableHolding] {
    let held = try transaction.holds(itemID: item.id, accountID: place.id)
    let recalled = try transaction.recalledLotIDs(itemID: item.id)
    return try transaction.holdings(itemID: item.id, accountID: place.id).map { holding in
      let isRecalled = recalled.contains(holding.lot.id)
      var movable = Swift.max(0, holding.quantity - (held[holding.lot.id] ?? 0))
      if isRecalled {
        movable = 0
      } else if let expiry = holding.lot.expiry, expiry < effectiveDate {
        movable = 0
      } else if isBackdated {
        let lowest = try transaction.lowestBalance(
          accountID: place.id, lotID: holding.lot.id, from: effectiveDate)
        movable = Swift.max(0, Swift.min(movable, lowest))
      }
      return MovableHolding(holding: holding, movable: movable, isRecalled: isRecalled)
    }
  }

  /// Moves `quantity` of an item from one place to another, choosing lots as `selection`
  /// says; value leaves each lot pro rata, and all of it when the lot is emptied (I6).
  ///
  /// `heldBack` is stock at the source that others have reserved and the move must leave.
  func move(
    _ item: ItemRecord, quantity: Int64, selection: StockSelection, from source: AccountRecord,
    to destination: AccountRecord, document: DocumentRecord, heldBack: Int64 = 0
  ) throws -> [PostedDocument.Line] {
    precondition(quantity > 0, "a move moves a positive quantity")
    let picks = try pick(
      item, quantity: quantity, selection: selection, at: source, heldBack: heldBack)
    return try picks.map { holding, taken in
      let value = try share(of: holding, part: taken, at: source)
      try transaction.post(
        MovementDraft(
          lot: holding.lot, fromAccountId: source.id, toAccountId: destination.id,
          quantity: taken, value: value, documentId: document.id, actorId: actor.id,
          effectiveDate: effectiveDate, recordedAt: now))
      return PostedDocument.Line(
        item: item, lot: holding.lot, from: source, to: destination, quantity: taken, value: value)
    }
  }

  /// The value that `part` of a holding carries, pro rata (I6); a stored balance that cannot
  /// give it (edited to hold less than is moved, or a negative value) is a damaged database.
  func share(of holding: LotHolding, part: Int64, at place: AccountRecord) throws -> Int64 {
    guard holding.quantity >= part, holding.value >= 0 else {
      throw DepotError.damagedDatabase(
        "the balance of lot \(holding.lot.id) at \(place.code) (\(holding.quantity) worth "
          + "\(holding.value) fen) cannot give the \(part) moved from it")
    }
    return Money.share(of: holding.value, part: part, whole: holding.quantity)
  }

  /// Chooses the lots a move takes, or refuses with the numbers.
  private func pick(
    _ item: ItemRecord, quantity: Int64, selection: StockSelection, at source: AccountRecord,
    heldBack: Int64
  ) throws -> [(holding: LotHolding, quantity: Int64)] {
    var candidates = try movableHoldings(of: item, at: source)
    let free = candidates.reduce(0) { $0 + $1.movable } - heldBack
    guard heldBack == 0 || free >= quantity else {
      try refuseIfRecalled(candidates, short: quantity - free, item: item, at: source)
      throw DepotError.insufficientStock(
        item: item.code, location: source.code, available: Swift.max(0, free),
        requested: quantity)
    }
    var place = source.code
    switch selection {
    case .firstExpiryFirstOut:
      break
    case .lot(let number):
      candidates = candidates.filter { $0.holding.lot.number == number }
      guard !candidates.isEmpty else {
        throw DepotError.lotNotHere(item: item.code, lot: number, location: source.code)
      }
      if candidates.contains(where: \.isRecalled),
        candidates.allSatisfy({ $0.isRecalled || $0.isExpired(on: effectiveDate) })
      {
        throw DepotError.lotRecalled(item: item.code, lot: number, location: source.code)
      }
      if candidates.allSatisfy({ $0.isExpired(on: effectiveDate) }),
        let expiry = candidates[0].holding.lot.expiry
      {
        throw DepotError.lotExpired(item: item.code, lot: number, expiry: expiry)
      }
      place = "\(source.code) in lot \(number)"
    case .serials(let serials):
      guard Int64(serials.count) == quantity else {
        throw DepotError.serialCountMismatch(
          item: item.code, quantity: quantity, serials: serials.count)
      }
      var chosen: [MovableHolding] = []
      for serial in serials {
        let candidate = candidates.first { $0.holding.lot.number == serial }
        if let candidate, candidate.isRecalled {
          throw DepotError.lotRecalled(item: item.code, lot: serial, location: source.code)
        }
        if let candidate, try transaction.openDisinfection(lotID: candidate.holding.lot.id) != nil {
          throw DepotError.inDisinfection(item: item.code, serial: serial)
        }
        guard !chosen.contains(where: { $0.holding.lot.number == serial }), let candidate,
          candidate.movable == 1
        else {
          throw DepotError.serialNotHere(item: item.code, serial: serial, location: source.code)
        }
        chosen.append(candidate)
      }
      candidates = chosen
    }
    let available = candidates.reduce(0) { $0 + $1.movable }
    guard available >= quantity else {
      try refuseIfRecalled(candidates, short: quantity - available, item: item, at: source)
      let onHand = candidates.reduce(0) {
        $0 + ($1.isExpired(on: effectiveDate) ? 0 : $1.holding.quantity)
      }
      if isBackdated && onHand >= quantity {
        throw DepotError.backdatedBelowZero(
          item: item.code, location: source.code, date: effectiveDate)
      }
      throw DepotError.insufficientStock(
        item: item.code, location: place, available: available, requested: quantity)
    }
    var remaining = quantity
    var picks: [(holding: LotHolding, quantity: Int64)] = []
    for candidate in candidates where remaining > 0 && candidate.movable > 0 {
      let taken = Swift.min(remaining, candidate.movable)
      picks.append((candidate.holding, taken))
      remaining -= taken
    }
    return picks
  }

  /// Refuses naming a recalled lot when its stock would have covered what is short.
  private func refuseIfRecalled(
    _ candidates: [MovableHolding], short: Int64, item: ItemRecord, at source: AccountRecord
  ) throws {
    let recalled = candidates.filter(\.isRecalled)
    guard let first = recalled.first,
      recalled.reduce(0, { $0 + $1.holding.quantity }) >= short
    else { return }
    throw DepotError.lotRecalled(
      item: item.code, lot: first.holding.lot.number ?? "-", location: source.code)
  }
}

/// A lot held at a place, how much of it may leave now, and whether it is recalled.
struct MovableHolding {
  var holding: LotHolding
  var movable: Int64
  var isRecalled: Bool

  func isExpired(on day: Day) -> Bool {
    holding.lot.expiry.map { $0 < day } ?? false
  }
}
