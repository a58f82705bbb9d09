import Foundation
import GRDB
import Ledger

extension SQLiteTransaction: MovementLedger {
  // MARK: Lots

  /// The lot with this identity (number, source and order), if received before.
  public func lot(
    itemID: Int64, number: String, sourceAccountID: Int64, orderDocumentID: Int64?
  ) throws -> LotRecord? {
    try LotRecord.fetchOne(
      cached(
        """
        SELECT * FROM lot WHERE item_id = ? AND number = ? AND source_account_id = ?
          AND ifnull(order_document_id, 0) = ?
        """), arguments: [itemID, number, sourceAccountID, orderDocumentID ?? 0])
  }

  /// The anonymous layer of an untracked item from this source and order, if any.
  public func anonymousLot(itemID: Int64, sourceAccountID: Int64, orderDocumentID: Int64?)
    throws -> LotRecord?
  {
    try LotRecord.fetchOne(
      cached(
        """
        SELECT * FROM lot WHERE item_id = ? AND number IS NULL AND source_account_id = ?
          AND ifnull(order_document_id, 0) = ?
        """), arguments: [itemID, sourceAccountID, orderDocumentID ?? 0])
  }

  /// The lots of an item that carry this number, from any source.
  public func lots(itemID: Int64, number: String) throws -> [LotRecord] {
    try LotRecord.fetchAll(
      cached("SELECT * FROM lot WHERE item_id = ? AND number = ? ORDER BY id"),
      arguments: [itemID, number])
  }

  /// Every numbered lot received from one source under one order (or none).
  public func lots(sourceAccountID: Int64, orderDocumentID: Int64?) throws -> [LotRecord] {
    try LotRecord.fetchAll(
      cached(
        """
        SELECT * FROM lot WHERE source_account_id = ? AND ifnull(order_document_id, 0) = ?
          AND number IS NOT NULL
        """), arguments: [sourceAccountID, orderDocumentID ?? 0])
  }

  /// The numbers of every lot or serial of an item, from any source.
  public func lotNumbers(itemID: Int64) throws -> Set<String> {
    Set(
      try String.fetchAll(
        cached("SELECT number FROM lot WHERE item_id = ? AND number IS NOT NULL"),
        arguments: [itemID]))
  }

  /// The lot with this id.
  public func lot(id: Int64) throws -> LotRecord? {
    try LotRecord.fetchOne(cached("SELECT * FROM lot WHERE id = ?"), arguments: [id])
  }

  /// Records a new lot and returns it as stored.
  public func insertLot(_ lot: LotRecord) throws -> LotRecord {
    var insert = try DirectInsert(
      db,
      sql: """
        INSERT INTO lot (item_id, number, expiry, source_account_id, order_document_id,
          receipt_document_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    insert.bindColumns(of: lot)
    try insert.run()
    var stored = lot
    stored.id = db.lastInsertedRowID
    return stored
  }

  // MARK: Movements

  /// Appends one hash-chained movement; the database updates both balances with it and
  /// refuses it if a physical place would go below zero.
  @discardableResult
  public func post(_ draft: MovementDraft) throws -> MovementRecord {
    try post([draft])[0]
  }

  /// Appends movements in this order, chained one after the other as single posts would be,
  /// and written many to an INSERT: a big receipt costs the database one statement (and one
  /// statement journal) per batch instead of per movement.
  @discardableResult
  public func post(_ drafts: [MovementDraft]) throws -> [MovementRecord] {
    var (previousID, previousHash) = try movementTip.tip ?? chainTip()
    let format = try chainFormat()
    var movements: [MovementRecord] = []
    movements.reserveCapacity(drafts.count)
    for draft in drafts {
      precondition(draft.quantity > 0, "a movement moves a positive quantity")
      precondition(draft.value >= 0, "a movement moves a non-negative value")
      precondition(draft.fromAccountId != draft.toAccountId, "a movement joins two accounts")
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
        after: previousHash,
        encoding: movement.canonicalEncoding(
          lot: identity, office: format.office(forMovement: movement.id)))
      (previousID, previousHash) = (movement.id, movement.hash)
      movements.append(movement)
    }
    try insertInBatches(
      movements, table: "movement",
      columns: """
        id, item_id, lot_id, from_account_id, to_account_id, quantity, value, document_id,
        actor_id, effective_date, recorded_at, reverses_movement_id, hash
        """
    ) { insert, movement in
      insert.bind(movement.id)
      insert.bind(movement.itemId)
      insert.bind(movement.lotId)
      insert.bind(movement.fromAccountId)
      insert.bind(movement.toAccountId)
      insert.bind(movement.quantity)
      insert.bind(movement.value)
      insert.bind(movement.documentId)
      insert.bind(movement.actorId)
      insert.bind(movement.effectiveDate)
      insert.bind(movement.recordedAt)
      insert.bind(movement.reversesMovementId)
      insert.bind(movement.hash)
    }
    if let last = movements.last { movementTip.tip = (last.id, last.hash) }
    return movements
  }

  /// The id the next lot will get.
  public func nextLotID() throws -> Int64 {
    try Int64.fetchOne(cached("SELECT ifnull(max(id), 0) + 1 FROM lot")) ?? 1
  }

  /// Records new lots that already carry their ids (from `nextLotID` on), many to an INSERT.
  public func insertLots(_ lots: [LotRecord]) throws {
    try insertInBatches(
      lots, table: "lot",
      columns: """
        id, item_id, number, expiry, source_account_id, order_document_id, receipt_document_id,
        created_at
        """
    ) { insert, lot in
      insert.bind(lot.id)
      insert.bindColumns(of: lot)
    }
  }

  /// Inserts rows with multi-row INSERT statements of up to `batchSize` rows.
  private func insertInBatches<Value>(
    _ rows: [Value], table: String, columns: String, bind: (inout DirectInsert, Value) -> Void
  ) throws {
    let batchSize = 200
    let placeholders =
      "("
      + Array(repeating: "?", count: columns.split(separator: ",").count)
      .joined(separator: ",") + ")"
    var start = 0
    while start < rows.count {
      let end = Swift.min(start + batchSize, rows.count)
      var insert = try DirectInsert(
        db,
        sql: "INSERT INTO \(table) (\(columns)) VALUES "
          + Array(repeating: placeholders, count: end - start).joined(separator: ","))
      for row in rows[start..<end] { bind(&insert, row) }
      try insert.run()
      start = end
    }
  }

  private func chainTip() throws -> (id: Int64, hash: Data) {
    let tip = try Row.fetchOne(cached("SELECT id, hash FROM movement ORDER BY id DESC LIMIT 1"))
    return (tip?["id"] ?? 0, tip?["hash"] ?? HashChain.genesis)
  }

  /// The movements of a document, in the order they were posted.
  public func movements(ofDocument documentID: Int64) throws -> [MovementRecord] {
    try MovementRecord.fetchAll(
      cached("SELECT * FROM movement WHERE document_id = ? ORDER BY id"), arguments: [documentID]
    )
  }

  /// The effective date of the latest movement of a lot at an account, if any.
  public func latestEffectiveDate(accountID: Int64, lotID: Int64) throws -> String? {
    try String.fetchOne(
      cached(
        """
        SELECT max(effective_date) FROM movement
        WHERE lot_id = ? AND (from_account_id = ? OR to_account_id = ?)
        """), arguments: [lotID, accountID, accountID])
  }

  /// The lowest balance a lot has at an account on any day from `day` on, counting only
  /// movements effective on or before each day. Used to refuse backdated outflows that a
  /// later balance could not have covered.
  public func lowestBalance(accountID: Int64, lotID: Int64, from day: Day) throws -> Int64 {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT effective_date,
          sum(CASE WHEN to_account_id = ?1 THEN quantity ELSE -quantity END) AS change
        FROM movement
        WHERE lot_id = ?2 AND (from_account_id = ?1 OR to_account_id = ?1)
        GROUP BY effective_date ORDER BY effective_date
        """), arguments: [accountID, lotID])
    var running: Int64 = 0
    var lowest: Int64?
    for row in rows {
      let date: Day = try row.decode(forColumn: "effective_date")
      if date > day && lowest == nil { lowest = running }
      running += row["change"] as Int64
      if date > day, let current = lowest { lowest = Swift.min(current, running) }
    }
    return lowest ?? running
  }
}

extension DirectInsert {
  /// Binds a lot's columns after its id, in the order the lot INSERTs above name them.
  fileprivate mutating func bindColumns(of lot: LotRecord) {
    bind(lot.itemId)
    bind(lot.number)
    bind(lot.expiry)
    bind(lot.sourceAccountId)
    bind(lot.orderDocumentId)
    bind(lot.receiptDocumentId)
    bind(lot.createdAt)
  }
}
