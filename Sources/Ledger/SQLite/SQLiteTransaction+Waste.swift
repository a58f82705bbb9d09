import GRDB
import Ledger

extension SQLiteTransaction: WasteLedger {
  // MARK: Batches

  /// Records the waste part of a new WST document.
  public func insertWasteBatch(_ batch: WasteBatchRecord) throws {
    try batch.insert(db)
  }

  /// The waste part of a WST document.
  public func wasteBatch(documentID: Int64) throws -> WasteBatchRecord? {
    try part(WasteBatchRecord.self, documentID: documentID)
  }

  /// The batch a write-off opened, if it was approved.
  public func wasteBatch(adjustmentDocumentID: Int64) throws -> WasteBatchRecord? {
    try one(WasteBatchRecord.self, where: "adjustment_document_id", is: adjustmentDocumentID)
  }

  /// Records how much of a batch was collected.
  public func insertCollection(_ collection: WasteCollectionRecord) throws {
    try collection.insert(db)
  }

  /// How much of a batch was collected, once it was.
  public func collection(batchDocumentID: Int64) throws -> WasteCollectionRecord? {
    try one(WasteCollectionRecord.self, where: "batch_document_id", is: batchDocumentID)
  }

  /// Records the waste point a batch was taken to.
  public func insertStorage(_ storage: WasteStorageRecord) throws {
    try storage.insert(db)
  }

  /// Where a batch was stored, once it was.
  public func storage(batchDocumentID: Int64) throws -> WasteStorageRecord? {
    try one(WasteStorageRecord.self, where: "batch_document_id", is: batchDocumentID)
  }

  // MARK: Manifests

  /// Records the manifest part of a new MAN document and the batches it carries.
  public func insertManifest(_ manifest: WasteManifestRecord, batchDocumentIDs: [Int64]) throws {
    try manifest.insert(db)
    for batchID in batchDocumentIDs {
      try WasteManifestBatchRecord(
        batchDocumentId: batchID, manifestDocumentId: manifest.documentId
      )
      .insert(db)
    }
  }

  /// The manifest part of a MAN document.
  public func manifest(documentID: Int64) throws -> WasteManifestRecord? {
    try part(WasteManifestRecord.self, documentID: documentID)
  }

  /// The manifest that carries this transfer manifest number, if any.
  public func manifest(manifestNumber: String) throws -> WasteManifestRecord? {
    try one(WasteManifestRecord.self, where: "manifest_number", is: manifestNumber)
  }

  /// The batches a manifest carries, in document order.
  public func manifestBatches(manifestDocumentID: Int64) throws -> [DocumentRecord] {
    try DocumentRecord.fetchAll(
      cached(
        """
        SELECT document.* FROM document
          JOIN waste_manifest_batch AS carried ON carried.batch_document_id = document.id
        WHERE carried.manifest_document_id = ? ORDER BY document.id
        """), arguments: [manifestDocumentID])
  }

  /// Records the resolution of a manifest's discrepancy.
  public func insertResolution(_ resolution: WasteResolutionRecord) throws {
    try resolution.insert(db)
  }

  /// A manifest's resolution, once resolved.
  public func resolution(manifestDocumentID: Int64) throws -> WasteResolutionRecord? {
    try one(WasteResolutionRecord.self, where: "manifest_document_id", is: manifestDocumentID)
  }

  /// Records a manifest's disposal certificate.
  public func insertDisposal(_ disposal: WasteDisposalRecord) throws {
    try disposal.insert(db)
  }

  /// A manifest's disposal certificate, once recorded.
  public func disposal(manifestDocumentID: Int64) throws -> WasteDisposalRecord? {
    try one(WasteDisposalRecord.self, where: "manifest_document_id", is: manifestDocumentID)
  }
}
