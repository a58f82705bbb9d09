/// The one office a database belongs to.
public struct OfficeRecord: LedgerRecord, Equatable {
  public var id: Int64 = 1
  public var name: String
  public var timezone: String
  public var currency: String
  public var createdAt: Moment
  /// The office's code: part of every envelope and chain hash.
  public var code: String

  public init(
    name: String, timezone: String, currency: String = "CNY", createdAt: Moment,
    code: String = "main"
  ) {
    self.code = code
    self.name = name
    self.timezone = timezone
    self.currency = currency
    self.createdAt = createdAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case name
    case timezone
    case currency
    case createdAt = "created_at"
    case code
  }
}
