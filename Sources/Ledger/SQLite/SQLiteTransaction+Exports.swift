import GRDB
import Ledger

/// The queries behind the CSV exports. Each streams its rows in place, in a fixed order, with
/// the columns its documentation lists; the caller formats them.
extension SQLiteTransaction: ExportLedger {
  /// Every movement effective between two days (either may be open), in posting order.
  ///
  /// Columns: 0 movement id, 1 effective date, 2 recorded at, 3 document number, 4 item
  /// code, 5 item name, 6 lot number, 7 expiry, 8 provenance (the lot's supplier or donor
  /// code), 9 order number, 10 from account code, 11 to account code, 12 quantity, 13 base
  /// unit, 14 value in fen, 15 actor name.
  public func streamMovements(
    from: Day?, to: Day?, _ body: (any StreamedRow) throws -> Void
  ) throws -> Int64 {
    try stream(
      sql: """
        SELECT m.id, m.effective_date, m.recorded_at, document.number, item.code, item.name,
          lot.number, lot.expiry, source.code, purchase.number, origin.code, target.code,
          m.quantity, item.base_unit, m.value, users.name
        FROM movement AS m
          JOIN document ON document.id = m.document_id
          JOIN item ON item.id = m.item_id
          JOIN lot ON lot.id = m.lot_id
          JOIN account AS source ON source.id = lot.source_account_id
          LEFT JOIN document AS purchase ON purchase.id = lot.order_document_id
          JOIN account AS origin ON origin.id = m.from_account_id
          JOIN account AS target ON target.id = m.to_account_id
          JOIN users ON users.id = m.actor_id
        WHERE (?1 IS NULL OR m.effective_date >= ?1) AND (?2 IS NULL OR m.effective_date <= ?2)
        ORDER BY m.id
        """, arguments: [from, to], body)
  }

  /// Stock at every physical place per lot, from the stored balances or, with `asOf`, from
  /// the movements effective on or before that day; by item, place, expiry.
  ///
  /// Columns: 0 item code, 1 item name, 2 location code, 3 location name, 4 lot number,
  /// 5 expiry, 6 provenance code, 7 order number, 8 quantity, 9 base unit, 10 value in fen.
  public func streamStock(asOf: Day?, _ body: (any StreamedRow) throws -> Void) throws -> Int64 {
    let source =
      asOf == nil
      ? "balance"
      : """
      (SELECT account_id, lot_id, item_id, sum(quantity) AS quantity, sum(value) AS value
       FROM (SELECT to_account_id AS account_id, lot_id, item_id, quantity, value
             FROM movement WHERE effective_date <= ?1
             UNION ALL
             SELECT from_account_id, lot_id, item_id, -quantity, -value
             FROM movement WHERE effective_date <= ?1)
       GROUP BY account_id, lot_id)
      """
    return try stream(
      sql: """
        SELECT item.code, item.name, account.code, account.name, lot.number, lot.expiry,
          source.code, purchase.number, held.quantity, item.base_unit, held.value
        FROM \(source) AS held
          JOIN account ON account.id = held.account_id
          JOIN item ON item.id = held.item_id
          JOIN lot ON lot.id = held.lot_id
          JOIN account AS source ON source.id = lot.source_account_id
          LEFT JOIN document AS purchase ON purchase.id = lot.order_document_id
        WHERE account.holds_stock = 1 AND held.quantity <> 0
        ORDER BY item.code, account.code, lot.expiry IS NULL, lot.expiry, lot.id
        """, arguments: asOf.map { [$0] } ?? [], body)
  }

  /// Every donated lot received, every quantity refused at a donation's inspection and every
  /// donated lot a reversal gave back, with effective dates between two days, by document,
  /// accepted before rejected.
  ///
  /// Columns: 0 effective date, 1 document number, 2 donor code, 3 donor name, 4 item code,
  /// 5 item name, 6 lot number, 7 expiry, 8 status (`accepted`, `rejected`, or `reversed`
  /// with the quantity and value given back as negative numbers), 9 quantity,
  /// 10 base unit, 11 value in fen (NULL when rejected), 12 reason (NULL when accepted).
  public func streamDonations(
    from: Day?, to: Day?, _ body: (any StreamedRow) throws -> Void
  ) throws -> Int64 {
    try stream(
      sql: """
        SELECT effective_date, number, donor_code, donor_name, item_code, item_name,
          lot_number, expiry, status, quantity, base_unit, value, reason
        FROM (
          SELECT document.id AS document_id,
            CASE WHEN m.from_account_id = donor.id THEN 0 ELSE 2 END AS kind,
            m.id AS sequence, m.effective_date, document.number, donor.code AS donor_code,
            donor.name AS donor_name, item.code AS item_code, item.name AS item_name,
            lot.number AS lot_number, lot.expiry,
            CASE WHEN m.from_account_id = donor.id THEN 'accepted' ELSE 'reversed' END AS status,
            CASE WHEN m.from_account_id = donor.id THEN 1 ELSE -1 END * m.quantity AS quantity,
            item.base_unit,
            CASE WHEN m.from_account_id = donor.id THEN 1 ELSE -1 END * m.value AS value,
            NULL AS reason
          FROM movement AS m
            JOIN lot ON lot.id = m.lot_id
            JOIN account AS donor ON donor.id = lot.source_account_id
              AND donor.id IN (m.from_account_id, m.to_account_id)
            JOIN document ON document.id = m.document_id
            JOIN item ON item.id = m.item_id
          WHERE donor.kind = 'donor'
          UNION ALL
          SELECT document.id, 1, r.id, document.effective_date, document.number, donor.code,
            donor.name, item.code, item.name, r.lot_number, NULL, 'rejected', r.quantity,
            item.base_unit, NULL, r.reason
          FROM receipt_rejection AS r
            JOIN document ON document.id = r.document_id
            JOIN account AS donor ON donor.id = document.source_account_id
            JOIN item ON item.id = r.item_id
          WHERE donor.kind = 'donor')
        WHERE (?1 IS NULL OR effective_date >= ?1) AND (?2 IS NULL OR effective_date <= ?2)
        ORDER BY document_id, kind, sequence
        """, arguments: [from, to], body)
  }
}
