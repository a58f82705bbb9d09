import Ledger

/// An adjustment as `depot adjust show` prints it: its lots, the waste batch it went into,
/// and every step with who took it and when.
public struct AdjustmentView: Codable, Sendable, Equatable {
  /// One lot of the adjustment.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var lot: String?
    public var expiry: String?
    public var quantity: Int64
    public var unit: String
  }

  public var number: String
  public var state: String
  public var kind: String
  public var reason: String
  public var location: String
  /// The issuance or return that found the goods damaged, if any.
  public var origin: String?
  public var createdBy: String
  public var note: String?
  public var lines: [Line]
  /// The waste batch the approval opened.
  public var wasteBatch: String?
  public var wasteCategory: String?
  public var history: [HistoryStep]
}

extension Session {
  /// The adjustment part of an ADJ document.
  func adjustmentRecord(_ document: DocumentRecord) throws -> AdjustmentRecord {
    try part(transaction.adjustment(documentID: document.id), of: document, "adjustment")
  }

  /// The full view of an adjustment.
  func adjustmentView(_ document: DocumentRecord) throws -> AdjustmentView {
    let adjustment = try adjustmentRecord(document)
    let lines = try transaction.adjustmentLines(documentID: document.id).map { line in
      let item = try item(id: line.itemId)
      let lot = try transaction.lot(id: line.lotId)
      return AdjustmentView.Line(
        item: item.code, itemName: item.name, lot: lot?.number, expiry: lot?.expiry?.description,
        quantity: line.quantity, unit: item.baseUnit)
    }
    let batch = try transaction.wasteBatch(adjustmentDocumentID: document.id)
    return AdjustmentView(
      number: document.number, state: document.state.rawValue, kind: adjustment.kind.rawValue,
      reason: adjustment.reason, location: try account(adjustment.accountId).code,
      origin: try adjustment.originDocumentId.flatMap { try transaction.document(id: $0)?.number },
      createdBy: try transaction.user(id: document.createdBy)?.name ?? "?", note: document.note,
      lines: lines,
      wasteBatch: try batch.flatMap { try transaction.document(id: $0.documentId)?.number },
      wasteCategory: batch?.category, history: try history(of: document))
  }
}
