import Foundation

/// One batch of the medical-waste register, with every field the regulations ask a register
/// to hold: source, category, weight and containers, collection, storage, hand-over with the
/// contractor's licence and the manifest, driver and vehicle, disposal, and who did each step.
public struct WasteRegisterRow: Sendable, Equatable {
  public var batchDocumentId: Int64
  public var batchNumber: String
  /// The state as stored: `ledger verify` reads the register, and reports a state edited by
  /// hand instead of failing on it; the engine reads it as a `DocumentState`.
  public var state: String
  public var category: String
  public var sourceCode: String
  public var sourceName: String
  /// When the batch became waste: the 48-hour clock starts here.
  public var openedAt: String
  public var openedBy: String
  /// The write-off that opened the batch, and the stock it carries (`ITEM LOT QTY UNIT; ...`).
  public var writeOffNumber: String?
  public var contents: String?
  public var weightGrams: Int64?
  public var containers: Int64?
  public var collector: String?
  public var collectionRecordedBy: String?
  public var collectedAt: String?
  public var storageCode: String?
  public var storageName: String?
  public var storedBy: String?
  public var storedAt: String?
  public var manifestDocument: String?
  public var manifestNumber: String?
  public var contractorCode: String?
  public var contractorName: String?
  public var licence: String?
  public var licenceExpires: String?
  public var handedOverBy: String?
  public var handedOverAt: String?
  public var driver: String?
  public var vehicle: String?
  public var discrepancy: String?
  public var resolution: String?
  public var resolvedBy: String?
  public var resolvedAt: String?
  public var certificate: String?
  public var disposalMethod: String?
  public var destination: String?
  public var disposalRecordedBy: String?
  public var disposedAt: String?

  public init(
    batchDocumentId: Int64, batchNumber: String, state: String, category: String,
    sourceCode: String, sourceName: String, openedAt: String, openedBy: String,
    writeOffNumber: String?, contents: String?, weightGrams: Int64?, containers: Int64?,
    collector: String?, collectionRecordedBy: String?, collectedAt: String?, storageCode: String?,
    storageName: String?, storedBy: String?, storedAt: String?, manifestDocument: String?,
    manifestNumber: String?, contractorCode: String?, contractorName: String?, licence: String?,
    licenceExpires: String?, handedOverBy: String?, handedOverAt: String?, driver: String?,
    vehicle: String?, discrepancy: String?, resolution: String?, resolvedBy: String?,
    resolvedAt: String?, certificate: String?, disposalMethod: String?, destination: String?,
    disposalRecordedBy: String?, disposedAt: String?
  ) {
    self.batchDocumentId = batchDocumentId
    self.batchNumber = batchNumber
    self.state = state
    self.category = category
    self.sourceCode = sourceCode
    self.sourceName = sourceName
    self.openedAt = openedAt
    self.openedBy = openedBy
    self.writeOffNumber = writeOffNumber
    self.contents = contents
    self.weightGrams = weightGrams
    self.containers = containers
    self.collector = collector
    self.collectionRecordedBy = collectionRecordedBy
    self.collectedAt = collectedAt
    self.storageCode = storageCode
    self.storageName = storageName
    self.storedBy = storedBy
    self.storedAt = storedAt
    self.manifestDocument = manifestDocument
    self.manifestNumber = manifestNumber
    self.contractorCode = contractorCode
    self.contractorName = contractorName
    self.licence = licence
    self.licenceExpires = licenceExpires
    self.handedOverBy = handedOverBy
    self.handedOverAt = handedOverAt
    self.driver = driver
    self.vehicle = vehicle
    self.discrepancy = discrepancy
    self.resolution = resolution
    self.resolvedBy = resolvedBy
    self.resolvedAt = resolvedAt
    self.certificate = certificate
    self.disposalMethod = disposalMethod
    self.destination = destination
    self.disposalRecordedBy = disposalRecordedBy
    self.disposedAt = disposedAt
  }
}

/// Which batches a register read returns; every condition given must hold.
public struct WasteRegisterFilter: Sendable {
  /// Opened at or after this instant (stored form).
  public var openedFrom: String?
  /// Opened before this instant (stored form).
  public var openedBefore: String?
  public var states: [DocumentState]?
  public var batchDocumentId: Int64?
  public var manifestDocumentId: Int64?

  public init(
    openedFrom: String? = nil, openedBefore: String? = nil, states: [DocumentState]? = nil,
    batchDocumentId: Int64? = nil, manifestDocumentId: Int64? = nil
  ) {
    self.openedFrom = openedFrom
    self.openedBefore = openedBefore
    self.states = states
    self.batchDocumentId = batchDocumentId
    self.manifestDocumentId = manifestDocumentId
  }
}

/// How much of a write-off batch's stock its document moved at each step.
public struct WasteBatchFlow: Sendable, Equatable {
  public var batchNumber: String
  /// The state as stored, so that `ledger verify` reports a state edited by hand.
  public var state: String
  /// What the batch carries: the sum of its write-off's lines (zero for site waste).
  public var carried: Int64
  /// Moved by the batch's document into a waste point, a contractor, and `disposed`.
  public var intoWastePoint: Int64
  public var intoContractor: Int64
  public var intoDisposed: Int64
  /// Moved by the batch's document anywhere else.
  public var elsewhere: Int64

  public init(
    batchNumber: String, state: String, carried: Int64, intoWastePoint: Int64,
    intoContractor: Int64, intoDisposed: Int64, elsewhere: Int64
  ) {
    self.batchNumber = batchNumber
    self.state = state
    self.carried = carried
    self.intoWastePoint = intoWastePoint
    self.intoContractor = intoContractor
    self.intoDisposed = intoDisposed
    self.elsewhere = elsewhere
  }
}

/// What one site received of one item category from issuances in a period.
public struct SiteArrivals: Sendable, Equatable {
  public var accountId: Int64
  public var quantity: Int64
  /// The first effective day in the period that something arrived.
  public var firstDay: String

  public init(accountId: Int64, quantity: Int64, firstDay: String) {
    self.accountId = accountId
    self.quantity = quantity
    self.firstDay = firstDay
  }
}

/// Medical waste: batches, collections, storage, manifests, disposal, and the register.
public protocol WasteLedger {
  /// Records the waste part of a new WST document.
  func insertWasteBatch(_ batch: WasteBatchRecord) throws

  /// The waste part of a WST document.
  func wasteBatch(documentID: Int64) throws -> WasteBatchRecord?

  /// The batch a write-off opened, if it was approved.
  func wasteBatch(adjustmentDocumentID: Int64) throws -> WasteBatchRecord?

  /// Records how much of a batch was collected.
  func insertCollection(_ collection: WasteCollectionRecord) throws

  /// How much of a batch was collected, once it was.
  func collection(batchDocumentID: Int64) throws -> WasteCollectionRecord?

  /// Records the waste point a batch was taken to.
  func insertStorage(_ storage: WasteStorageRecord) throws

  /// Where a batch was stored, once it was.
  func storage(batchDocumentID: Int64) throws -> WasteStorageRecord?

  /// Records the manifest part of a new MAN document and the batches it carries.
  func insertManifest(_ manifest: WasteManifestRecord, batchDocumentIDs: [Int64]) throws

  /// The manifest part of a MAN document.
  func manifest(documentID: Int64) throws -> WasteManifestRecord?

  /// The manifest that carries this transfer manifest number, if any.
  func manifest(manifestNumber: String) throws -> WasteManifestRecord?

  /// The batches a manifest carries, in document order.
  func manifestBatches(manifestDocumentID: Int64) throws -> [DocumentRecord]

  /// Records the resolution of a manifest's discrepancy.
  func insertResolution(_ resolution: WasteResolutionRecord) throws

  /// A manifest's resolution, once resolved.
  func resolution(manifestDocumentID: Int64) throws -> WasteResolutionRecord?

  /// Records a manifest's disposal certificate.
  func insertDisposal(_ disposal: WasteDisposalRecord) throws

  /// A manifest's disposal certificate, once recorded.
  func disposal(manifestDocumentID: Int64) throws -> WasteDisposalRecord?

  /// The register rows that match `filter`, oldest batch first, one at a time so that an
  /// export's memory stays flat.
  func forEachWasteRegisterRow(
    _ filter: WasteRegisterFilter, _ body: (WasteRegisterRow) throws -> Void) throws

  /// The register rows that match `filter`, oldest batch first.
  func wasteRegister(_ filter: WasteRegisterFilter) throws -> [WasteRegisterRow]

  /// For every batch, what it carries and what its movements moved where.
  func wasteBatchFlows() throws -> [WasteBatchFlow]

  /// Every manifest with its document number and the numbers of the batches it carries.
  func manifests() throws -> [(number: String, manifest: WasteManifestRecord, batches: [String])]

  /// The events of the given actions, oldest first.
  func events(actions: [String]) throws -> [DocumentEventRecord]

  /// Calls `body` with each event of the given actions, oldest first, one at a time.
  func forEachEvent(actions: [String], _ body: (DocumentEventRecord) throws -> Void) throws

  /// Per site, what arrived from transit (confirmed issuances) of items in `category` with
  /// an effective date from `fromDay` to `toDay`.
  func siteArrivals(category: String, fromDay: String, toDay: String) throws -> [SiteArrivals]

  /// Per place, the grams of waste of one class collected from `from` until before `before`
  /// (instants), leaving out write-off batches: what the place gave back, not stock thrown
  /// away.
  func collectedGrams(category: String, from: String, before: String) throws -> [Int64: Int64]

  /// Per place, when waste (of any class, write-offs left out) was last collected there
  /// before `before` (an instant).
  func lastCollections(before: String) throws -> [Int64: String]
}
