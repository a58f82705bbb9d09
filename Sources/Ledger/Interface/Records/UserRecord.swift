/// A registered person.
public struct UserRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var name: String
  public var createdAt: String

  public init(id: Int64, name: String, createdAt: String) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
  }
}
