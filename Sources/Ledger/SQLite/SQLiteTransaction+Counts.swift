import GRDB
import Ledger

extension SQLiteTransaction: CountLedger {
  /// Records a count and its lines.
  public func insertCount(_ count: StockCountRecord, lines: [StockCountLineRecord]) throws {
    try insert(part: count, lines: lines)
  }

  /// The count part of a CNT document.
  public func count(documentID: Int64) throws -> StockCountRecord? {
    try part(StockCountRecord.self, documentID: documentID)
  }

  /// A count's lines, in the order they were counted.
  public func countLines(documentID: Int64) throws -> [StockCountLineRecord] {
    try lines(StockCountLineRecord.self, documentID: documentID)
  }

  /// An item's most recent stock layer.
  public func latestLot(itemID: Int64) throws -> LotRecord? {
    try LotRecord.fetchOne(
      cached("SELECT * FROM lot WHERE item_id = ? ORDER BY id DESC LIMIT 1"),
      arguments: [itemID])
  }

  /// The value of one unit of a lot as it came in from its source, rounded down; zero for a
  /// lot that came in free.
  public func unitValue(ofLot lotID: Int64) throws -> (value: Int64, quantity: Int64) {
    let row = try Row.fetchOne(
      cached(
        """
        SELECT ifnull(sum(m.value), 0), ifnull(sum(m.quantity), 0)
        FROM movement AS m JOIN lot ON lot.id = m.lot_id
        WHERE m.lot_id = ? AND m.from_account_id = lot.source_account_id
        """), arguments: [lotID])
    return (row?[0] ?? 0, row?[1] ?? 0)
  }
}
