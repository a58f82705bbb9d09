/// What one user's client reference first did.
public struct RequestLogRecord: LedgerRecord, Equatable {
  public var userId: Int64
  public var ref: String
  public var command: String
  public var inputs: String
  public var result: String
  public var recordedAt: Moment

  public init(
    userId: Int64, ref: String, command: String, inputs: String, result: String,
    recordedAt: Moment
  ) {
    self.userId = userId
    self.ref = ref
    self.command = command
    self.inputs = inputs
    self.result = result
    self.recordedAt = recordedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case userId = "user_id"
    case ref
    case command
    case inputs
    case result
    case recordedAt = "recorded_at"
  }
}
