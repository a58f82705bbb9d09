import Ledger

extension Session {
  /// Moves the stock a write-off batch carries from one account to another, under the
  /// batch's document; a batch collected at a site carries none, and moves nothing.
  func moveBatchStock(
    _ document: DocumentRecord, from source: AccountRecord, to destination: AccountRecord
  ) throws -> [PostedDocument.Line] {
    guard let batch = try transaction.wasteBatch(documentID: document.id),
      let adjustment = batch.adjustmentDocumentId
    else { return [] }
    return try transaction.adjustmentLines(documentID: adjustment).flatMap { line in
      return try moveLots(
        [(try lot(id: line.lotId), line.quantity)], of: try item(id: line.itemId), from: source,
        to: destination,
        document)
    }
  }

  /// The waste part of a WST document.
  func wasteBatchRecord(_ document: DocumentRecord) throws -> WasteBatchRecord {
    try part(transaction.wasteBatch(documentID: document.id), of: document, "waste batch")
  }

  /// A batch that an approved write-off opened, to weigh; refused unless it awaits
  /// collection and the actor may record waste at its place.
  func batchToWeigh(_ number: String, _ request: WasteCollection) throws -> (
    DocumentRecord, WasteBatchRecord
  ) {
    guard request.location == nil, request.category == nil else {
      throw DepotError.invalidOption(
        field: request.location == nil ? .category : .at,
        reason: "applies to a new batch; \(number) already says where it is and what it holds")
    }
    let document = try document(
      number, kind: .wasteBatch, allowing: [.awaitingCollection], to: .collected)
    let batch = try wasteBatchRecord(document)
    try requireWasteAccess(to: try account(batch.sourceAccountId))
    return (document, batch)
  }

  /// A new batch collected at a site or warehouse, in state collected.
  func newBatch(_ request: WasteCollection) throws -> (DocumentRecord, WasteBatchRecord) {
    guard let code = request.location else {
      throw DepotError.invalidOption(field: .at, reason: "is required for a new batch")
    }
    guard let category = request.category else {
      throw DepotError.invalidOption(
        field: .category,
        reason: "is required: \(WasteCategory.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let place = try location(code)
    guard [.site, .warehouse].contains(place.kind) else {
      throw DepotError.wrongKind(
        code: place.code, kind: place.kind.rawValue, expected: "site or warehouse")
    }
    try requireWasteAccess(to: place)
    let document = try newDocument(.wasteBatch, state: .collected, source: place.id)
    let batch = WasteBatchRecord(
      documentId: document.id, category: category.rawValue, sourceAccountId: place.id,
      adjustmentDocumentId: nil)
    try transaction.insertWasteBatch(batch)
    return (document, batch)
  }

  /// Clerks record waste anywhere; a requester only at a site they are bound to.
  private func requireWasteAccess(to place: AccountRecord) throws {
    if !roles.contains(.clerk) { try requireBinding(to: place) }
  }

  /// Refuses a count of containers that is not a sane whole number.
  func checkContainers(_ containers: Int64, field: Field = .containers) throws {
    guard (1...1_000_000).contains(containers) else {
      throw DepotError.invalidOption(
        field: field, reason: "must be a whole number of containers from 1 to 1000000")
    }
  }
}

/// The rule that opens a discrepancy at hand-over.
enum HandoverCheck {
  /// Why a re-measured load disagrees with what its batches held when collected, or nil: a
  /// weight difference over the tolerance (the office's setting, in percent), or any
  /// difference in the number of containers.
  static func discrepancy(
    expectedGrams: Int64, expectedContainers: Int64, grams: Int64, containers: Int64,
    tolerancePercent: Int
  ) -> String? {
    var reasons: [String] = []
    let difference = grams - expectedGrams
    if difference.magnitude * 100 > expectedGrams.magnitude * UInt64(tolerancePercent) {
      let tenths =
        (difference.magnitude * 2000 + expectedGrams.magnitude) / (2 * expectedGrams.magnitude)
      reasons.append(
        "re-measured \(Weight.text(grams: grams)) against \(Weight.text(grams: expectedGrams)) "
          + "collected, \(tenths / 10).\(tenths % 10) % \(difference > 0 ? "more" : "less")")
    }
    if containers != expectedContainers {
      reasons.append("\(containers) containers against \(expectedContainers) collected")
    }
    return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
  }
}
