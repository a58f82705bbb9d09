import Foundation
import GRDB

/// A movement to post; the ledger gives it its id and hash.
public struct MovementDraft: Sendable {
  public var lot: LotRecord
  public var fromAccountId: Int64
  public var toAccountId: Int64
  public var quantity: Int64
  public var value: Int64
  public var documentId: Int64
  public var actorId: Int64
  public var effectiveDate: String
  public var recordedAt: String
  public var reversesMovementId: Int64?

  public init(
    lot: LotRecord, fromAccountId: Int64, toAccountId: Int64, quantity: Int64, value: Int64,
    documentId: Int64, actorId: Int64, effectiveDate: String, recordedAt: String,
    reversesMovementId: Int64? = nil
  ) {
    self.lot = lot
    self.fromAccountId = fromAccountId
    self.toAccountId = toAccountId
    self.quantity = quantity
    self.value = value
    self.documentId = documentId
    self.actorId = actorId
    self.effectiveDate = effectiveDate
    self.recordedAt = recordedAt
    self.reversesMovementId = reversesMovementId
  }
}

extension LedgerTransaction {
  // MARK: Lots

  /// The lot with this identity (number, source and order), if received before.
  public func lot(
    itemID: Int64, number: String, sourceAccountID: Int64, orderDocumentID: Int64?
  ) throws -> LotRecord? {
    try LotRecord.fetchOne(
      self,
      sql: """
        SELECT * FROM lot WHERE item_id = ? AND number = ? AND source_account_id = ?
          AND ifnull(order_document_id, 0) = ?
        """, arguments: [itemID, number, sourceAccountID, orderDocumentID ?? 0])
  }

  /// The anonymous layer of an untracked item from this source and order, if any.
  public func anonymousLot(itemID: Int64, sourceAccountID: Int64, orderDocumentID: Int64?)
    throws -> LotRecord?
  {
    try LotRecord.fetchOne(
      self,
      sql: """
        SELECT * FROM lot WHERE item_id = ? AND number IS NULL AND source_account_id = ?
          AND ifnull(order_document_id, 0) = ?
        """, arguments: [itemID, sourceAccountID, orderDocumentID ?? 0])
  }

  /// The lots of an item that carry this number, from any source.
  public func lots(itemID: Int64, number: String) throws -> [LotRecord] {
    try LotRecord.fetchAll(
      self, sql: "SELECT * FROM lot WHERE item_id = ? AND number = ? ORDER BY id",
      arguments: [itemID, number])
  }

  /// The lot with this id.
  public func lot(id: Int64) throws -> LotRecord? {
    try LotRecord.fetchOne(self, sql: "SELECT * FROM lot WHERE id = ?", arguments: [id])
  }

  /// Records a new lot and returns it as stored.
  public func insertLot(_ lot: LotRecord) throws -> LotRecord {
    try execute(
      sql: """
        INSERT INTO lot (item_id, number, expiry, source_account_id, order_document_id,
          receipt_document_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        lot.itemId, lot.number, lot.expiry, lot.sourceAccountId, lot.orderDocumentId,
        lot.receiptDocumentId, lot.createdAt,
      ])
    var stored = lot
    stored.id = db.lastInsertedRowID
    return stored
  }

  // MARK: Movements

  /// Appends one hash-chained movement; the database updates both balances with it and
  /// refuses it if a physical place would go below zero.
  @discardableResult
  public func post(_ draft: MovementDraft) throws -> MovementRecord {
    precondition(draft.quantity > 0, "a movement moves a positive quantity")
    precondition(draft.value >= 0, "a movement moves a non-negative value")
    precondition(draft.fromAccountId != draft.toAccountId, "a movement joins two accounts")
    let tip = try Row.fetchOne(self, sql: "SELECT id, hash FROM movement ORDER BY id DESC LIMIT 1")
    let previousID: Int64 = tip?["id"] ?? 0
    let previousHash: Data = tip?["hash"] ?? HashChain.genesis
    var movement = MovementRecord(
      id: previousID + 1, itemId: draft.lot.itemId, lotId: draft.lot.id,
      fromAccountId: draft.fromAccountId, toAccountId: draft.toAccountId,
      quantity: draft.quantity, value: draft.value, documentId: draft.documentId,
      actorId: draft.actorId, effectiveDate: draft.effectiveDate, recordedAt: draft.recordedAt,
      reversesMovementId: draft.reversesMovementId, hash: Data())
    let identity = LotIdentity(
      number: draft.lot.number, expiry: draft.lot.expiry,
      sourceAccountId: draft.lot.sourceAccountId)
    movement.hash = HashChain.next(
      after: previousHash, encoding: movement.canonicalEncoding(lot: identity))
    try movement.insert(db)
    return movement
  }

  /// The movements of a document, in the order they were posted.
  public func movements(ofDocument documentID: Int64) throws -> [MovementRecord] {
    try MovementRecord.fetchAll(
      self, sql: "SELECT * FROM movement WHERE document_id = ? ORDER BY id", arguments: [documentID]
    )
  }

  /// The effective date of the latest movement of a lot at an account, if any.
  public func latestEffectiveDate(accountID: Int64, lotID: Int64) throws -> String? {
    try String.fetchOne(
      self,
      sql: """
        SELECT max(effective_date) FROM movement
        WHERE lot_id = ? AND (from_account_id = ? OR to_account_id = ?)
        """, arguments: [lotID, accountID, accountID])
  }

  /// The lowest balance a lot has at an account on any day from `day` on, counting only
  /// movements effective on or before each day. Used to refuse backdated outflows that a
  /// later balance could not have covered.
  public func lowestBalance(accountID: Int64, lotID: Int64, from day: String) throws -> Int64 {
    let rows = try Row.fetchAll(
      self,
      sql: """
        SELECT effective_date,
          sum(CASE WHEN to_account_id = ?1 THEN quantity ELSE -quantity END) AS change
        FROM movement
        WHERE lot_id = ?2 AND (from_account_id = ?1 OR to_account_id = ?1)
        GROUP BY effective_date ORDER BY effective_date
        """, arguments: [accountID, lotID])
    var running: Int64 = 0
    var lowest: Int64?
    for row in rows {
      let date: String = row["effective_date"]
      if date > day && lowest == nil { lowest = running }
      running += row["change"] as Int64
      if date > day, let current = lowest { lowest = Swift.min(current, running) }
    }
    return lowest ?? running
  }
}
