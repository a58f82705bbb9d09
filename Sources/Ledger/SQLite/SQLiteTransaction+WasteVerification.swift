import GRDB
import Ledger

extension SQLiteTransaction {
  /// For every batch, what it carries and what its movements moved where.
  public func wasteBatchFlows() throws -> [WasteBatchFlow] {
    try Row.fetchAll(
      cached(
        """
        SELECT document.number, document.state,
          ifnull((SELECT sum(line.quantity) FROM adjustment_line AS line
                  WHERE line.document_id = batch.adjustment_document_id), 0) AS carried,
          ifnull(sum(CASE WHEN target.kind = 'waste-point' THEN m.quantity END), 0) AS point,
          ifnull(sum(CASE WHEN target.kind = 'contractor' THEN m.quantity END), 0) AS contractor,
          ifnull(sum(CASE WHEN target.kind = 'disposed' THEN m.quantity END), 0) AS disposed,
          ifnull(sum(CASE WHEN target.kind NOT IN ('waste-point', 'contractor', 'disposed')
                     THEN m.quantity END), 0) AS elsewhere
        FROM waste_batch AS batch
          JOIN document ON document.id = batch.document_id
          LEFT JOIN movement AS m ON m.document_id = batch.document_id
          LEFT JOIN account AS target ON target.id = m.to_account_id
        GROUP BY batch.document_id ORDER BY batch.document_id
        """
      )
    ).map { row in
      WasteBatchFlow(
        batchNumber: row["number"], state: row["state"], carried: row["carried"],
        intoWastePoint: row["point"], intoContractor: row["contractor"],
        intoDisposed: row["disposed"], elsewhere: row["elsewhere"])
    }
  }

  /// Every manifest with its document number and the numbers of the batches it carries.
  public func manifests() throws -> [(
    number: String, manifest: WasteManifestRecord, batches: [String]
  )] {
    try WasteManifestRecord.fetchAll(
      cached(
        "SELECT * FROM waste_manifest ORDER BY document_id"
      )
    )
    .map { manifest in
      (
        try document(id: manifest.documentId)?.number ?? "?", manifest,
        try manifestBatches(manifestDocumentID: manifest.documentId).map(\.number)
      )
    }
  }

  /// The events of the given actions, oldest first.
  public func events(actions: [String]) throws -> [DocumentEventRecord] {
    var events: [DocumentEventRecord] = []
    try forEachEvent(actions: actions) { events.append($0) }
    return events
  }

  /// Calls `body` with each event of the given actions, oldest first, one at a time.
  public func forEachEvent(
    actions: [String], _ body: (DocumentEventRecord) throws -> Void
  ) throws {
    let marks = actions.map { _ in "?" }.joined(separator: ", ")
    let cursor = try DocumentEventRecord.fetchCursor(
      cached("SELECT * FROM document_event WHERE action IN (\(marks)) ORDER BY id"),
      arguments: StatementArguments(actions))
    while let event = try cursor.next() { try body(event) }
  }
}
