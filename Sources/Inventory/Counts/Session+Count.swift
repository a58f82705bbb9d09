import Ledger

extension Session {
  /// The lots a count line covers at a place: the named lot (from any source), or every
  /// layer of an untracked item, first expiry first. A lot found where the books hold none
  /// still counts, against a book of zero.
  func countedLots(_ item: ItemRecord, lot number: String?, at place: AccountRecord) throws
    -> [LotHolding]
  {
    let held = try transaction.holdings(itemID: item.id, accountID: place.id)
    switch (item.tracking, number) {
    case (.none, nil):
      if !held.isEmpty { return held }
      guard let layer = try transaction.latestLot(itemID: item.id) else {
        throw DepotError.invalidOption(
          field: .item, reason: "\(item.code) was never received; receive what was found")
      }
      return [LotHolding(lot: layer, quantity: 0, value: 0)]
    case (.none, .some):
      throw DepotError.notLotTracked(item: item.code)
    case (_, nil):
      throw DepotError.invalidOption(
        field: .lot, reason: "is required: \(item.code) is tracked by \(item.tracking.rawValue)")
    case (_, .some(let number)):
      let here = held.filter { $0.lot.number == number }
      if !here.isEmpty { return here }
      guard let lot = try transaction.lots(itemID: item.id, number: number).first else {
        throw DepotError.lotNotHere(item: item.code, lot: number, location: "any location")
      }
      return [LotHolding(lot: lot, quantity: 0, value: 0)]
    }
  }

  /// Refuses to count lots whose last count at the place still awaits a decision.
  func refusePendingCounts(of lotIDs: [Int64], at place: AccountRecord) throws {
    for document in try transaction.adjustments(state: .requested) {
      guard let adjustment = try transaction.adjustment(documentID: document.id),
        adjustment.kind == .count, adjustment.accountId == place.id
      else { continue }
      let pending = try transaction.adjustmentLines(documentID: document.id)
      if pending.contains(where: { lotIDs.contains($0.lotId) }) {
        throw DepotError.wrongState(
          document: document.number, state: "awaiting approval",
          action: "overtaken by a new count; an approver decides it first")
      }
    }
  }

  /// Opens the adjustment that one direction of a count's variances becomes.
  func openCountAdjustment(
    _ variances: [(item: ItemRecord, lot: LotRecord, variance: Int64)], at place: AccountRecord,
    reason: CountReason, count: DocumentRecord
  ) throws -> String {
    let document = try newDocument(.adjustment, state: .requested, source: place.id)
    try transaction.insertAdjustment(
      AdjustmentRecord(
        documentId: document.id, kind: .count, reason: reason.rawValue, accountId: place.id,
        originDocumentId: count.id),
      lines: variances.enumerated().map { index, entry in
        AdjustmentLineRecord(
          documentId: document.id, position: index + 1, itemId: entry.item.id,
          lotId: entry.lot.id, quantity: abs(entry.variance))
      })
    try recordOpening(
      of: document, action: "count.variance",
      payload: Payload(
        [
          ("document", document.number), ("kind", AdjustmentKind.count.rawValue),
          ("reason", reason.rawValue),
          ("location", place.code), ("count", count.number),
        ] + variances.map { ("line", "\($0.item.code)|\($0.lot.number ?? "")|\($0.variance)") }))
    return document.number
  }

  /// Posts an approved count adjustment: a shortage leaves the place for `lost`, a surplus
  /// comes back from `lost` at the lot's unit value as received.
  func postCountAdjustment(_ document: DocumentRecord, _ adjustment: AdjustmentRecord) throws {
    let place = try account(adjustment.accountId)
    let lost = try systemAccount(.lost)
    let surplus = try !isShortage(adjustment)
    for line in try transaction.adjustmentLines(documentID: document.id) {
      guard let lot = try transaction.lot(id: line.lotId) else { continue }
      let item = try item(id: line.itemId)
      if surplus {
        let unit = try transaction.unitValue(ofLot: lot.id)
        let value =
          unit.quantity == 0
          ? 0 : Money.value(of: line.quantity, at: unit.value, per: unit.quantity)
        try transaction.post(
          MovementDraft(
            lot: lot, fromAccountId: lost.id, toAccountId: place.id, quantity: line.quantity,
            value: value, documentId: document.id, actorId: actor.id,
            effectiveDate: effectiveDate, recordedAt: now))
      } else {
        _ = try moveLots([(lot, line.quantity)], of: item, from: place, to: lost, document)
      }
    }
  }

  /// Whether a count adjustment records less than the books: its count's line for the lot
  /// counted below the book.
  private func isShortage(_ adjustment: AdjustmentRecord) throws -> Bool {
    guard adjustment.reason != CountReason.found.rawValue else { return false }
    guard let countID = adjustment.originDocumentId,
      let line = try transaction.adjustmentLines(documentID: adjustment.documentId).first
    else { return true }
    let lines = try transaction.countLines(documentID: countID).filter { $0.lotId == line.lotId }
    return lines.contains { $0.counted < $0.book }
  }

  /// Closes a count once none of its adjustments awaits a decision.
  func closeCountIfDecided(_ adjustment: AdjustmentRecord) throws {
    guard let countID = adjustment.originDocumentId,
      var count = try transaction.document(id: countID),
      count.kind == .count, count.state == .pending
    else { return }
    let open = try transaction.adjustments(originDocumentID: countID).contains {
      $0.state == .requested
    }
    guard !open else { return }
    try move(
      &count, to: .closed, action: "count.close", payload: Payload([("count", count.number)]))
  }

  /// The full view of a count.
  func countView(_ document: DocumentRecord) throws -> CountView {
    let count = try part(transaction.count(documentID: document.id), of: document, "count")
    let lines = try transaction.countLines(documentID: document.id).map { line in
      let item = try item(id: line.itemId)
      return CountView.Line(
        item: item.code, itemName: item.name, lot: try transaction.lot(id: line.lotId)?.number,
        book: line.book, counted: line.counted, variance: line.counted - line.book,
        unit: item.baseUnit)
    }
    return CountView(
      number: document.number, state: document.state.rawValue,
      location: try account(count.accountId).code,
      countedBy: try transaction.user(id: document.createdBy)?.name ?? "?",
      reservedAtCount: count.reserved, lines: lines,
      adjustments: try transaction.adjustments(originDocumentID: document.id).map(\.number),
      note: document.note)
  }
}
