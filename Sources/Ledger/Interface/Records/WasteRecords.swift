/// The waste part of a WST document: what class of waste, and where it arose.
public struct WasteBatchRecord: LedgerRecord, Equatable {
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

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case category
    case sourceAccountId = "source_account_id"
    case adjustmentDocumentId = "adjustment_document_id"
  }
}

/// How much of a batch was collected, in how many containers, by whom and when.
public struct WasteCollectionRecord: LedgerRecord, Equatable {
  public var batchDocumentId: Int64
  public var containers: Int64
  public var weightGrams: Int64
  public var collector: String
  public var recordedBy: Int64
  public var collectedAt: Moment

  public init(
    batchDocumentId: Int64, containers: Int64, weightGrams: Int64, collector: String,
    recordedBy: Int64, collectedAt: Moment
  ) {
    self.batchDocumentId = batchDocumentId
    self.containers = containers
    self.weightGrams = weightGrams
    self.collector = collector
    self.recordedBy = recordedBy
    self.collectedAt = collectedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case batchDocumentId = "batch_document_id"
    case containers
    case weightGrams = "weight_grams"
    case collector
    case recordedBy = "recorded_by"
    case collectedAt = "collected_at"
  }
}

/// The waste point a batch was taken to.
public struct WasteStorageRecord: LedgerRecord, Equatable {
  public var batchDocumentId: Int64
  public var accountId: Int64
  public var storedBy: Int64
  public var storedAt: Moment

  public init(batchDocumentId: Int64, accountId: Int64, storedBy: Int64, storedAt: Moment) {
    self.batchDocumentId = batchDocumentId
    self.accountId = accountId
    self.storedBy = storedBy
    self.storedAt = storedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case batchDocumentId = "batch_document_id"
    case accountId = "account_id"
    case storedBy = "stored_by"
    case storedAt = "stored_at"
  }
}

/// The manifest part of a MAN document: the hand-over to a contractor.
public struct WasteManifestRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var manifestNumber: String
  public var contractorAccountId: Int64
  public var licence: String
  public var licenceExpires: Day
  public var expectedGrams: Int64
  public var expectedContainers: Int64
  public var weightGrams: Int64
  public var containers: Int64
  public var driver: String
  public var vehicle: String
  /// Why the re-measured load differs from the batches, if it does beyond tolerance.
  public var discrepancy: String?
  public var handedOverBy: Int64
  public var handedOverAt: Moment

  public init(
    documentId: Int64, manifestNumber: String, contractorAccountId: Int64, licence: String,
    licenceExpires: Day, expectedGrams: Int64, expectedContainers: Int64, weightGrams: Int64,
    containers: Int64, driver: String, vehicle: String, discrepancy: String?,
    handedOverBy: Int64, handedOverAt: Moment
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

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case documentId = "document_id"
    case manifestNumber = "manifest_number"
    case contractorAccountId = "contractor_account_id"
    case licence
    case licenceExpires = "licence_expires"
    case expectedGrams = "expected_grams"
    case expectedContainers = "expected_containers"
    case weightGrams = "weight_grams"
    case containers
    case driver
    case vehicle
    case discrepancy
    case handedOverBy = "handed_over_by"
    case handedOverAt = "handed_over_at"
  }
}

/// Which manifest a batch left under.
public struct WasteManifestBatchRecord: LedgerRecord, Equatable {
  public var batchDocumentId: Int64
  public var manifestDocumentId: Int64

  public init(batchDocumentId: Int64, manifestDocumentId: Int64) {
    self.batchDocumentId = batchDocumentId
    self.manifestDocumentId = manifestDocumentId
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case batchDocumentId = "batch_document_id"
    case manifestDocumentId = "manifest_document_id"
  }
}

/// An approver's resolution of a manifest's discrepancy.
public struct WasteResolutionRecord: LedgerRecord, Equatable {
  public var manifestDocumentId: Int64
  public var reason: String
  public var resolvedBy: Int64
  public var resolvedAt: Moment

  public init(manifestDocumentId: Int64, reason: String, resolvedBy: Int64, resolvedAt: Moment) {
    self.manifestDocumentId = manifestDocumentId
    self.reason = reason
    self.resolvedBy = resolvedBy
    self.resolvedAt = resolvedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case manifestDocumentId = "manifest_document_id"
    case reason
    case resolvedBy = "resolved_by"
    case resolvedAt = "resolved_at"
  }
}

/// The contractor's disposal certificate for a manifest.
public struct WasteDisposalRecord: LedgerRecord, Equatable {
  public var manifestDocumentId: Int64
  public var certificate: String
  public var method: String
  public var destination: String
  public var recordedBy: Int64
  public var recordedAt: Moment

  public init(
    manifestDocumentId: Int64, certificate: String, method: String, destination: String,
    recordedBy: Int64, recordedAt: Moment
  ) {
    self.manifestDocumentId = manifestDocumentId
    self.certificate = certificate
    self.method = method
    self.destination = destination
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case manifestDocumentId = "manifest_document_id"
    case certificate
    case method
    case destination
    case recordedBy = "recorded_by"
    case recordedAt = "recorded_at"
  }
}
