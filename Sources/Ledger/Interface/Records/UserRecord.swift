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
}
