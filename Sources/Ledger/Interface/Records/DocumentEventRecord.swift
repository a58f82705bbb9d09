import Foundation

/// One hash-chained record of a state change or another write.
public struct DocumentEventRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var documentId: Int64?
  public var subject: String
  public var action: String
  public var fromState: String?
  public var toState: String?
  public var actorId: Int64
  public var recordedAt: Moment
  public var reason: String?
  public var payload: String
  public var signatureVersion: Int?
  public var keyId: Int64?
  public var signature: Data?
  public var hash: Data

  public init(
    id: Int64, documentId: Int64?, subject: String, action: String, fromState: String?,
    toState: String?, actorId: Int64, recordedAt: Moment, reason: String?, payload: String,
    signatureVersion: Int?, keyId: Int64?, signature: Data?, hash: Data
  ) {
    self.id = id
    self.documentId = documentId
    self.subject = subject
    self.action = action
    self.fromState = fromState
    self.toState = toState
    self.actorId = actorId
    self.recordedAt = recordedAt
    self.reason = reason
    self.payload = payload
    self.signatureVersion = signatureVersion
    self.keyId = keyId
    self.signature = signature
    self.hash = hash
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case documentId = "document_id"
    case subject
    case action
    case fromState = "from_state"
    case toState = "to_state"
    case actorId = "actor_id"
    case recordedAt = "recorded_at"
    case reason
    case payload
    case signatureVersion = "signature_version"
    case keyId = "key_id"
    case signature
    case hash
  }
}
