/// A numbered business record with a state.
public struct DocumentRecord: LedgerRecord, Equatable {
  public var id: Int64
  public var kind: DocumentKind
  public var year: Int
  public var sequence: Int64
  public var number: String
  public var state: DocumentState
  public var effectiveDate: Day
  public var createdBy: Int64
  public var createdAt: Moment
  public var sourceAccountId: Int64?
  public var destinationAccountId: Int64?
  public var reversesDocumentId: Int64?
  public var note: String?

  public init(
    id: Int64 = 0, kind: DocumentKind, year: Int, sequence: Int64, number: String,
    state: DocumentState,
    effectiveDate: Day, createdBy: Int64, createdAt: Moment, sourceAccountId: Int64? = nil,
    destinationAccountId: Int64? = nil, reversesDocumentId: Int64? = nil, note: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.year = year
    self.sequence = sequence
    self.number = number
    self.state = state
    self.effectiveDate = effectiveDate
    self.createdBy = createdBy
    self.createdAt = createdAt
    self.sourceAccountId = sourceAccountId
    self.destinationAccountId = destinationAccountId
    self.reversesDocumentId = reversesDocumentId
    self.note = note
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case id
    case kind
    case year
    case sequence
    case number
    case state
    case effectiveDate = "effective_date"
    case createdBy = "created_by"
    case createdAt = "created_at"
    case sourceAccountId = "source_account_id"
    case destinationAccountId = "destination_account_id"
    case reversesDocumentId = "reverses_document_id"
    case note
  }
}
