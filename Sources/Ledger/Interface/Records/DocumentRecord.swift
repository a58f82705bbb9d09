import Macros

/// A numbered business record with a state.
@MemberwiseInit
@ColumnKeys
public struct DocumentRecord: LedgerRecord, Equatable {
  public var id: Int64 = 0
  public var kind: DocumentKind
  public var year: Int
  public var sequence: Int64
  public var number: String
  public var state: DocumentState
  public var effectiveDate: Day
  public var createdBy: Int64
  public var createdAt: Moment
  public var sourceAccountId: Int64? = nil
  public var destinationAccountId: Int64? = nil
  public var reversesDocumentId: Int64? = nil
  public var note: String? = nil
}
