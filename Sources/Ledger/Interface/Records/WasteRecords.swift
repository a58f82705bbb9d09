import Macros

/// The waste part of a WST document: what class of waste, and where it arose.
@MemberwiseInit
@ColumnKeys
public struct WasteBatchRecord: LedgerRecord, Equatable {
  public var documentId: Int64
  public var category: String
  public var sourceAccountId: Int64
  /// The approved write-off whose stock the batch carries, if any.
  public var adjustmentDocumentId: Int64?
}

/// How much of a batch was collected, in how many containers, by whom and when.
@MemberwiseInit
@ColumnKeys
public struct WasteCollectionRecord: LedgerRecord, Equatable {
  public var batchDocumentId: Int64
  public var containers: Int64
  public var weightGrams: Int64
  public var collector: String
  public var recordedBy: Int64
  public var collectedAt: Moment
}

/// The waste point a batch was taken to.
@MemberwiseInit
@ColumnKeys
public struct WasteStorageRecord: LedgerRecord, Equatable {
  public var batchDocumentId: Int64
  public var accountId: Int64
  public var storedBy: Int64
  public var storedAt: Moment
}

/// The manifest part of a MAN document: the hand-over to a contractor.
@MemberwiseInit
@ColumnKeys
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
}

/// Which manifest a batch left under.
@MemberwiseInit
@ColumnKeys
public struct WasteManifestBatchRecord: LedgerRecord, Equatable {
  public var batchDocumentId: Int64
  public var manifestDocumentId: Int64
}

/// An approver's resolution of a manifest's discrepancy.
@MemberwiseInit
@ColumnKeys
public struct WasteResolutionRecord: LedgerRecord, Equatable {
  public var manifestDocumentId: Int64
  public var reason: String
  public var resolvedBy: Int64
  public var resolvedAt: Moment
}

/// The contractor's disposal certificate for a manifest.
@MemberwiseInit
@ColumnKeys
public struct WasteDisposalRecord: LedgerRecord, Equatable {
  public var manifestDocumentId: Int64
  public var certificate: String
  public var method: String
  public var destination: String
  public var recordedBy: Int64
  public var recordedAt: Moment
}
