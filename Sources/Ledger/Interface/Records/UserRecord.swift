import Macros

/// A registered person.
@MemberwiseInit
@ColumnKeys
public struct UserRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var name: String
  public var createdAt: Moment
}
