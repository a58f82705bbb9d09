import Macros

/// What one user's client reference first did.
@MemberwiseInit
@ColumnKeys
public struct RequestLogRecord: LedgerRecord, Equatable {
  public var userId: Int64
  public var ref: String
  public var command: String
  public var inputs: String
  public var result: String
  public var recordedAt: Moment
}
