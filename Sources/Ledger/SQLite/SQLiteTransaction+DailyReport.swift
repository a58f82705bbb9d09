import GRDB
import Ledger

extension SQLiteTransaction: ReportLedger {
  /// Receipts and donations effective on `day`, except those reversed by then.
  public func arrivals(on day: Day) throws -> [ArrivalLine] {
    try Row.fetchAll(
      cached(
        """
        SELECT document.number, document.kind, source.code, source.name, item.code, item.name,
          item.base_unit, sum(m.quantity), sum(m.value)
        FROM movement AS m
          JOIN document ON document.id = m.document_id
          JOIN account AS source ON source.id = m.from_account_id
          JOIN item ON item.id = m.item_id
        WHERE m.effective_date = ?1 AND source.kind IN ('supplier', 'donor')
          AND document.id NOT IN (
            SELECT reverses_document_id FROM document
            WHERE reverses_document_id IS NOT NULL AND effective_date <= ?1)
        GROUP BY document.id, item.id ORDER BY document.number, item.code
        """), arguments: [day]
    ).map { row in
      ArrivalLine(
        documentNumber: row[0], documentKind: try DocumentKind(stored: row[1]),
        sourceCode: row[2], sourceName: row[3],
        itemCode: row[4], itemName: row[5], unit: row[6], quantity: row[7], value: row[8])
    }
  }

  /// Issuance shipments effective after `after` and on or before `through`, by site,
  /// priority and item.
  public func unmetLines(declinedOn day: Day) throws -> [UnmetLine] {
    try Row.fetchAll(
      cached(
        """
        SELECT document.number, document.state, request.priority, site.code,
          request.requested_at, item.code, item.name, item.base_unit, line.requested,
          line.approved, line.declined, line.decline_reason
        FROM issuance_line AS line
          JOIN document ON document.id = line.document_id
          JOIN issuance_request AS request ON request.document_id = document.id
          JOIN account AS site ON site.id = document.destination_account_id
          JOIN item ON item.id = line.item_id
        WHERE (line.requested > line.approved + line.declined
            AND document.state IN ('requested', 'approved', 'shipped', 'confirmed'))
          OR line.declined_on = ?
        ORDER BY request.requested_at, document.id, line.position
        """), arguments: [day]
    ).map { row in
      UnmetLine(
        documentNumber: row[0], state: try DocumentState(stored: row[1]), priority: row[2],
        siteCode: row[3], requestedAt: row[4], itemCode: row[5], itemName: row[6], unit: row[7],
        requested: row[8], approved: row[9], declined: row[10], declineReason: row[11])
    }
  }

  public func shipmentsBySite(after: Day, through: Day) throws -> [ShipmentLine] {
    try Row.fetchAll(
      cached(
        """
        SELECT site.code, request.priority, item.code, item.base_unit, sum(m.quantity)
        FROM movement AS m
          JOIN document ON document.id = m.document_id
          JOIN issuance_request AS request ON request.document_id = document.id
          JOIN account AS site ON site.id = document.destination_account_id
          JOIN account AS target ON target.id = m.to_account_id
          JOIN item ON item.id = m.item_id
        WHERE m.effective_date > ? AND m.effective_date <= ? AND target.kind = 'transit'
        GROUP BY site.code, request.priority, item.code ORDER BY site.code, item.code
        """), arguments: [after, through]
    ).map { row in
      ShipmentLine(
        siteCode: row[0], priority: row[1], itemCode: row[2], unit: row[3], quantity: row[4])
    }
  }

  /// Issuance shipments per effective day, after `after` and on or before `through`.
  public func shipmentsPerDay(after: Day, through: Day) throws -> [(
    day: Day, quantity: Int64
  )] {
    try Row.fetchAll(
      cached(
        """
        SELECT m.effective_date, sum(m.quantity)
        FROM movement AS m
          JOIN document ON document.id = m.document_id
          JOIN account AS target ON target.id = m.to_account_id
        WHERE m.effective_date > ? AND m.effective_date <= ? AND document.kind = 'REQ'
          AND target.kind = 'transit'
        GROUP BY m.effective_date ORDER BY m.effective_date
        """), arguments: [after, through]
    ).map { (try $0.decode(atIndex: 0), $0[1]) }
  }
}
