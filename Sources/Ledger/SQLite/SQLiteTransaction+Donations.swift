import GRDB
import Ledger

extension SQLiteTransaction {
  /// Per donor and item: received, declared value, rejected at inspection and what is left
  /// at warehouses and in transit; only one donor's when given.
  public func donatedItems(donorAccountID: Int64?) throws -> [DonatedItemRow] {
    try Row.fetchAll(
      cached(
        """
        WITH received AS (
          SELECT lot.source_account_id AS donor_id, m.item_id,
            sum(CASE WHEN m.from_account_id = donor.id THEN m.quantity ELSE -m.quantity END)
              AS quantity,
            sum(CASE WHEN m.from_account_id = donor.id THEN m.value ELSE -m.value END) AS value
          FROM account AS donor JOIN lot ON lot.source_account_id = donor.id
            JOIN movement AS m ON m.lot_id = lot.id
              AND donor.id IN (m.from_account_id, m.to_account_id)
          WHERE donor.kind = 'donor' AND (?1 IS NULL OR donor.id = ?1)
          GROUP BY lot.source_account_id, m.item_id),
        rejected AS (
          SELECT document.source_account_id AS donor_id, r.item_id, sum(r.quantity) AS quantity
          FROM receipt_rejection AS r JOIN document ON document.id = r.document_id
            JOIN account AS donor ON donor.id = document.source_account_id
          WHERE donor.kind = 'donor' AND (?1 IS NULL OR donor.id = ?1)
            AND r.document_id NOT IN (\(Self.reversedDocuments))
          GROUP BY document.source_account_id, r.item_id),
        held AS (
          SELECT lot.source_account_id AS donor_id, b.item_id, sum(b.quantity) AS quantity
          FROM account AS donor JOIN lot ON lot.source_account_id = donor.id
            JOIN balance AS b ON b.lot_id = lot.id
            JOIN account AS place ON place.id = b.account_id
          WHERE donor.kind = 'donor' AND place.kind IN ('warehouse', 'transit')
            AND (?1 IS NULL OR donor.id = ?1)
          GROUP BY lot.source_account_id, b.item_id),
        pairs AS (
          SELECT donor_id, item_id FROM received UNION SELECT donor_id, item_id FROM rejected)
        SELECT pairs.donor_id, pairs.item_id, ifnull(received.quantity, 0) AS received,
          ifnull(received.value, 0) AS value, ifnull(rejected.quantity, 0) AS rejected,
          ifnull(held.quantity, 0) AS left
        FROM pairs
          LEFT JOIN received USING (donor_id, item_id)
          LEFT JOIN rejected USING (donor_id, item_id)
          LEFT JOIN held USING (donor_id, item_id)
        WHERE ifnull(received.quantity, 0) <> 0 OR ifnull(rejected.quantity, 0) <> 0
        ORDER BY pairs.donor_id, pairs.item_id
        """), arguments: [donorAccountID]
    ).map { row in
      DonatedItemRow(
        donorId: row["donor_id"], itemId: row["item_id"], received: row["received"],
        value: row["value"], rejected: row["rejected"], left: row["left"])
    }
  }

  /// Per donor, item and site: what reached the site, what it used and what it still holds.
  public func donatedAtSites(donorAccountID: Int64?) throws -> [DonatedAtSiteRow] {
    try Row.fetchAll(
      cached(
        """
        SELECT lot.source_account_id AS donor_id, m.item_id, site.code, site.name,
          sum(CASE WHEN m.to_account_id = site.id THEN m.quantity ELSE 0 END) AS delivered,
          sum(CASE WHEN m.from_account_id = site.id AND other.kind = 'consumed'
            THEN m.quantity ELSE 0 END) AS used,
          sum(CASE WHEN m.to_account_id = site.id THEN m.quantity ELSE -m.quantity END)
            AS on_hand
        FROM account AS donor JOIN lot ON lot.source_account_id = donor.id
          JOIN movement AS m ON m.lot_id = lot.id
          JOIN account AS site
            ON site.id IN (m.from_account_id, m.to_account_id) AND site.kind = 'site'
          JOIN account AS other ON other.id = (
            CASE WHEN site.id = m.to_account_id THEN m.from_account_id ELSE m.to_account_id END)
        WHERE donor.kind = 'donor' AND (?1 IS NULL OR donor.id = ?1)
        GROUP BY lot.source_account_id, m.item_id, site.id
        ORDER BY lot.source_account_id, m.item_id, site.code
        """), arguments: [donorAccountID]
    ).map { row in
      DonatedAtSiteRow(
        donorId: row["donor_id"], itemId: row["item_id"], siteCode: row["code"],
        siteName: row["name"], delivered: row["delivered"], used: row["used"],
        onHand: row["on_hand"])
    }
  }
}
