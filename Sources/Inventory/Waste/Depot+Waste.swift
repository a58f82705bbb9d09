import Ledger

extension Depot {
  /// Records waste collected into a batch: a new batch at a site or warehouse (the site's
  /// requester, or a clerk), or the weighing of a batch a write-off opened. The 48-hour
  /// clock of a new batch starts now.
  public func collectWaste(_ request: WasteCollection, _ context: WriteContext) throws
    -> WasteBatchView
  {
    try perform(request, context, roles: [.requester, .clerk], action: "record waste") {
      session in
      try session.checkContainers(request.containers)
      try Weight.checked(request.weightGrams, field: .weight)
      let collector =
        try Text.checkedOptional(request.collector, field: .collector, maximumLength: 200)
        ?? session.actor.name
      let isNew = request.batch == nil
      var (document, batch) =
        try request.batch.map { try session.batchToWeigh($0, request) }
        ?? session.newBatch(request)
      let place = try session.account(batch.sourceAccountId)
      try session.transaction.insertCollection(
        WasteCollectionRecord(
          batchDocumentId: document.id, containers: request.containers,
          weightGrams: request.weightGrams, collector: collector, recordedBy: session.actor.id,
          collectedAt: session.now))
      let payload = session.dated(
        Payload([
          ("batch", document.number), ("category", batch.category), ("source", place.code),
          ("grams", String(request.weightGrams)), ("containers", String(request.containers)),
          ("collector", collector),
        ]))
      if isNew {
        try session.recordOpening(of: document, action: "waste.collect", payload: payload)
      } else {
        try session.move(&document, to: .collected, action: "waste.collect", payload: payload)
      }
      return try session.wasteBatchView(document)
    }
  }

  /// Takes a collected batch to a temporary waste point (clerk); a write-off batch's stock
  /// leaves its warehouse or site for the waste point.
  public func storeWaste(_ request: WasteStorage, _ context: WriteContext) throws
    -> WasteBatchView
  {
    try perform(request, context, roles: [.clerk], action: "store waste") { session in
      var document = try session.document(
        request.batch, kind: .wasteBatch,
        allowing: [.awaitingCollection, .collected], to: .stored)
      guard document.state == .collected else {
        throw DepotError.wasteNotCollected(batch: document.number)
      }
      let point = try session.location(request.wastePoint, kind: .wastePoint)
      let batch = try session.wasteBatchRecord(document)
      try session.transaction.insertStorage(
        WasteStorageRecord(
          batchDocumentId: document.id, accountId: point.id, storedBy: session.actor.id,
          storedAt: session.now))
      let lines = try session.moveBatchStock(
        document, from: try session.account(batch.sourceAccountId), to: point)
      var payload = Payload(lines: lines)
      payload.append("batch", document.number)
      payload.append("point", point.code)
      try session.move(
        &document, to: .stored, action: "waste.store", payload: session.dated(payload))
      return try session.wasteBatchView(document)
    }
  }

  /// One batch as it stands (every registered user).
  public func wasteBatch(_ number: String, as actor: String?) throws -> WasteBatchView {
    try read(as: actor) { session in
      try session.wasteBatchView(session.document(number, kind: .wasteBatch))
    }
  }
}
