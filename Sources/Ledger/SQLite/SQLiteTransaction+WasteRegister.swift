import GRDB
import Ledger

extension SQLiteTransaction {
  /// The register rows that match `filter`, oldest batch first, one at a time so that an
  /// export's memory stays flat.
  public func forEachWasteRegisterRow(
    _ filter: WasteRegisterFilter, _ body: (WasteRegisterRow) throws -> Void
  ) throws {
    var conditions = SQLConditions()
    conditions.add("document.created_at >= ?", filter.openedFrom)
    conditions.add("document.created_at < ?", filter.openedBefore)
    conditions.add("document.state", in: filter.states?.map(\.rawValue))
    conditions.add("batch.document_id = ?", filter.batchDocumentId)
    conditions.add("carried.manifest_document_id = ?", filter.manifestDocumentId)
    let cursor = try Row.fetchCursor(
      cached(
        Self.registerSQL
          + " WHERE \(conditions.sql) ORDER BY batch.document_id"),
      arguments: conditions.arguments)
    while let row = try cursor.next() {
      try body(WasteRegisterRow(row: row))
    }
  }

  /// The register rows that match `filter`, oldest batch first.
  public func wasteRegister(_ filter: WasteRegisterFilter) throws -> [WasteRegisterRow] {
    var rows: [WasteRegisterRow] = []
    try forEachWasteRegisterRow(filter) { rows.append($0) }
    return rows
  }

  private static let registerSQL = """
    SELECT document.number AS batch, document.state, document.created_at AS opened_at,
      opener.name AS opened_by, batch.category, source.code AS source,
      source.name AS source_name, adjustment_document.number AS write_off,
      (SELECT group_concat(part, '; ') FROM (
        SELECT item.code || ' ' || ifnull(lot.number, '-') || ' ' || line.quantity || ' '
          || item.base_unit AS part
        FROM adjustment_line AS line
          JOIN item ON item.id = line.item_id JOIN lot ON lot.id = line.lot_id
        WHERE line.document_id = batch.adjustment_document_id ORDER BY line.position)
      ) AS contents,
      collection.weight_grams, collection.containers, collection.collector,
      recorder.name AS collection_recorded_by, collection.collected_at,
      point.code AS storage_point, point.name AS storage_point_name, storer.name AS stored_by,
      storage.stored_at, manifest_document.number AS manifest,
      manifest.manifest_number, contractor.code AS contractor,
      contractor.name AS contractor_name, manifest.licence, manifest.licence_expires,
      hander.name AS handed_over_by, manifest.handed_over_at, manifest.driver, manifest.vehicle,
      manifest.discrepancy, resolution.reason AS resolution, resolver.name AS resolved_by,
      resolution.resolved_at, disposal.certificate, disposal.method AS disposal_method, disposal.destination,
      disposer.name AS disposal_recorded_by, disposal.recorded_at AS disposed_at
    FROM waste_batch AS batch
      JOIN document ON document.id = batch.document_id
      JOIN users AS opener ON opener.id = document.created_by
      JOIN account AS source ON source.id = batch.source_account_id
      LEFT JOIN document AS adjustment_document
        ON adjustment_document.id = batch.adjustment_document_id
      LEFT JOIN waste_collection AS collection ON collection.batch_document_id = batch.document_id
      LEFT JOIN users AS recorder ON recorder.id = collection.recorded_by
      LEFT JOIN waste_storage AS storage ON storage.batch_document_id = batch.document_id
      LEFT JOIN account AS point ON point.id = storage.account_id
      LEFT JOIN users AS storer ON storer.id = storage.stored_by
      LEFT JOIN waste_manifest_batch AS carried ON carried.batch_document_id = batch.document_id
      LEFT JOIN waste_manifest AS manifest ON manifest.document_id = carried.manifest_document_id
      LEFT JOIN document AS manifest_document ON manifest_document.id = manifest.document_id
      LEFT JOIN account AS contractor ON contractor.id = manifest.contractor_account_id
      LEFT JOIN users AS hander ON hander.id = manifest.handed_over_by
      LEFT JOIN waste_resolution AS resolution
        ON resolution.manifest_document_id = manifest.document_id
      LEFT JOIN users AS resolver ON resolver.id = resolution.resolved_by
      LEFT JOIN waste_disposal AS disposal ON disposal.manifest_document_id = manifest.document_id
      LEFT JOIN users AS disposer ON disposer.id = disposal.recorded_by
    """
}
