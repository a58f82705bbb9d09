import GRDB
import Ledger

extension SQLiteTransaction {
  /// Per site, what arrived from transit (confirmed issuances) of items in `category` with
  /// an effective date from `fromDay` to `toDay`.
  public func siteArrivals(category: String, fromDay: Day, toDay: Day) throws
    -> [SiteArrivals]
  {
    try Row.fetchAll(
      cached(
        """
        SELECT m.to_account_id, sum(m.quantity) AS quantity, min(m.effective_date) AS first_day
        FROM movement AS m
          JOIN account AS source ON source.id = m.from_account_id
          JOIN account AS site ON site.id = m.to_account_id
          JOIN item ON item.id = m.item_id
        WHERE source.kind = 'transit' AND site.kind = 'site' AND item.category = ?
          AND m.effective_date BETWEEN ? AND ?
        GROUP BY m.to_account_id ORDER BY m.to_account_id
        """), arguments: [category, fromDay, toDay]
    ).map {
      SiteArrivals(
        accountId: $0["to_account_id"], quantity: $0["quantity"],
        firstDay: try $0.decode(forColumn: "first_day"))
    }
  }

  /// Per place, the grams of waste of one class collected from `from` until before `before`
  /// (instants), leaving out write-off batches: what the place gave back, not stock thrown
  /// away.
  public func collectedGrams(category: String, from: Moment, before: Moment) throws
    -> [Int64: Int64]
  {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT batch.source_account_id, sum(collection.weight_grams) AS grams
        FROM waste_batch AS batch
          JOIN waste_collection AS collection ON collection.batch_document_id = batch.document_id
        WHERE batch.category = ? AND batch.adjustment_document_id IS NULL
          AND collection.collected_at >= ? AND collection.collected_at < ?
        GROUP BY batch.source_account_id
        """), arguments: [category, from, before])
    return Dictionary(uniqueKeysWithValues: rows.map { ($0["source_account_id"], $0["grams"]) })
  }

  /// Per place, when waste (of any class, write-offs left out) was last collected there
  /// before `before` (an instant).
  public func lastCollections(before: Moment) throws -> [Int64: Moment] {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT batch.source_account_id, max(collection.collected_at) AS last
        FROM waste_batch AS batch
          JOIN waste_collection AS collection ON collection.batch_document_id = batch.document_id
        WHERE batch.adjustment_document_id IS NULL AND collection.collected_at < ?
        GROUP BY batch.source_account_id
        """), arguments: [before])
    return Dictionary(
      uniqueKeysWithValues: try rows.map {
        ($0["source_account_id"], try $0.decode(Moment.self, forColumn: "last"))
      })
  }
}
