/// A recalled lot.
public struct LotRecallRecord: LedgerRecord, Equatable {
  public var lotId: Int64
  public var reason: String
  public var recalledBy: Int64
  public var recalledAt: Moment

  public init(lotId: Int64, reason: String, recalledBy: Int64, recalledAt: Moment) {
    self.lotId = lotId
    self.reason = reason
    self.recalledBy = recalledBy
    self.recalledAt = recalledAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case lotId = "lot_id"
    case reason
    case recalledBy = "recalled_by"
    case recalledAt = "recalled_at"
  }
}

/// A returned piece of equipment in disinfection, or disinfected.
public struct DisinfectionRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var lotId: Int64
  public var accountId: Int64
  public var returnDocumentId: Int64
  public var startedAt: Moment
  public var method: String?
  public var doneBy: Int64?
  public var doneAt: Moment?

  public init(
    id: Int64 = 0, lotId: Int64, accountId: Int64, returnDocumentId: Int64, startedAt: Moment
  ) {
    self.id = id
    self.lotId = lotId
    self.accountId = accountId
    self.returnDocumentId = returnDocumentId
    self.startedAt = startedAt
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case lotId = "lot_id"
    case accountId = "account_id"
    case returnDocumentId = "return_document_id"
    case startedAt = "started_at"
    case method
    case doneBy = "done_by"
    case doneAt = "done_at"
  }
}
