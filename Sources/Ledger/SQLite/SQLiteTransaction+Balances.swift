import GRDB
import Ledger

extension SQLiteTransaction {
  /// The stored balance of a lot at an account (zero when nothing ever moved there).
  public func balance(accountID: Int64, lotID: Int64) throws -> (quantity: Int64, value: Int64) {
    let row = try Row.fetchOne(
      cached("SELECT quantity, value FROM balance WHERE account_id = ? AND lot_id = ?"),
      arguments: [accountID, lotID])
    return (row?["quantity"] ?? 0, row?["value"] ?? 0)
  }

  /// The lots of an item held at an account, first expiry first (no expiry last), then oldest.
  public func holdings(itemID: Int64, accountID: Int64) throws -> [LotHolding] {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT lot.*, balance.quantity AS held_quantity, balance.value AS held_value
        FROM balance JOIN lot ON lot.id = balance.lot_id
        WHERE balance.item_id = ? AND balance.account_id = ? AND balance.quantity > 0
        ORDER BY lot.expiry IS NULL, lot.expiry, lot.id
        """), arguments: [itemID, accountID])
    return try rows.map { row in
      LotHolding(
        lot: try LotRecord(row: row), quantity: row["held_quantity"], value: row["held_value"])
    }
  }

  /// Stock on hand at every physical place, one row per item, place and lot; from the stored
  /// balances, or recomputed from the movements effective on or before `asOf`.
  public func stockPositions(
    itemID: Int64? = nil, accountID: Int64? = nil, asOf: Day? = nil
  ) throws -> [StockPosition] {
    var conditions = SQLConditions("account.holds_stock = 1", "held.quantity <> 0")
    conditions.add("held.item_id = ?", itemID)
    conditions.add("held.account_id = ?", accountID)
    let source: String
    if let asOf {
      source = """
        (SELECT account_id, lot_id, item_id, sum(quantity) AS quantity, sum(value) AS value
         FROM (SELECT to_account_id AS account_id, lot_id, item_id, quantity, value
               FROM movement WHERE effective_date <= ?
               UNION ALL
               SELECT from_account_id, lot_id, item_id, -quantity, -value
               FROM movement WHERE effective_date <= ?)
         GROUP BY account_id, lot_id)
        """
      conditions.prepend([asOf, asOf])
    } else {
      source = "balance"
    }
    let sql = """
      SELECT held.item_id, item.code AS item_code, item.name AS item_name, item.base_unit,
        held.account_id, account.code AS account_code, account.name AS account_name,
        account.kind AS account_kind, held.lot_id, lot.number AS lot_number, lot.expiry, held.quantity, held.value
      FROM \(source) AS held
        JOIN account ON account.id = held.account_id
        JOIN item ON item.id = held.item_id
        JOIN lot ON lot.id = held.lot_id
      WHERE \(conditions.sql)
      ORDER BY item.code, account.code, lot.expiry IS NULL, lot.expiry, lot.id
      """
    var positions: [StockPosition] = []
    let cursor = try Row.fetchCursor(cached(sql), arguments: conditions.arguments)
    while let row = try cursor.next() {
      positions.append(
        StockPosition(
          itemId: row[0], itemCode: row[1], itemName: row[2], baseUnit: row[3],
          accountId: row[4], accountCode: row[5], accountName: row[6], accountKind: row[7],
          lotId: row[8], lotNumber: row[9], expiry: try row.decode(atIndex: 10), quantity: row[11],
          value: row[12]))
    }
    return positions
  }

  /// Every movement of an item, optionally only those touching one account or some lots,
  /// in posting order.
  public func cardLines(
    itemID: Int64, accountID: Int64? = nil, lotIDs: [Int64]? = nil
  ) throws -> [CardLine] {
    var lotFilter = ""
    var lotArguments = StatementArguments()
    if let lotIDs {
      lotFilter = " AND m.lot_id IN (\(lotIDs.map { _ in "?" }.joined(separator: ",")))"
      lotArguments = StatementArguments(lotIDs)
    }
    let selection: String
    var arguments = StatementArguments()
    if let accountID {
      selection = """
        SELECT m.* FROM movement AS m WHERE m.item_id = ? AND m.from_account_id = ?\(lotFilter)
        UNION ALL
        SELECT m.* FROM movement AS m WHERE m.item_id = ? AND m.to_account_id = ?\(lotFilter)
        """
      arguments = [itemID, accountID] + lotArguments + [itemID, accountID] + lotArguments
    } else {
      selection = "SELECT m.* FROM movement AS m WHERE m.item_id = ?\(lotFilter)"
      arguments = [itemID] + lotArguments
    }
    let sql = """
      SELECT mv.id, mv.effective_date, mv.recorded_at, document.number AS document_number,
        mv.from_account_id, source.code AS from_code, source.holds_stock AS from_holds,
        mv.to_account_id, target.code AS to_code, target.holds_stock AS to_holds,
        mv.lot_id, lot.number AS lot_number, mv.quantity, mv.value, users.name AS actor_name
      FROM (\(selection)) AS mv
        JOIN document ON document.id = mv.document_id
        JOIN account AS source ON source.id = mv.from_account_id
        JOIN account AS target ON target.id = mv.to_account_id
        JOIN lot ON lot.id = mv.lot_id
        JOIN users ON users.id = mv.actor_id
      ORDER BY mv.effective_date, mv.id
      """
    var lines: [CardLine] = []
    let cursor = try Row.fetchCursor(cached(sql), arguments: arguments)
    while let row = try cursor.next() {
      lines.append(
        CardLine(
          movementId: row[0], effectiveDate: try row.decode(atIndex: 1),
          recordedAt: try row.decode(atIndex: 2), documentNumber: row[3],
          fromAccountId: row[4], fromCode: row[5], fromHoldsStock: row[6], toAccountId: row[7],
          toCode: row[8], toHoldsStock: row[9], lotId: row[10], lotNumber: row[11],
          quantity: row[12], value: row[13], actorName: row[14]))
    }
    return lines
  }
}
