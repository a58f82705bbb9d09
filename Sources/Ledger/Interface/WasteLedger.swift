import Foundation
import Macros

/// One batch of the medical-waste register, with every field the regulations ask a register
/// to hold: source, category, weight and containers, collection, storage, hand-over with the
/// contractor's licence and the manifest, driver and vehicle, disposal, and who did each step.
///
/// The one definition of a register row: storage fills it, the engine adds the 48-hour
/// deadline to it, and exports and `--json` print it under these names.
public struct WasteRegisterRow: Codable, Sendable, Equatable {
  /// The WST document.
  public var batch: String
  /// The state as stored: `ledger verify` reads the register, and reports a state edited by
  /// hand instead of failing on it; the engine reads it as a `DocumentState`.
  public var state: String
  public var category: String
  public var source: String
  public var sourceName: String
  /// When the batch became waste (collection, or the approval of a write-off): the 48-hour
  /// clock starts here.
  public var openedAt: Moment
  public var openedBy: String
  /// The write-off whose stock the batch carries, and that stock (`ITEM LOT QTY UNIT; ...`).
  public var writeOff: String?
  public var contents: String?
  public var weightGrams: Int64?
  public var containers: Int64?
  public var collector: String?
  public var collectionRecordedBy: String?
  public var collectedAt: Moment?
  public var storagePoint: String?
  public var storagePointName: String?
  public var storedBy: String?
  public var storedAt: Moment?
  /// The MAN document, and the transfer manifest number (联单) it carries.
  public var manifest: String?
  public var manifestNumber: String?
  public var contractor: String?
  public var contractorName: String?
  public var licence: String?
  public var licenceExpires: Day?
  public var handedOverBy: String?
  public var handedOverAt: Moment?
  public var driver: String?
  public var vehicle: String?
  public var discrepancy: String?
  public var resolution: String?
  public var resolvedBy: String?
  public var resolvedAt: Moment?
  public var disposalMethod: String?
  public var destination: String?
  public var certificate: String?
  public var disposalRecordedBy: String?
  public var disposedAt: Moment?
}

/// Which batches a register read returns; every condition given must hold.
@MemberwiseInit
public struct WasteRegisterFilter: Sendable {
  /// Opened at or after this instant (stored form).
  public var openedFrom: String? = nil
  /// Opened before this instant (stored form).
  public var openedBefore: String? = nil
  public var states: [DocumentState]? = nil
  public var batchDocumentId: Int64? = nil
  public var manifestDocumentId: Int64? = nil
}

/// How much of a write-off batch's stock its document moved at each step.
@MemberwiseInit
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
}

/// What one site received of one item category from issuances in a period.
@MemberwiseInit
public struct SiteArrivals: Sendable, Equatable {
  public var accountId: Int64
  public var quantity: Int64
  /// The first effective day in the period that something arrived.
  public var firstDay: Day
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
  func siteArrivals(category: String, fromDay: Day, toDay: Day) throws -> [SiteArrivals]

  /// Per place, the grams of waste of one class collected from `from` until before `before`
  /// (instants), leaving out write-off batches: what the place gave back, not stock thrown
  /// away.
  func collectedGrams(category: String, from: Moment, before: Moment) throws -> [Int64: Int64]

  /// Per place, when waste (of any class, write-offs left out) was last collected there
  /// before `before` (an instant).
  func lastCollections(before: Moment) throws -> [Int64: Moment]
}
