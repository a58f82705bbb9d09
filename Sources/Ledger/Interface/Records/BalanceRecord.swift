/// The stored quantity and value of one lot at one account.
public struct BalanceRecord: LedgerRecord, Equatable {
  public var accountId: Int64
  public var lotId: Int64
  public var itemId: Int64
  public var quantity: Int64
  public var value: Int64

  public init(accountId: Int64, lotId: Int64, itemId: Int64, quantity: Int64, value: Int64) {
    self.accountId = accountId
    self.lotId = lotId
    self.itemId = itemId
    self.quantity = quantity
    self.value = value
  }

  /// The table's columns.
  public enum CodingKeys: String, CodingKey {
    case accountId = "account_id"
    case lotId = "lot_id"
    case itemId = "item_id"
    case quantity
    case value
  }
}
