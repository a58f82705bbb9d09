import Ledger

/// A document that has no view of its own kind (a receipt, donation, transfer, use or
/// return) as `depot show` prints it: what it is, when and by whom, its movements and steps.
public struct DocumentView: Codable, Sendable, Equatable {
  public var number: String
  /// What kind of document it is, in words: `receipt`.
  public var kind: String
  public var state: String
  /// The effective date, YYYY-MM-DD.
  public var date: String
  public var recordedAt: Moment
  public var recordedBy: String
  /// The codes of the place or party stock came from and went to, where the document has them.
  public var from: String?
  public var to: String?
  public var note: String?
  public var lines: [PostedDocument.Line]
  public var history: [HistoryStep]
}

/// `depot show`: a document in the view of its kind.
public enum ShownDocument: Encodable, Sendable, Equatable {
  case issuance(IssuanceView)
  case procurement(ProcurementDocument)
  case adjustment(AdjustmentView)
  case count(CountView)
  case wasteBatch(WasteBatchView)
  case manifest(ManifestView)
  case posted(DocumentView)

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .issuance(let view): try view.encode(to: encoder)
    case .procurement(let view): try view.encode(to: encoder)
    case .adjustment(let view): try view.encode(to: encoder)
    case .count(let view): try view.encode(to: encoder)
    case .wasteBatch(let view): try view.encode(to: encoder)
    case .manifest(let view): try view.encode(to: encoder)
    case .posted(let view): try view.encode(to: encoder)
    }
  }
}

extension DocumentKind {
  /// What a document of this kind is, in words.
  public var title: String {
    switch self {
    case .purchaseRequest: "purchase request"
    case .purchaseOrder: "purchase order"
    case .receipt: "receipt"
    case .donation: "donation"
    case .issuanceRequest: "issuance request"
    case .transfer: "transfer"
    case .count: "count"
    case .adjustment: "adjustment"
    case .wasteBatch: "waste batch"
    case .wasteManifest: "waste manifest"
    case .use: "use"
    case .stockReturn: "return"
    case .reversal: "reversal"
    }
  }
}

extension Depot {
  /// Any document by its number in any letter case, or a manifest by its paper number (every
  /// registered user).
  public func show(_ number: String, as actor: String?) throws -> ShownDocument {
    try document(number, among: DocumentKind.allCases, as: actor)
  }

  /// The document of one of `kinds` that `number` names, in the view of its kind (every
  /// registered user).
  public func document(_ number: String, among kinds: [DocumentKind], as actor: String?) throws
    -> ShownDocument
  {
    try read(as: actor) { session in
      try session.shown(session.document(number, kinds: kinds))
    }
  }
}

extension Session {
  /// A document in the view of its kind.
  func shown(_ document: DocumentRecord) throws -> ShownDocument {
    switch document.kind {
    case .issuanceRequest: .issuance(try issuanceView(document))
    case .purchaseRequest: .procurement(.request(try purchaseRequestView(document)))
    case .purchaseOrder:
      .procurement(.order(try purchaseOrderView(purchaseOrder(document.number))))
    case .adjustment: .adjustment(try adjustmentView(document))
    case .count: .count(try countView(document))
    case .wasteBatch: .wasteBatch(try wasteBatchView(document))
    case .wasteManifest: .manifest(try manifestView(document))
    case .receipt, .donation, .transfer, .use, .stockReturn, .reversal:
      .posted(try documentView(document))
    }
  }

  /// A document's header, movements and steps.
  func documentView(_ document: DocumentRecord) throws -> DocumentView {
    let lines = try transaction.movements(ofDocument: document.id).map { movement in
      PostedDocument.Line(
        item: try item(id: movement.itemId), lot: try lot(id: movement.lotId),
        from: try account(movement.fromAccountId), to: try account(movement.toAccountId),
        quantity: movement.quantity, value: movement.value)
    }
    return DocumentView(
      number: document.number, kind: document.kind.title, state: document.state.rawValue,
      date: document.effectiveDate.description, recordedAt: document.createdAt,
      recordedBy: try transaction.user(id: document.createdBy)?.name ?? "?",
      from: try document.sourceAccountId.map { try account($0).code },
      to: try document.destinationAccountId.map { try account($0).code }, note: document.note,
      lines: lines, history: try history(of: document))
  }
}
