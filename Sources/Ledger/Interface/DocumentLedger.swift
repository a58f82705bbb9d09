import Foundation
import Macros

/// An event to append; the ledger gives it its id and hash.
@MemberwiseInit
public struct EventDraft: Sendable {
  /// A stored signature: encoding version, the signing key and the Ed25519 signature.
  @MemberwiseInit
  public struct Signature: Sendable {
    public var version: Int
    public var keyId: Int64
    public var bytes: Data
  }

  public var documentId: Int64? = nil
  public var subject: String
  public var action: String
  public var fromState: String? = nil
  public var toState: String? = nil
  public var actorId: Int64
  public var recordedAt: Moment
  public var reason: String? = nil
  public var payload: String
  public var signature: Signature? = nil
}

/// Numbered documents, their chained events, and the client-reference log.
public protocol DocumentLedger {
  /// Creates a document with the next gap-free number of its kind and year.
  ///
  /// Numbers are taken inside the write transaction, so a rolled-back command leaves no gap.
  func insertDocument(
    kind: DocumentKind, year: Int, state: DocumentState, effectiveDate: Day, createdBy: Int64,
    createdAt: Moment, sourceAccountId: Int64?, destinationAccountId: Int64?,
    reversesDocumentId: Int64?, note: String?
  ) throws -> DocumentRecord

  /// The document with this number, if any.
  func document(number: String) throws -> DocumentRecord?

  /// The document with this id.
  func document(id: Int64) throws -> DocumentRecord?

  /// The reversal (REV) that reverses the document with this id, if it was reversed.
  func reversal(ofDocumentID documentID: Int64) throws -> DocumentRecord?

  /// The numbers of every document of these kinds, in order.
  func documentNumbers(kinds: [DocumentKind]) throws -> [String]

  /// Moves a document to a new state. The caller records the matching event.
  func setState(_ state: DocumentState, ofDocument documentID: Int64) throws

  /// Appends a hash-chained event and returns it as stored.
  func appendEvent(_ draft: EventDraft) throws -> DocumentEventRecord

  /// The events of a document, oldest first.
  func events(ofDocument documentID: Int64) throws -> [DocumentEventRecord]

  /// The events about one subject ("key zhang"), oldest first.
  func events(subject: String) throws -> [DocumentEventRecord]

  /// What this user's reference did the first time, if it was used before.
  func requestLog(userID: Int64, reference: String) throws -> RequestLogRecord?

  /// Remembers what a reference did, in the same transaction as the work itself.
  func insertRequestLog(_ record: RequestLogRecord) throws
}
