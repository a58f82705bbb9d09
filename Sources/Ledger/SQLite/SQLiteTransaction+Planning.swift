import GRDB
import Ledger

extension SQLiteTransaction {
  /// What each warehouse shipped to sites (issuance shipments into transit) per item, effective
  /// after `after` and on or before `through`.
  public func shipments(after: Day, through: Day) throws -> [Outflow] {
    try outflows(
      sql: """
        SELECT m.item_id, m.from_account_id, sum(m.quantity)
        FROM movement AS m
          JOIN document ON document.id = m.document_id
          JOIN account AS target ON target.id = m.to_account_id
        WHERE m.effective_date > ? AND m.effective_date <= ? AND document.kind = 'REQ'
          AND target.kind = 'transit'
        GROUP BY m.item_id, m.from_account_id
        """, after: after, through: through)
  }

  /// What each site reported used per item, effective after `after` and on or before
  /// `through`.
  public func use(after: Day, through: Day) throws -> [Outflow] {
    try outflows(
      sql: """
        SELECT m.item_id, m.from_account_id, sum(m.quantity)
        FROM movement AS m JOIN account AS target ON target.id = m.to_account_id
        WHERE m.effective_date > ? AND m.effective_date <= ? AND target.kind = 'consumed'
        GROUP BY m.item_id, m.from_account_id
        """, after: after, through: through)
  }

  private func outflows(sql: String, after: Day, through: Day) throws -> [Outflow] {
    try Row.fetchAll(cached(sql), arguments: [after, through]).map {
      Outflow(itemId: $0[0], accountId: $0[1], quantity: $0[2])
    }
  }

  /// The supplier of each item's most recent purchase, if any.
  public func latestSuppliers() throws -> [Int64: AccountRecord] {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT lot.item_id, account.* FROM lot JOIN account ON account.id = lot.source_account_id
        WHERE account.kind = 'supplier'
          AND lot.id = (SELECT max(latest.id) FROM lot AS latest
                        JOIN account AS source ON source.id = latest.source_account_id
                        WHERE latest.item_id = lot.item_id AND source.kind = 'supplier')
        """))
    var suppliers: [Int64: AccountRecord] = [:]
    for row in rows {
      suppliers[row[0]] = try AccountRecord(row: row)
    }
    return suppliers
  }

  /// Sets a party's lead time in days.
  public func setLeadTime(_ days: Int, ofAccount accountID: Int64) throws {
    try execute(
      sql: "UPDATE account SET lead_time_days = ? WHERE id = ?", arguments: [days, accountID])
  }
}
