import Macros

/// A recalled lot.
@MemberwiseInit
@ColumnKeys
public struct LotRecallRecord: LedgerRecord, Equatable {
  public var lotId: Int64
  public var reason: String
  public var recalledBy: Int64
  public var recalledAt: Moment
}

/// A returned piece of equipment in disinfection, or disinfected.
@MemberwiseInit
@ColumnKeys
public struct DisinfectionRecord: LedgerRecord, Equatable {
  public var id: Int64 = 0
  public var lotId: Int64
  public var accountId: Int64
  public var returnDocumentId: Int64
  public var startedAt: Moment
  public var method: String? = nil
  public var doneBy: Int64? = nil
  public var doneAt: Moment? = nil
}
