/// A registered person.
public struct UserRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var name: String
  public var createdAt: Moment

  public init(id: Int64, name: String, createdAt: Moment) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case name
    case createdAt = "created_at"
  }
}
