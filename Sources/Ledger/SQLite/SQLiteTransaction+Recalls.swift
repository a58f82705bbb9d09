import GRDB
import Ledger

extension SQLiteTransaction: RecallLedger {
  // MARK: Recalls

  /// Records a recall of one lot.
  public func insertRecall(_ recall: LotRecallRecord) throws {
    try recall.insert(db)
  }

  /// The recall of a lot, if it was recalled.
  public func recall(lotID: Int64) throws -> LotRecallRecord? {
    try one(LotRecallRecord.self, where: "lot_id", is: lotID)
  }

  /// The recalled lots among an item's lots.
  public func recalledLotIDs(itemID: Int64) throws -> Set<Int64> {
    Set(
      try Int64.fetchAll(
        cached(
          """
          SELECT lot_recall.lot_id FROM lot_recall JOIN lot ON lot.id = lot_recall.lot_id
          WHERE lot.item_id = ?
          """), arguments: [itemID]))
  }

  /// Every recalled lot.
  public func recalledLotIDs() throws -> Set<Int64> {
    Set(try Int64.fetchAll(cached("SELECT lot_id FROM lot_recall")))
  }

  /// The lots of any item that carry this number.
  public func lots(number: String) throws -> [LotRecord] {
    try LotRecord.fetchAll(
      cached("SELECT * FROM lot WHERE number = ? ORDER BY id"), arguments: [number])
  }

  // MARK: Disinfection

  /// Puts a returned piece of equipment into disinfection.
  public func insertDisinfection(_ disinfection: DisinfectionRecord) throws {
    try execute(
      sql: """
        INSERT INTO disinfection (lot_id, account_id, return_document_id, started_at)
        VALUES (?, ?, ?, ?)
        """,
      arguments: [
        disinfection.lotId, disinfection.accountId, disinfection.returnDocumentId,
        disinfection.startedAt,
      ])
  }

  /// The disinfection a piece is in, if it is in one.
  public func openDisinfection(lotID: Int64) throws -> DisinfectionRecord? {
    try DisinfectionRecord.fetchOne(
      cached("SELECT * FROM disinfection WHERE lot_id = ? AND done_at IS NULL"),
      arguments: [lotID])
  }

  /// Records a disinfection as done.
  public func finishDisinfection(id: Int64, method: String, by userID: Int64, at moment: Moment)
    throws
  {
    try execute(
      sql: "UPDATE disinfection SET method = ?, done_by = ?, done_at = ? WHERE id = ?",
      arguments: [method, userID, moment, id])
  }

  /// Every disinfection, oldest first; only the open ones with `openOnly`.
  public func disinfections(openOnly: Bool) throws -> [DisinfectionRecord] {
    try DisinfectionRecord.fetchAll(
      cached("SELECT * FROM disinfection \(openOnly ? "WHERE done_at IS NULL" : "") ORDER BY id"))
  }
}
