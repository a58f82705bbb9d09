import Macros

/// The stored quantity and value of one lot at one account.
@MemberwiseInit
@ColumnKeys
public struct BalanceRecord: LedgerRecord, Equatable {
  public var accountId: Int64
  public var lotId: Int64
  public var itemId: Int64
  public var quantity: Int64
  public var value: Int64
}
