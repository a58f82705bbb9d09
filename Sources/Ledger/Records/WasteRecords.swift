import GRDB

/// The waste part of a WST document: what class of waste, and where it arose.
public struct WasteBatchRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_batch"
  public var documentId: Int64
  public var category: String
  public var sourceAccountId: Int64
  /// The approved write-off whose stock the batch carries, if any.
  public var adjustmentDocumentId: Int64?

  public init(
    documentId: Int64, category: String, sourceAccountId: Int64, adjustmentDocumentId: Int64?
  ) {
    self.documentId = documentId
    self.category = category
    self.sourceAccountId = sourceAccountId
    self.adjustmentDocumentId = adjustmentDocumentId
  }

  public init(row: Row) {
    documentId = row["document_id"]
    category = row["category"]
    sourceAccountId = row["source_account_id"]
    adjustmentDocumentId = row["adjustment_document_id"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["document_id"] = documentId
    container["category"] = category
    container["source_account_id"] = sourceAccountId
    container["adjustment_document_id"] = adjustmentDocumentId
  }
}

/// How much of a batch was collected, in how many containers, by whom and when.
public struct WasteCollectionRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_collection"
  public var batchDocumentId: Int64
  public var containers: Int64
  public var weightGrams: Int64
  public var collector: String
  public var recordedBy: Int64
  public var collectedAt: String

  public init(
    batchDocumentId: Int64, containers: Int64, weightGrams: Int64, collector: String,
    recordedBy: Int64, collectedAt: String
  ) {
    self.batchDocumentId = batchDocumentId
    self.containers = containers
    self.weightGrams = weightGrams
    self.collector = collector
    self.recordedBy = recordedBy
    self.collectedAt = collectedAt
  }

  public init(row: Row) {
    batchDocumentId = row["batch_document_id"]
    containers = row["containers"]
    weightGrams = row["weight_grams"]
    collector = row["collector"]
    recordedBy = row["recorded_by"]
    collectedAt = row["collected_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["batch_document_id"] = batchDocumentId
    container["containers"] = containers
    container["weight_grams"] = weightGrams
    container["collector"] = collector
    container["recorded_by"] = recordedBy
    container["collected_at"] = collectedAt
  }
}

/// The waste point a batch was taken to.
public struct WasteStorageRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_storage"
  public var batchDocumentId: Int64
  public var accountId: Int64
  public var storedBy: Int64
  public var storedAt: String

  public init(batchDocumentId: Int64, accountId: Int64, storedBy: Int64, storedAt: String) {
    self.batchDocumentId = batchDocumentId
    self.accountId = accountId
    self.storedBy = storedBy
    self.storedAt = storedAt
  }

  public init(row: Row) {
    batchDocumentId = row["batch_document_id"]
    accountId = row["account_id"]
    storedBy = row["stored_by"]
    storedAt = row["stored_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["batch_document_id"] = batchDocumentId
    container["account_id"] = accountId
    container["stored_by"] = storedBy
    container["stored_at"] = storedAt
  }
}

/// The manifest part of a MAN document: the hand-over to a contractor.
public struct WasteManifestRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_manifest"
  public var documentId: Int64
  public var manifestNumber: String
  public var contractorAccountId: Int64
  public var licence: String
  public var licenceExpires: String
  public var expectedGrams: Int64
  public var expectedContainers: Int64
  public var weightGrams: Int64
  public var containers: Int64
  public var driver: String
  public var vehicle: String
  /// Why the re-measured load differs from the batches, if it does beyond tolerance.
  public var discrepancy: String?
  public var handedOverBy: Int64
  public var handedOverAt: String

  public init(
    documentId: Int64, manifestNumber: String, contractorAccountId: Int64, licence: String,
    licenceExpires: String, expectedGrams: Int64, expectedContainers: Int64, weightGrams: Int64,
    containers: Int64, driver: String, vehicle: String, discrepancy: String?,
    handedOverBy: Int64, handedOverAt: String
  ) {
    self.documentId = documentId
    self.manifestNumber = manifestNumber
    self.contractorAccountId = contractorAccountId
    self.licence = licence
    self.licenceExpires = licenceExpires
    self.expectedGrams = expectedGrams
    self.expectedContainers = expectedContainers
    self.weightGrams = weightGrams
    self.containers = containers
    self.driver = driver
    self.vehicle = vehicle
    self.discrepancy = discrepancy
    self.handedOverBy = handedOverBy
    self.handedOverAt = handedOverAt
  }

  public init(row: Row) {
    documentId = row["document_id"]
    manifestNumber = row["manifest_number"]
    contractorAccountId = row["contractor_account_id"]
    licence = row["licence"]
    licenceExpires = row["licence_expires"]
    expectedGrams = row["expected_grams"]
    expectedContainers = row["expected_containers"]
    weightGrams = row["weight_grams"]
    containers = row["containers"]
    driver = row["driver"]
    vehicle = row["vehicle"]
    discrepancy = row["discrepancy"]
    handedOverBy = row["handed_over_by"]
    handedOverAt = row["handed_over_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["document_id"] = documentId
    container["manifest_number"] = manifestNumber
    container["contractor_account_id"] = contractorAccountId
    container["licence"] = licence
    container["licence_expires"] = licenceExpires
    container["expected_grams"] = expectedGrams
    container["expected_containers"] = expectedContainers
    container["weight_grams"] = weightGrams
    container["containers"] = containers
    container["driver"] = driver
    container["vehicle"] = vehicle
    container["discrepancy"] = discrepancy
    container["handed_over_by"] = handedOverBy
    container["handed_over_at"] = handedOverAt
  }
}

/// Which manifest a batch left under.
public struct WasteManifestBatchRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_manifest_batch"
  public var batchDocumentId: Int64
  public var manifestDocumentId: Int64

  public init(batchDocumentId: Int64, manifestDocumentId: Int64) {
    self.batchDocumentId = batchDocumentId
    self.manifestDocumentId = manifestDocumentId
  }

  public init(row: Row) {
    batchDocumentId = row["batch_document_id"]
    manifestDocumentId = row["manifest_document_id"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["batch_document_id"] = batchDocumentId
    container["manifest_document_id"] = manifestDocumentId
  }
}

/// An approver's resolution of a manifest's discrepancy.
public struct WasteResolutionRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_resolution"
  public var manifestDocumentId: Int64
  public var reason: String
  public var resolvedBy: Int64
  public var resolvedAt: String

  public init(manifestDocumentId: Int64, reason: String, resolvedBy: Int64, resolvedAt: String) {
    self.manifestDocumentId = manifestDocumentId
    self.reason = reason
    self.resolvedBy = resolvedBy
    self.resolvedAt = resolvedAt
  }

  public init(row: Row) {
    manifestDocumentId = row["manifest_document_id"]
    reason = row["reason"]
    resolvedBy = row["resolved_by"]
    resolvedAt = row["resolved_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["manifest_document_id"] = manifestDocumentId
    container["reason"] = reason
    container["resolved_by"] = resolvedBy
    container["resolved_at"] = resolvedAt
  }
}

/// The contractor's disposal certificate for a manifest.
public struct WasteDisposalRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "waste_disposal"
  public var manifestDocumentId: Int64
  public var certificate: String
  public var method: String
  public var destination: String
  public var recordedBy: Int64
  public var recordedAt: String

  public init(
    manifestDocumentId: Int64, certificate: String, method: String, destination: String,
    recordedBy: Int64, recordedAt: String
  ) {
    self.manifestDocumentId = manifestDocumentId
    self.certificate = certificate
    self.method = method
    self.destination = destination
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }

  public init(row: Row) {
    manifestDocumentId = row["manifest_document_id"]
    certificate = row["certificate"]
    method = row["method"]
    destination = row["destination"]
    recordedBy = row["recorded_by"]
    recordedAt = row["recorded_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["manifest_document_id"] = manifestDocumentId
    container["certificate"] = certificate
    container["method"] = method
    container["destination"] = destination
    container["recorded_by"] = recordedBy
    container["recorded_at"] = recordedAt
  }
}
