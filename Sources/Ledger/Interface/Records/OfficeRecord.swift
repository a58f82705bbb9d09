import Macros

/// The one office a database belongs to.
@MemberwiseInit
@ColumnKeys
public struct OfficeRecord: LedgerRecord, Equatable {
  public var id: Int64 = 1
  public var name: String
  public var timezone: String
  public var currency: String = "CNY"
  public var createdAt: Moment
  /// The office's code: part of every envelope and chain hash.
  public var code: String = "main"
}
