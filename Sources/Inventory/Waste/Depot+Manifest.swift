import Ledger

extension Depot {
  /// Hands stored batches to a licensed contractor under a transfer manifest (clerk, signed).
  /// The contractor's licence must be valid today and the manifest number new; the load as
  /// re-measured is compared with what the batches held when collected, and a difference
  /// opens a discrepancy that blocks disposal until an approver resolves it.
  public func handOverWaste(_ request: WasteHandover, _ context: WriteContext) throws
    -> ManifestView
  {
    try perform(request, context, roles: [.clerk], action: "hand over waste") { session in
      let contractor = try session.party(request.contractor, kind: .contractor)
      guard let licence = contractor.licence,
        let expires = contractor.licenceExpires
      else { throw DepotError.contractorUnlicensed(contractor: contractor.code) }
      guard expires >= session.effectiveDate else {
        throw DepotError.licenceExpired(
          contractor: contractor.code, licence: licence, expired: expires,
          on: session.effectiveDate)
      }
      let manifestNumber = try Text.checkedIdentifier(
        request.manifest, field: .manifestNumber, maximumLength: 64)
      if let used = try session.transaction.manifest(manifestNumber: manifestNumber) {
        throw DepotError.duplicateManifest(
          manifest: manifestNumber,
          document: try session.transaction.document(id: used.documentId)?.number ?? "?")
      }
      try Weight.checked(request.weightGrams, field: .weight)
      try session.checkContainers(request.containers)
      let driver = try Text.checked(request.driver, field: .driver)
      let vehicle = try Text.checkedIdentifier(
        request.vehicle, field: .vehicle, maximumLength: 64)
      let batches = try session.storedBatches(request.batches)
      let expectedGrams = batches.reduce(0) { $0 + $1.collection.weightGrams }
      let expectedContainers = batches.reduce(0) { $0 + $1.collection.containers }
      let discrepancy = HandoverCheck.discrepancy(
        expectedGrams: expectedGrams, expectedContainers: expectedContainers,
        grams: request.weightGrams, containers: request.containers,
        tolerancePercent: session.settings.handoverTolerancePercent)
      let state: DocumentState = discrepancy == nil ? .handedOver : .discrepancy
      let document = try session.newDocument(
        .wasteManifest, state: state, destination: contractor.id)
      try session.transaction.insertManifest(
        WasteManifestRecord(
          documentId: document.id, manifestNumber: manifestNumber,
          contractorAccountId: contractor.id, licence: licence,
          licenceExpires: expires, expectedGrams: expectedGrams,
          expectedContainers: expectedContainers, weightGrams: request.weightGrams,
          containers: request.containers, driver: driver, vehicle: vehicle,
          discrepancy: discrepancy, handedOverBy: session.actor.id,
          handedOverAt: session.now),
        batchDocumentIDs: batches.map(\.document.id))
      try session.recordOpening(
        of: document, action: "manifest.handover",
        payload: Payload(
          [
            ("manifest", document.number), ("manifestNumber", manifestNumber),
            ("contractor", contractor.code), ("licence", licence),
            ("licenceExpires", expires.description),
          ] + batches.map { ("batch", $0.document.number) } + [
            ("expectedGrams", String(expectedGrams)),
            ("expectedContainers", String(expectedContainers)),
            ("grams", String(request.weightGrams)), ("containers", String(request.containers)),
            ("driver", driver), ("vehicle", vehicle), ("discrepancy", discrepancy),
          ]))
      for var batch in batches {
        let lines = try session.moveBatchStock(
          batch.document, from: batch.point, to: contractor)
        var payload = Payload(lines: lines)
        payload.append("batch", batch.document.number)
        payload.append("manifest", document.number)
        payload.append("manifestNumber", manifestNumber)
        payload.append("contractor", contractor.code)
        try session.move(
          &batch.document, to: .handedOver, action: "waste.handover",
          payload: session.dated(payload))
      }
      return try session.manifestView(document)
    }
  }

  /// An approver settles a manifest's discrepancy with a signed reason, so that disposal can
  /// be recorded; whoever handed the load over may not resolve it.
  public func resolveManifest(_ request: WasteResolution, _ context: WriteContext) throws
    -> ManifestView
  {
    try perform(request, context, roles: [.approver], action: "resolve waste discrepancies") {
      session in
      var document = try session.document(
        request.manifest, kind: .wasteManifest, allowing: [.discrepancy], to: "resolved")
      let manifest = try session.manifestRecord(document)
      try session.requireFourEyes(
        on: document, earlierStep: "handed over", by: manifest.handedOverBy)
      let reason = try Text.checked(
        request.reason, field: .reason, maximumLength: 2000, lineBreaks: true)
      try session.transaction.insertResolution(
        WasteResolutionRecord(
          manifestDocumentId: document.id, reason: reason, resolvedBy: session.actor.id,
          resolvedAt: session.now))
      try session.move(
        &document, to: .handedOver, action: "manifest.resolve", reason: reason,
        payload: session.dated(
          Payload([
            ("manifest", document.number), ("discrepancy", manifest.discrepancy),
          ])))
      return try session.manifestView(document)
    }
  }

  /// Records the contractor's disposal certificate (clerk): it closes the manifest, and the
  /// stock its write-off batches carried reaches `disposed`.
  public func disposeWaste(_ request: WasteDisposal, _ context: WriteContext) throws
    -> ManifestView
  {
    try perform(request, context, roles: [.clerk], action: "record disposal") { session in
      var document = try session.document(request.manifest, kind: .wasteManifest)
      let manifest = try session.manifestRecord(document)
      if document.state == .discrepancy {
        throw DepotError.openDiscrepancy(
          manifest: document.number, discrepancy: manifest.discrepancy ?? "")
      }
      try session.checkState(of: document, allowing: [.handedOver], to: DocumentState.disposed.step)
      let certificate = try Text.checkedIdentifier(
        request.certificate, field: .certificate, maximumLength: 64)
      let method = try Text.checked(request.method, field: .method)
      let destination = try Text.checked(request.destination, field: .destination)
      try session.transaction.insertDisposal(
        WasteDisposalRecord(
          manifestDocumentId: document.id, certificate: certificate, method: method,
          destination: destination, recordedBy: session.actor.id,
          recordedAt: session.now))
      let contractor = try session.account(manifest.contractorAccountId)
      let disposed = try session.systemAccount(.disposed)
      for var batch in try session.transaction.manifestBatches(manifestDocumentID: document.id) {
        let lines = try session.moveBatchStock(batch, from: contractor, to: disposed)
        var payload = Payload(lines: lines)
        payload.append("batch", batch.number)
        payload.append("certificate", certificate)
        try session.move(&batch, to: .disposed, action: "waste.dispose", payload: payload)
      }
      try session.move(
        &document, to: .disposed, action: "manifest.dispose",
        payload: Payload([
          ("manifest", document.number), ("certificate", certificate), ("method", method),
          ("destination", destination),
        ]))
      return try session.manifestView(document)
    }
  }
}

/// A batch about to be handed over: its document, what was collected, where it is stored.
private struct StoredBatch {
  var document: DocumentRecord
  var collection: WasteCollectionRecord
  var point: AccountRecord
}

extension Session {
  /// The named batches, each refused unless it is stored at a waste point.
  fileprivate func storedBatches(_ numbers: [String]) throws -> [StoredBatch] {
    guard !numbers.isEmpty else {
      throw DepotError.invalidOption(field: .batch, reason: "name at least one stored batch")
    }
    var batches: [StoredBatch] = []
    for number in numbers {
      let document = try document(number, kind: .wasteBatch)
      guard !batches.contains(where: { $0.document.id == document.id }) else {
        throw DepotError.invalidOption(field: .batch, reason: "names \(number) twice")
      }
      if [.awaitingCollection, .collected].contains(document.state) {
        throw DepotError.wasteNotStored(batch: number, state: document.state.rawValue)
      }
      try checkState(of: document, allowing: [.stored], to: DocumentState.handedOver.step)
      guard let collection = try transaction.collection(batchDocumentID: document.id),
        let storage = try transaction.storage(batchDocumentID: document.id)
      else {
        throw DepotError.damagedDatabase(
          "\(number) is stored but has no collection or storage record")
      }
      batches.append(
        StoredBatch(
          document: document, collection: collection, point: try account(storage.accountId)))
    }
    return batches
  }
}
