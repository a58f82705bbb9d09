import Foundation
import Macros

/// One hash-chained record of a state change or another write.
@MemberwiseInit
@ColumnKeys
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
}
