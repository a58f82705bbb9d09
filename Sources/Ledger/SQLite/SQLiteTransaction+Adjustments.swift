import GRDB
import Ledger

extension SQLiteTransaction {
  /// Records the adjustment part of a new ADJ document and its lines.
  public func insertAdjustment(_ adjustment: AdjustmentRecord, lines: [AdjustmentLineRecord])
    throws
  {
    try insert(part: adjustment, lines: lines)
  }

  /// The adjustment part of an ADJ document.
  public func adjustment(documentID: Int64) throws -> AdjustmentRecord? {
    try part(AdjustmentRecord.self, documentID: documentID)
  }

  /// An adjustment's lines, in order.
  public func adjustmentLines(documentID: Int64) throws -> [AdjustmentLineRecord] {
    try lines(AdjustmentLineRecord.self, documentID: documentID)
  }

  /// The adjustments that a document (an issuance or a return) opened, oldest first.
  public func adjustments(originDocumentID: Int64) throws -> [DocumentRecord] {
    try DocumentRecord.fetchAll(
      cached(
        """
        SELECT document.* FROM document
          JOIN adjustment ON adjustment.document_id = document.id
        WHERE adjustment.origin_document_id = ? ORDER BY document.id
        """), arguments: [originDocumentID])
  }

  /// ADJ documents, newest first, optionally only those in one state.
  public func adjustments(state: DocumentState?) throws -> [DocumentRecord] {
    var filter = ""
    var arguments = StatementArguments()
    if let state {
      filter = "AND document.state = ?"
      arguments = [state.rawValue]
    }
    return try DocumentRecord.fetchAll(
      cached(
        """
        SELECT document.* FROM document JOIN adjustment ON adjustment.document_id = document.id
        WHERE 1 \(filter) ORDER BY document.id DESC
        """), arguments: arguments)
  }

  // MARK: Holds

  /// What of each lot of an item is held at a place: by write-offs that await approval or
  /// whose waste batch has not left the place yet, by count shortages that await approval,
  /// and by open disinfections.
  public func holds(itemID: Int64, accountID: Int64) throws -> [Int64: Int64] {
    var result: [Int64: Int64] = [:]
    for hold in try holds(filter: "item_id = ? AND account_id = ?", [itemID, accountID]) {
      result[hold.lotId, default: 0] += hold.quantity
    }
    return result
  }

  /// Every hold, per place and lot.
  public func holds() throws -> [StockHold] {
    try holds(filter: "1", [])
  }

  /// The numbers of the documents that hold some of a lot at a place: the write-offs and
  /// counts that hold it, and the returns whose disinfection holds it.
  public func holdingDocuments(lotID: Int64, accountID: Int64) throws -> [String] {
    try String.fetchAll(
      cached(
        """
        SELECT DISTINCT holder FROM (\(Self.heldStock))
        WHERE lot_id = ? AND account_id = ? ORDER BY holder
        """), arguments: [lotID, accountID])
  }

  private func holds(filter: String, _ arguments: StatementArguments) throws -> [StockHold] {
    try Row.fetchAll(
      cached(
        """
        SELECT account_id, lot_id, sum(quantity) AS quantity FROM (\(Self.heldStock))
        WHERE \(filter)
        GROUP BY account_id, lot_id ORDER BY account_id, lot_id
        """), arguments: arguments
    ).map { StockHold(accountId: $0["account_id"], lotId: $0["lot_id"], quantity: $0["quantity"]) }
  }

  /// Every piece of held stock, with the number of the document that holds it.
  private static let heldStock = """
          SELECT adjustment.account_id, line.lot_id, line.item_id, line.quantity,
            document.number AS holder
          FROM adjustment_line AS line
            JOIN adjustment ON adjustment.document_id = line.document_id
            JOIN document ON document.id = adjustment.document_id
            LEFT JOIN waste_batch AS batch
              ON batch.adjustment_document_id = adjustment.document_id
            LEFT JOIN document AS batch_document ON batch_document.id = batch.document_id
          WHERE (adjustment.kind = 'writeoff'
              AND (document.state = 'requested'
                OR (document.state = 'approved'
                  AND batch_document.state IN ('awaiting-collection', 'collected'))))
            OR (adjustment.kind = 'count' AND adjustment.reason <> 'found'
              AND document.state = 'requested')
          UNION ALL
          SELECT disinfection.account_id, disinfection.lot_id, lot.item_id, 1, holder.number
          FROM disinfection JOIN lot ON lot.id = disinfection.lot_id
            JOIN document AS holder ON holder.id = disinfection.return_document_id
          WHERE disinfection.done_at IS NULL
    """
}
