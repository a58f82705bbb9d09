import Foundation
import GRDB

/// One hash-chained record of a state change or another write.
public struct DocumentEventRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "document_event"
  public var id: Int64
  public var documentId: Int64?
  public var subject: String
  public var action: String
  public var fromState: String?
  public var toState: String?
  public var actorId: Int64
  public var recordedAt: String
  public var reason: String?
  public var payload: String
  public var signatureVersion: Int?
  public var keyId: Int64?
  public var signature: Data?
  public var hash: Data

  public init(
    id: Int64, documentId: Int64?, subject: String, action: String, fromState: String?,
    toState: String?, actorId: Int64, recordedAt: String, reason: String?, payload: String,
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

  public init(row: Row) {
    id = row["id"]
    documentId = row["document_id"]
    subject = row["subject"]
    action = row["action"]
    fromState = row["from_state"]
    toState = row["to_state"]
    actorId = row["actor_id"]
    recordedAt = row["recorded_at"]
    reason = row["reason"]
    payload = row["payload"]
    signatureVersion = row["signature_version"]
    keyId = row["key_id"]
    signature = row["signature"]
    hash = row["hash"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["id"] = id
    container["document_id"] = documentId
    container["subject"] = subject
    container["action"] = action
    container["from_state"] = fromState
    container["to_state"] = toState
    container["actor_id"] = actorId
    container["recorded_at"] = recordedAt
    container["reason"] = reason
    container["payload"] = payload
    container["signature_version"] = signatureVersion
    container["key_id"] = keyId
    container["signature"] = signature
    container["hash"] = hash
  }
}
