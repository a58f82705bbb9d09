import GRDB
import Ledger

extension SQLiteTransaction: IssuanceLedger {
  /// Records the issuance part of a new REQ document.
  public func insertIssuance(_ request: IssuanceRequestRecord, lines: [IssuanceLineRecord]) throws {
    try insert(part: request, lines: lines)
  }

  /// The issuance part of a REQ document.
  public func issuance(documentID: Int64) throws -> IssuanceRequestRecord? {
    try part(IssuanceRequestRecord.self, documentID: documentID)
  }

  /// Saves a request's step times and override.
  public func update(_ request: IssuanceRequestRecord) throws {
    try request.update(db)
  }

  /// A request's lines, in the order they were requested.
  public func issuanceLines(documentID: Int64) throws -> [IssuanceLineRecord] {
    try lines(IssuanceLineRecord.self, documentID: documentID)
  }

  /// Saves a line's quantities.
  public func update(_ line: IssuanceLineRecord) throws {
    try line.update(db)
  }

  /// What open requests have reserved of an item at a warehouse.
  public func reservedQuantity(itemID: Int64, accountID: Int64) throws -> Int64 {
    try Int64.fetchOne(
      cached(
        """
        SELECT ifnull(sum(line.approved - line.shipped - line.released), 0)
        FROM issuance_line AS line JOIN document ON document.id = line.document_id
        WHERE line.item_id = ? AND document.source_account_id = ?
          AND document.state IN ('approved', 'shipped', 'confirmed')
        """), arguments: [itemID, accountID]) ?? 0
  }

  /// The lines of open requests that still reserve an item, per warehouse, in the order they
  /// were approved (oldest first).
  public func reservingLines(itemID: Int64) throws -> [IssuanceLineRecord] {
    try IssuanceLineRecord.fetchAll(
      cached(
        """
        SELECT line.* FROM issuance_line AS line
          JOIN document ON document.id = line.document_id
          JOIN issuance_request AS request ON request.document_id = line.document_id
        WHERE line.item_id = ? AND document.state IN ('approved', 'shipped', 'confirmed')
          AND line.approved - line.shipped - line.released > 0
        ORDER BY document.source_account_id, request.approved_at, document.id
        """), arguments: [itemID])
  }

  /// Every open reservation, summed per item and warehouse.
  public func reservations() throws -> [(itemID: Int64, accountID: Int64, quantity: Int64)] {
    try Row.fetchAll(
      cached(
        """
        SELECT line.item_id, document.source_account_id AS account_id,
          sum(line.approved - line.shipped - line.released) AS quantity
        FROM issuance_line AS line JOIN document ON document.id = line.document_id
        WHERE document.state IN ('approved', 'shipped', 'confirmed')
        GROUP BY line.item_id, document.source_account_id
        HAVING sum(line.approved - line.shipped - line.released) > 0
        """
      )
    ).map { ($0["item_id"], $0["account_id"], $0["quantity"]) }
  }

  /// For each lot of an item, what a document moved into `accountID` minus what it moved out.
  public func lotFlows(documentID: Int64, itemID: Int64, accountID: Int64) throws -> [LotFlow] {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT lot.*, sum(CASE WHEN m.to_account_id = ?1 THEN m.quantity ELSE -m.quantity END)
          AS net
        FROM movement AS m JOIN lot ON lot.id = m.lot_id
        WHERE m.document_id = ?2 AND m.item_id = ?3
          AND (m.to_account_id = ?1 OR m.from_account_id = ?1)
        GROUP BY lot.id HAVING net > 0
        ORDER BY lot.expiry IS NULL, lot.expiry, lot.id
        """), arguments: [accountID, documentID, itemID])
    return try rows.map { LotFlow(lot: try LotRecord(row: $0), quantity: $0["net"]) }
  }

  /// Requests, newest first, optionally filtered by state, site and priority.
  public func issuances(state: DocumentState?, siteID: Int64?, priority: String?) throws
    -> [IssuanceSummaryRow]
  {
    var conditions = SQLConditions("document.kind = 'REQ'")
    conditions.add("document.state = ?", state?.rawValue)
    conditions.add("document.destination_account_id = ?", siteID)
    conditions.add("request.priority = ?", priority)
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT document.*, request.priority, request.needed_by, request.floor_override_reason,
          request.requested_at, request.approved_at, request.first_shipped_at,
          request.confirmed_at, request.closed_at, request.approval_entered_late,
          request.shipment_entered_late, request.confirmation_entered_late,
          source.code AS source_code, site.code AS site_code, users.name AS requester_name
        FROM document
          JOIN issuance_request AS request ON request.document_id = document.id
          JOIN account AS source ON source.id = document.source_account_id
          JOIN account AS site ON site.id = document.destination_account_id
          JOIN users ON users.id = document.created_by
        WHERE \(conditions.sql)
        ORDER BY document.id DESC
        """), arguments: conditions.arguments)
    return try rows.map { row in
      let document = try DocumentRecord(row: row)
      var request = IssuanceRequestRecord(
        documentId: document.id, priority: row["priority"],
        neededBy: try row.decode(forColumn: "needed_by"),
        requestedAt: try row.decode(forColumn: "requested_at"))
      request.floorOverrideReason = row["floor_override_reason"]
      request.approvedAt = try row.decode(forColumn: "approved_at")
      request.firstShippedAt = try row.decode(forColumn: "first_shipped_at")
      request.confirmedAt = try row.decode(forColumn: "confirmed_at")
      request.closedAt = try row.decode(forColumn: "closed_at")
      request.approvalEnteredLate = row["approval_entered_late"]
      request.shipmentEnteredLate = row["shipment_entered_late"]
      request.confirmationEnteredLate = row["confirmation_entered_late"]
      return IssuanceSummaryRow(
        document: document, request: request, sourceCode: row["source_code"],
        siteCode: row["site_code"], requesterName: row["requester_name"])
    }
  }

  // MARK: Reserve levels

  /// The reserve levels of an item at a warehouse, if set.
  public func reserveLevel(itemID: Int64, accountID: Int64) throws -> ReserveLevelRecord? {
    try ReserveLevelRecord.fetchOne(
      cached("SELECT * FROM reserve_level WHERE item_id = ? AND account_id = ?"),
      arguments: [itemID, accountID])
  }

  /// Sets an item's reserve levels at a warehouse.
  public func save(_ level: ReserveLevelRecord) throws {
    try execute(
      sql: """
        INSERT INTO reserve_level (item_id, account_id, floor, minimum, maximum)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (item_id, account_id) DO UPDATE
          SET floor = excluded.floor, minimum = excluded.minimum, maximum = excluded.maximum
        """,
      arguments: [level.itemId, level.accountId, level.floor, level.minimum, level.maximum])
  }

  /// Every reserve level set.
  public func reserveLevels() throws -> [ReserveLevelRecord] {
    try ReserveLevelRecord.fetchAll(
      cached("SELECT * FROM reserve_level ORDER BY item_id, account_id"))
  }
}

extension SQLiteTransaction {
  /// The first issuance line whose shipped or confirmed quantity disagrees with the
  /// movements, or the first reservation larger than the stock on hand.
  public func firstReservationProblem() throws -> ReservationProblem? {
    let line = try Row.fetchOne(
      cached(
        """
        WITH transit AS (SELECT id FROM account WHERE kind = 'transit'),
        -- the unary + keeps SQLite on the per-document index: a line's few movements
        flows AS (
          SELECT line.document_id, line.item_id, line.shipped,
            line.received + line.damaged + line.missing AS confirmed,
            (SELECT ifnull(sum(m.quantity), 0) FROM movement AS m
             WHERE m.document_id = line.document_id AND +m.item_id = line.item_id
               AND +m.to_account_id = (SELECT id FROM transit)) AS moved_in,
            (SELECT ifnull(sum(m.quantity), 0) FROM movement AS m
             WHERE m.document_id = line.document_id AND +m.item_id = line.item_id
               AND +m.from_account_id = (SELECT id FROM transit)) AS moved_out
          FROM issuance_line AS line)
        SELECT document.number, item.code, flows.* FROM flows
          JOIN document ON document.id = flows.document_id JOIN item ON item.id = flows.item_id
        WHERE shipped <> moved_in OR confirmed <> moved_out
        ORDER BY document.id, item.code LIMIT 1
        """))
    if let line {
      let shipped: Int64 = line["shipped"]
      let movedIn: Int64 = line["moved_in"]
      let confirmed: Int64 = line["confirmed"]
      let movedOut: Int64 = line["moved_out"]
      let document: String = line["number"]
      let item: String = line["code"]
      if shipped != movedIn {
        return .lineDisagrees(
          document: document, item: item, step: "shipped", recorded: shipped, moved: movedIn)
      }
      return .lineDisagrees(
        document: document, item: item, step: "confirmed", recorded: confirmed, moved: movedOut)
    }
    for reservation in try reservations() {
      let onHand =
        try Int64.fetchOne(
          cached(
            "SELECT ifnull(sum(quantity), 0) FROM balance WHERE item_id = ? AND account_id = ?"),
          arguments: [reservation.itemID, reservation.accountID]) ?? 0
      if reservation.quantity > onHand {
        return .overReserved(
          item: try item(id: reservation.itemID)?.code ?? "?",
          location: try account(id: reservation.accountID)?.code ?? "?",
          reserved: reservation.quantity, onHand: onHand)
      }
    }
    return nil
  }
}
