import Foundation
import GRDB
import Ledger

extension SQLiteTransaction: DocumentLedger {
  /// Creates a document with the next gap-free number of its kind and year.
  ///
  /// Numbers are taken inside the write transaction, so a rolled-back command leaves no gap.
  public func insertDocument(
    kind: DocumentKind, year: Int, state: DocumentState, effectiveDate: Day, createdBy: Int64,
    createdAt: Moment, sourceAccountId: Int64? = nil, destinationAccountId: Int64? = nil,
    reversesDocumentId: Int64? = nil, note: String? = nil
  ) throws -> DocumentRecord {
    let last =
      try Int64.fetchOne(
        cached("SELECT max(sequence) FROM document WHERE kind = ? AND year = ?"),
        arguments: [kind.rawValue, year]) ?? 0
    let sequence = last + 1
    let number = "\(kind.rawValue)-\(year)-\(String(sequence).leftPadded(to: 6))"
    var document = DocumentRecord(
      kind: kind, year: year, sequence: sequence, number: number, state: state,
      effectiveDate: effectiveDate, createdBy: createdBy, createdAt: createdAt,
      sourceAccountId: sourceAccountId, destinationAccountId: destinationAccountId,
      reversesDocumentId: reversesDocumentId, note: note)
    try execute(
      sql: """
        INSERT INTO document (kind, year, sequence, number, state, effective_date, created_by,
          created_at, source_account_id, destination_account_id, reverses_document_id, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        kind.rawValue, year, sequence, number, state.rawValue, effectiveDate, createdBy, createdAt,
        sourceAccountId, destinationAccountId, reversesDocumentId, note,
      ])
    document.id = db.lastInsertedRowID
    return document
  }

  /// The document with this number, if any.
  public func document(number: String) throws -> DocumentRecord? {
    try one(DocumentRecord.self, where: "number", is: number)
  }

  /// The document with this id.
  public func document(id: Int64) throws -> DocumentRecord? {
    try DocumentRecord.fetchOne(cached("SELECT * FROM document WHERE id = ?"), arguments: [id])
  }

  /// The ids of every document a reversal reverses, as a subquery.
  static let reversedDocuments =
    "SELECT reverses_document_id FROM document WHERE reverses_document_id IS NOT NULL"

  /// The reversal (REV) that reverses the document with this id, if it was reversed.
  public func reversal(ofDocumentID documentID: Int64) throws -> DocumentRecord? {
    try DocumentRecord.fetchOne(
      cached("SELECT * FROM document WHERE reverses_document_id = ?"), arguments: [documentID])
  }

  /// The numbers of every document of these kinds, in order.
  public func documentNumbers(kinds: [DocumentKind]) throws -> [String] {
    try String.fetchAll(
      cached(
        "SELECT number FROM document WHERE kind IN ("
          + kinds.map { _ in "?" }.joined(separator: ",") + ") ORDER BY number"),
      arguments: StatementArguments(kinds.map(\.rawValue)))
  }

  /// Moves a document to a new state. The caller records the matching event.
  public func setState(_ state: DocumentState, ofDocument documentID: Int64) throws {
    try execute(
      sql: "UPDATE document SET state = ? WHERE id = ?", arguments: [state.rawValue, documentID])
  }

  // MARK: Events

  /// Appends a hash-chained event and returns it as stored.
  public func appendEvent(_ draft: EventDraft) throws -> DocumentEventRecord {
    let tip = try Row.fetchOne(
      cached("SELECT id, hash FROM document_event ORDER BY id DESC LIMIT 1"))
    let previousID: Int64 = tip?["id"] ?? 0
    let previousHash: Data = tip?["hash"] ?? HashChain.genesis
    var event = DocumentEventRecord(
      id: previousID + 1, documentId: draft.documentId, subject: draft.subject,
      action: draft.action, fromState: draft.fromState, toState: draft.toState,
      actorId: draft.actorId, recordedAt: draft.recordedAt, reason: draft.reason,
      payload: draft.payload, signatureVersion: draft.signature?.version,
      keyId: draft.signature?.keyId, signature: draft.signature?.bytes, hash: Data())
    event.hash = HashChain.next(
      after: previousHash,
      encoding: event.canonicalEncoding(office: try chainFormat().office(forEvent: event.id)))
    try event.insert(db)
    return event
  }

  /// The events of a document, oldest first.
  public func events(ofDocument documentID: Int64) throws -> [DocumentEventRecord] {
    try DocumentEventRecord.fetchAll(
      cached("SELECT * FROM document_event WHERE document_id = ? ORDER BY id"),
      arguments: [documentID])
  }

  /// The events about one subject ("key zhang"), oldest first.
  public func events(subject: String) throws -> [DocumentEventRecord] {
    try DocumentEventRecord.fetchAll(
      cached("SELECT * FROM document_event WHERE subject = ? ORDER BY id"), arguments: [subject])
  }

  // MARK: Idempotency

  /// What this user's reference did the first time, if it was used before.
  public func requestLog(userID: Int64, reference: String) throws -> RequestLogRecord? {
    try RequestLogRecord.fetchOne(
      cached("SELECT * FROM request_log WHERE user_id = ? AND ref = ?"),
      arguments: [userID, reference])
  }

  /// Remembers what a reference did, in the same transaction as the work itself.
  public func insertRequestLog(_ record: RequestLogRecord) throws {
    try record.insert(db)
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
