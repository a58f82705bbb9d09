import Ledger

/// One step of a document's history: what was done, by whom, when, and whether it was signed.
public struct HistoryStep: Codable, Sendable, Equatable {
  public var at: Moment
  public var action: String
  public var actor: String
  public var state: String?
  public var reason: String?
  public var signed: Bool
}

extension Session {
  /// Every recorded step of a document, oldest first.
  /// A step is signed when its event carries a signature of its own (format 1) or lies in
  /// a signed envelope (every write since).
  func history(of document: DocumentRecord) throws -> [HistoryStep] {
    let legacy = try transaction.legacyCounts().event
    return try transaction.events(ofDocument: document.id).map { event in
      HistoryStep(
        at: event.recordedAt, action: event.action,
        actor: try transaction.user(id: event.actorId)?.name ?? "?", state: event.toState,
        reason: event.reason, signed: event.signature != nil || event.id > legacy)
    }
  }

  /// The record of a document's kind that every such document has (its `name` record, for
  /// the refusal): a document without one is in a damaged database.
  func part<Part>(_ part: Part?, of document: DocumentRecord, _ name: String) throws -> Part {
    guard let part else {
      throw DepotError.damagedDatabase("\(document.number) has no \(name) record")
    }
    return part
  }

  /// The document of `kind` that this text names (see `document(_:kinds:)`).
  func document(_ number: String, kind: DocumentKind) throws -> DocumentRecord {
    try document(number, kinds: [kind])
  }

  /// The document with this number and kind, refused unless it is in one of `states`, for a
  /// step to `target`.
  func document(
    _ number: String, kind: DocumentKind, allowing states: [DocumentState],
    to target: DocumentState
  ) throws -> DocumentRecord {
    try document(number, kind: kind, allowing: states, to: target.step)
  }

  /// The document with this number and kind, refused unless it is in one of `states`, for
  /// `step` ("resolved").
  func document(
    _ number: String, kind: DocumentKind, allowing states: [DocumentState], to step: String
  ) throws -> DocumentRecord {
    let document = try document(number, kind: kind)
    try checkState(of: document, allowing: states, to: step)
    return document
  }

  /// Refuses `document` unless it is in one of `states`, and the effective date for `step`.
  func checkState(of document: DocumentRecord, allowing states: [DocumentState], to step: String)
    throws
  {
    guard states.contains(document.state) else {
      throw DepotError.wrongState(
        document: document.number, state: document.state.rawValue, action: step)
    }
    try checkStepDate(step, on: document)
  }
}
