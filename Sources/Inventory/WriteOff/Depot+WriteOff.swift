import Ledger

extension Depot {
  /// A clerk writes off expired, damaged or recalled stock at a warehouse or site (signed);
  /// it stays on hand, no longer available, until an approver decides.
  public func writeOff(_ request: WriteOffRequest, _ context: WriteContext) throws
    -> AdjustmentView
  {
    try perform(request, context, roles: [.clerk], action: "write off stock") { session in
      let place = try session.location(request.location)
      guard place.kind != .wastePoint else {
        throw DepotError.wrongKind(
          code: place.code, kind: place.kind.rawValue, expected: "warehouse or site")
      }
      let item = try session.item(request.item)
      if item.tracking == .lot, request.lot == nil {
        throw DepotError.invalidOption(
          field: .lot, reason: "is required: \(item.code) is tracked by lot")
      }
      let selection = try session.selection(for: item, lot: request.lot, serials: request.serials)
      let quantity = try session.quantity(request.quantity, serials: request.serials, of: item)
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let lots = try session.lotsToWriteOff(
        item, quantity: quantity, selection: selection, at: place, reason: request.reason)
      let (document, payload) = try session.openWriteOff(
        lots, at: place, reason: request.reason, origin: nil, note: note)
      try session.recordOpening(of: document, action: "writeoff.request", payload: payload)
      return try session.adjustmentView(document)
    }
  }

  /// An approver signs off or rejects a write-off. Approval opens a waste batch that carries
  /// the stock (weighed when it is collected); rejection makes the stock available again.
  /// Whoever wrote the stock off may not approve it.
  public func decideAdjustment(_ request: AdjustmentDecision, _ context: WriteContext) throws
    -> AdjustmentView
  {
    try decide(request, context) { session, document in
      let adjustment = try session.adjustmentRecord(document)
      let isCount = adjustment.kind == .count
      try session.requireFourEyes(
        on: document, earlierStep: isCount ? "counted for" : "wrote off", by: document.createdBy)
      let reason = try Text.checkedOptional(request.reason, field: .reason, lineBreaks: true)
      if request.kind == .reject, reason == nil {
        throw DepotError.reasonRequired(action: isCount ? "reject a count" : "reject a write-off")
      }
      var outcome = DecisionOutcome(reason: reason)
      if request.kind == .approve && isCount {
        try session.postCountAdjustment(document, adjustment)
      } else if request.kind == .approve {
        outcome.details = [("batch", try session.openWasteBatch(for: document).number)]
      }
      return outcome
    } then: { session, document in
      let adjustment = try session.adjustmentRecord(document)
      if adjustment.kind == .count { try session.closeCountIfDecided(adjustment) }
      return try session.adjustmentView(document)
    }
  }

  /// One adjustment as it stands (every registered user).
  public func adjustment(_ number: String, as actor: String?) throws -> AdjustmentView {
    try read(as: actor) { session in
      try session.adjustmentView(session.document(number, kind: .adjustment))
    }
  }

  /// Adjustments, newest first, optionally only those in one state (every registered user).
  public func adjustments(state: DocumentState?, as actor: String?) throws -> [AdjustmentView] {
    try read(as: actor) { session in
      try session.transaction.adjustments(state: state).map(session.adjustmentView)
    }
  }
}

extension Session {
  /// Opens the waste batch an approved write-off goes into: of the class its goods become,
  /// at the place they are, awaiting collection (weighing).
  fileprivate func openWasteBatch(for adjustment: DocumentRecord) throws -> DocumentRecord {
    let adjusted = try adjustmentRecord(adjustment)
    let lines = try transaction.adjustmentLines(documentID: adjustment.id)
    let categories = try Set(
      lines.map { WasteCategory.forWriteOff(of: try item(id: $0.itemId).category) })
    guard categories.count == 1, let category = categories.first else {
      throw DepotError.damagedDatabase(
        "\(adjustment.number) holds goods of \(categories.count) classes of waste, not one")
    }
    let place = try account(adjusted.accountId)
    let batch = try newDocument(.wasteBatch, state: .awaitingCollection, source: place.id)
    try transaction.insertWasteBatch(
      WasteBatchRecord(
        documentId: batch.id, category: category.rawValue, sourceAccountId: place.id,
        adjustmentDocumentId: adjustment.id))
    try recordOpening(
      of: batch, action: "waste.open",
      payload: Payload([
        ("batch", batch.number), ("category", category.rawValue), ("source", place.code),
        ("writeOff", adjustment.number),
      ]))
    return batch
  }
}
