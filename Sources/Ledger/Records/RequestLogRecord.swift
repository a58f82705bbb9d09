import GRDB

/// What one user's client reference first did.
public struct RequestLogRecord: LedgerRecord, Equatable {
  public static let databaseTableName = "request_log"
  public var userId: Int64
  public var ref: String
  public var command: String
  public var inputs: String
  public var result: String
  public var recordedAt: String

  public init(
    userId: Int64, ref: String, command: String, inputs: String, result: String,
    recordedAt: String
  ) {
    self.userId = userId
    self.ref = ref
    self.command = command
    self.inputs = inputs
    self.result = result
    self.recordedAt = recordedAt
  }

  public init(row: Row) {
    userId = row["user_id"]
    ref = row["ref"]
    command = row["command"]
    inputs = row["inputs"]
    result = row["result"]
    recordedAt = row["recorded_at"]
  }

  public func encode(to container: inout PersistenceContainer) {
    container["user_id"] = userId
    container["ref"] = ref
    container["command"] = command
    container["inputs"] = inputs
    container["result"] = result
    container["recorded_at"] = recordedAt
  }
}
