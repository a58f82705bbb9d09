import Ledger

/// One batch of the medical-waste register as people read it: the stored row (SPEC's fields,
/// who did each step) with its 48-hour deadline and whether the batch broke it. Encodes flat:
/// the row's fields beside `deadline`, `overdue` and `handedOverLate`.
@dynamicMemberLookup
public struct WasteRegisterEntry: Codable, Sendable, Equatable {
  public var row: WasteRegisterRow
  /// 48 hours after `openedAt`: the batch must be handed over by then.
  public var deadline: Moment
  /// Not handed over, and past its deadline now.
  public var overdue: Bool
  /// Handed over, but after its deadline.
  public var handedOverLate: Bool

  public subscript<Value>(dynamicMember field: KeyPath<WasteRegisterRow, Value>) -> Value {
    row[keyPath: field]
  }

  private enum CodingKeys: String, CodingKey {
    case deadline, overdue, handedOverLate
  }

  init(row: WasteRegisterRow, deadline: Moment, overdue: Bool, handedOverLate: Bool) {
    self.row = row
    self.deadline = deadline
    self.overdue = overdue
    self.handedOverLate = handedOverLate
  }

  public init(from decoder: any Decoder) throws {
    row = try WasteRegisterRow(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    deadline = try container.decode(Moment.self, forKey: .deadline)
    overdue = try container.decode(Bool.self, forKey: .overdue)
    handedOverLate = try container.decode(Bool.self, forKey: .handedOverLate)
  }

  public func encode(to encoder: any Encoder) throws {
    try row.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(deadline, forKey: .deadline)
    try container.encode(overdue, forKey: .overdue)
    try container.encode(handedOverLate, forKey: .handedOverLate)
  }
}

/// A batch as `depot waste show WST-...` prints it.
public struct WasteBatchView: Codable, Sendable, Equatable {
  public var number: String
  public var state: String
  public var register: WasteRegisterEntry
  /// The stock a write-off batch carries.
  public var lines: [AdjustmentView.Line]
  public var history: [HistoryStep]
}

/// A manifest as `depot waste show MAN-...` prints it.
public struct ManifestView: Codable, Sendable, Equatable {
  public var number: String
  public var state: String
  public var manifestNumber: String
  public var contractor: String
  public var contractorName: String
  public var licence: String
  public var licenceExpires: String
  /// What the batches held when collected.
  public var expectedGrams: Int64
  public var expectedContainers: Int64
  /// The load as re-measured at hand-over.
  public var weightGrams: Int64
  public var containers: Int64
  public var driver: String
  public var vehicle: String
  public var handedOverBy: String
  public var handedOverAt: Moment
  public var discrepancy: String?
  public var resolution: String?
  public var resolvedBy: String?
  public var certificate: String?
  public var disposalMethod: String?
  public var destination: String?
  public var batches: [WasteRegisterEntry]
  public var history: [HistoryStep]
}

extension Session {
  /// A register row with its deadline and whether it broke it, as of now.
  func registerEntry(_ row: WasteRegisterRow) throws -> WasteRegisterEntry {
    let deadline = row.openedAt.adding(hours: WasteClock.storageLimitHours)
    let state = try DocumentState(stored: row.state)
    return WasteRegisterEntry(
      row: row, deadline: deadline,
      overdue: WasteClock.notHandedOver.contains(state) && now > deadline,
      handedOverLate: row.handedOverAt.map { $0 > deadline } ?? false)
  }

  /// The register entries that match a filter, oldest first.
  func registerEntries(_ filter: WasteRegisterFilter) throws -> [WasteRegisterEntry] {
    try transaction.wasteRegister(filter).map(registerEntry)
  }

  /// The full view of a batch.
  func wasteBatchView(_ document: DocumentRecord) throws -> WasteBatchView {
    guard let entry = try registerEntries(WasteRegisterFilter(batchDocumentId: document.id)).first,
      let batch = try transaction.wasteBatch(documentID: document.id)
    else { throw DepotError.damagedDatabase("\(document.number) has no waste batch record") }
    var lines: [AdjustmentView.Line] = []
    if let adjustment = batch.adjustmentDocumentId,
      let document = try transaction.document(id: adjustment)
    {
      lines = try adjustmentView(document).lines
    }
    return WasteBatchView(
      number: document.number, state: document.state.rawValue, register: entry, lines: lines,
      history: try history(of: document))
  }

  /// The manifest part of a MAN document.
  func manifestRecord(_ document: DocumentRecord) throws -> WasteManifestRecord {
    try part(transaction.manifest(documentID: document.id), of: document, "manifest")
  }

  /// The full view of a manifest.
  func manifestView(_ document: DocumentRecord) throws -> ManifestView {
    let manifest = try manifestRecord(document)
    let contractor = try account(manifest.contractorAccountId)
    let resolution = try transaction.resolution(manifestDocumentID: document.id)
    let disposal = try transaction.disposal(manifestDocumentID: document.id)
    return ManifestView(
      number: document.number, state: document.state.rawValue,
      manifestNumber: manifest.manifestNumber,
      contractor: contractor.code, contractorName: contractor.name, licence: manifest.licence,
      licenceExpires: manifest.licenceExpires.description, expectedGrams: manifest.expectedGrams,
      expectedContainers: manifest.expectedContainers, weightGrams: manifest.weightGrams,
      containers: manifest.containers, driver: manifest.driver, vehicle: manifest.vehicle,
      handedOverBy: try transaction.user(id: manifest.handedOverBy)?.name ?? "?",
      handedOverAt: manifest.handedOverAt, discrepancy: manifest.discrepancy,
      resolution: resolution?.reason,
      resolvedBy: try resolution.flatMap { try transaction.user(id: $0.resolvedBy)?.name },
      certificate: disposal?.certificate, disposalMethod: disposal?.method,
      destination: disposal?.destination,
      batches: try registerEntries(WasteRegisterFilter(manifestDocumentId: document.id)),
      history: try history(of: document))
  }
}
