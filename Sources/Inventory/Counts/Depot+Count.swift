import Ledger

extension Depot {
  /// A clerk records a physical count of a warehouse or site. Each lot's variance from the
  /// books becomes an adjustment that an approver signs before it posts (not the counter);
  /// until then a shortage is held out of available stock and the count shows as pending.
  /// Counting where requests hold reservations is allowed; the count records how much.
  public func count(_ request: CountRequest, _ context: WriteContext) throws -> CountView {
    try perform(request, context, roles: [.clerk], action: "count stock") { session in
      let place = try session.location(request.location)
      guard place.kind != .wastePoint else {
        throw DepotError.wrongKind(
          code: place.code, kind: place.kind.rawValue, expected: "warehouse or site")
      }
      guard !request.lines.isEmpty else {
        throw DepotError.invalidOption(field: .item, reason: "must name what was counted")
      }
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      var counted: [(item: ItemRecord, lots: [LotHolding], counted: Int64, lotNumber: String?)] = []
      var reserved: Int64 = 0
      for line in request.lines {
        let item = try session.item(line.item)
        let quantity = try session.baseQuantity(of: line.counted, item, field: .counted)
        let lots = try session.countedLots(item, lot: line.lot, at: place)
        guard
          !counted.contains(where: {
            $0.item.id == item.id && Set($0.lots.map(\.lot.id)) == Set(lots.map(\.lot.id))
          })
        else {
          throw DepotError.invalidOption(field: .item, reason: "counts \(item.code) twice")
        }
        if !counted.contains(where: { $0.item.id == item.id }) {
          reserved += try session.transaction.reservedQuantity(itemID: item.id, accountID: place.id)
        }
        counted.append((item, lots, quantity, line.lot))
      }
      try session.refusePendingCounts(of: counted.flatMap { $0.lots.map(\.lot.id) }, at: place)
      var lines: [(item: ItemRecord, lot: LotRecord, book: Int64, counted: Int64)] = []
      var variances: [(item: ItemRecord, lot: LotRecord, variance: Int64)] = []
      for entry in counted {
        let book = entry.lots.reduce(0) { $0 + $1.quantity }
        var shortage = Swift.max(0, book - entry.counted)
        let surplus = Swift.max(0, entry.counted - book)
        for (index, holding) in entry.lots.enumerated() {
          let taken = Swift.min(shortage, holding.quantity)
          shortage -= taken
          let found = index == 0 ? surplus : 0
          lines.append(
            (entry.item, holding.lot, holding.quantity, holding.quantity - taken + found))
          if taken > 0 { variances.append((entry.item, holding.lot, -taken)) }
          if found > 0 { variances.append((entry.item, holding.lot, found)) }
        }
      }
      let document = try session.newDocument(
        .count, state: variances.isEmpty ? .closed : .pending, source: place.id, note: note)
      let recordLines = lines.enumerated().map { index, line in
        StockCountLineRecord(
          documentId: document.id, position: index + 1, itemId: line.item.id,
          lotId: line.lot.id, book: line.book, counted: line.counted)
      }
      try session.transaction.insertCount(
        StockCountRecord(documentId: document.id, accountId: place.id, reserved: reserved),
        lines: recordLines)
      var adjustments: [String] = []
      for surplus in [false, true] {
        let group = variances.filter { ($0.variance > 0) == surplus }
        guard !group.isEmpty else { continue }
        let reason = try Self.countReason(request.reason, surplus: surplus)
        adjustments.append(
          try session.openCountAdjustment(group, at: place, reason: reason, count: document))
      }
      try session.recordOpening(
        of: document, action: "count.record",
        payload: Payload(
          [("location", place.code), ("reserved", String(reserved))]
            + recordLines.map { ("line", "\($0.itemId)|\($0.lotId)|\($0.book)|\($0.counted)") }
            + adjustments.map { ("adjustment", $0) } + [("note", note)]))
      return try session.countView(document)
    }
  }

  /// One count as it stands (every registered user).
  public func stockCount(_ number: String, as actor: String?) throws -> CountView {
    try read(as: actor) { session in
      try session.countView(session.document(number, kind: .count))
    }
  }

  private static func countReason(_ given: CountReason?, surplus: Bool) throws -> CountReason {
    let reason = given ?? (surplus ? .found : .lost)
    if surplus && ![.found, .dataError].contains(reason) {
      throw DepotError.invalidOption(
        field: .reason, reason: "'\(reason.rawValue)' cannot explain finding more than the books"
      )
    }
    if !surplus && reason == .found {
      throw DepotError.invalidOption(
        field: .reason, reason: "'found' cannot explain finding less than the books")
    }
    return reason
  }
}
