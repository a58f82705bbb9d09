import GRDB
import Ledger

extension SQLiteTransaction: ProcurementLedger {
  // MARK: Requests

  /// Records the procurement part of a new PR document.
  public func insertPurchaseRequest(
    _ request: PurchaseRequestRecord, lines: [PurchaseRequestLineRecord]
  ) throws {
    try insert(part: request, lines: lines)
  }

  /// The procurement part of a PR document.
  public func purchaseRequest(documentID: Int64) throws -> PurchaseRequestRecord? {
    try part(PurchaseRequestRecord.self, documentID: documentID)
  }

  /// A request's lines, in the order they were requested.
  public func purchaseRequestLines(documentID: Int64) throws -> [PurchaseRequestLineRecord] {
    try lines(PurchaseRequestLineRecord.self, documentID: documentID)
  }

  /// Saves a request line's decisions.
  public func update(_ line: PurchaseRequestLineRecord) throws {
    try line.update(db)
  }

  // MARK: Orders

  /// Records the procurement part of a new PO document.
  public func insertPurchaseOrder(_ order: PurchaseOrderRecord, lines: [PurchaseOrderLineRecord])
    throws
  {
    try insert(part: order, lines: lines)
  }

  /// The procurement part of a PO document.
  public func purchaseOrder(documentID: Int64) throws -> PurchaseOrderRecord? {
    try part(PurchaseOrderRecord.self, documentID: documentID)
  }

  /// The order placed from a request, if any.
  public func purchaseOrder(requestDocumentID: Int64) throws -> PurchaseOrderRecord? {
    try one(PurchaseOrderRecord.self, where: "request_document_id", is: requestDocumentID)
  }

  /// An order's lines, in the order of its request.
  public func purchaseOrderLines(documentID: Int64) throws -> [PurchaseOrderLineRecord] {
    try lines(PurchaseOrderLineRecord.self, documentID: documentID)
  }

  /// Saves an order line's received and rejected quantities.
  public func update(_ line: PurchaseOrderLineRecord) throws {
    try execute(
      sql: """
        UPDATE purchase_order_line SET received = ?, rejected = ?
        WHERE document_id = ? AND item_id = ?
        """, arguments: [line.received, line.rejected, line.documentId, line.itemId])
  }

  /// Requests and orders, newest first; `states` keeps only those in one of them.
  public func procurementDocuments(states: [DocumentState]?) throws -> [ProcurementSummaryRow] {
    var filter = ""
    var arguments = StatementArguments()
    if let states {
      filter = " AND document.state IN (\(states.map { _ in "?" }.joined(separator: ",")))"
      arguments = StatementArguments(states.map(\.rawValue))
    }
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT document.*, users.name AS created_by_name, supplier.code AS supplier_code,
          ifnull(purchase_order.emergency, 0) AS emergency
        FROM document
          JOIN users ON users.id = document.created_by
          LEFT JOIN account AS supplier
            ON supplier.id = document.source_account_id AND document.kind = 'PO'
          LEFT JOIN purchase_order ON purchase_order.document_id = document.id
        WHERE document.kind IN ('PR', 'PO')\(filter)
        ORDER BY document.id DESC
        """), arguments: arguments)
    return try rows.map { row in
      ProcurementSummaryRow(
        document: try DocumentRecord(row: row), createdByName: row["created_by_name"],
        supplierCode: row["supplier_code"], emergency: row["emergency"])
    }
  }

  // MARK: Receipts and rejections

  /// Records goods refused at inspection.
  public func insertRejection(_ rejection: RejectionRecord) throws {
    try rejection.insert(db)
  }

  /// The receipt movements of an order's lots, in posting order.
  public func orderReceipts(orderDocumentID: Int64, supplierAccountID: Int64) throws
    -> [OrderReceiptRow]
  {
    try Row.fetchAll(
      cached(
        """
        SELECT document.number, m.effective_date, item.code, lot.number AS lot_number,
          lot.expiry,
          CASE WHEN m.from_account_id = ?2 THEN m.quantity ELSE -m.quantity END AS quantity,
          CASE WHEN m.from_account_id = ?2 THEN m.value ELSE -m.value END AS value
        FROM lot JOIN movement AS m ON m.lot_id = lot.id
          JOIN document ON document.id = m.document_id JOIN item ON item.id = m.item_id
        WHERE lot.order_document_id = ?1 AND ?2 IN (m.from_account_id, m.to_account_id)
        ORDER BY m.id
        """), arguments: [orderDocumentID, supplierAccountID]
    ).map { row in
      OrderReceiptRow(
        documentNumber: row["number"], effectiveDate: try row.decode(forColumn: "effective_date"),
        itemCode: row["code"], lotNumber: row["lot_number"],
        expiry: try row.decode(forColumn: "expiry"),
        quantity: row["quantity"], value: row["value"])
    }
  }

  /// The rejections recorded against an order, or with one receipt or donation.
  public func rejections(orderDocumentID: Int64? = nil, documentID: Int64? = nil) throws
    -> [RejectionRow]
  {
    try Row.fetchAll(
      cached(
        """
        SELECT document.number, item.code, r.lot_number, r.quantity, r.reason
        FROM receipt_rejection AS r
          JOIN document ON document.id = r.document_id JOIN item ON item.id = r.item_id
        WHERE (?1 IS NULL OR r.order_document_id = ?1) AND (?2 IS NULL OR r.document_id = ?2)
          AND (?2 IS NOT NULL OR r.document_id NOT IN (\(Self.reversedDocuments)))
        ORDER BY r.id
        """), arguments: [orderDocumentID, documentID]
    ).map { row in
      RejectionRow(
        documentNumber: row["number"], itemCode: row["code"], lotNumber: row["lot_number"],
        quantity: row["quantity"], reason: row["reason"])
    }
  }

  // MARK: Verification

  /// Every order line with the ledger's receipt movements and rejections for it.
  public func orderLineFlows() throws -> [OrderLineFlow] {
    try Row.fetchAll(
      cached(
        """
        WITH moved AS (
          SELECT lot.order_document_id AS order_id, m.item_id,
            sum(CASE WHEN m.from_account_id = document.source_account_id
              THEN m.quantity ELSE -m.quantity END) AS quantity,
            sum(CASE WHEN m.from_account_id = document.source_account_id
              THEN m.value ELSE -m.value END) AS value
          FROM lot JOIN document ON document.id = lot.order_document_id
            JOIN movement AS m ON m.lot_id = lot.id
          WHERE lot.order_document_id IS NOT NULL
            AND document.source_account_id IN (m.from_account_id, m.to_account_id)
          GROUP BY lot.order_document_id, m.item_id),
        refused AS (
          SELECT order_document_id AS order_id, item_id, sum(quantity) AS quantity
          FROM receipt_rejection
          WHERE order_document_id IS NOT NULL
            AND document_id NOT IN (\(Self.reversedDocuments))
          GROUP BY order_document_id, item_id)
        SELECT line.*, document.number AS order_number, item.code AS item_code,
          ifnull(moved.quantity, 0) AS moved_quantity, ifnull(moved.value, 0) AS moved_value,
          ifnull(refused.quantity, 0) AS rejected_quantity
        FROM purchase_order_line AS line
          JOIN document ON document.id = line.document_id JOIN item ON item.id = line.item_id
          LEFT JOIN moved ON moved.order_id = line.document_id AND moved.item_id = line.item_id
          LEFT JOIN refused
            ON refused.order_id = line.document_id AND refused.item_id = line.item_id
        ORDER BY line.document_id, line.position
        """
      )
    ).map { row in
      OrderLineFlow(
        orderNumber: row["order_number"], itemCode: row["item_code"],
        line: try PurchaseOrderLineRecord(row: row), movedQuantity: row["moved_quantity"],
        movedValue: row["moved_value"], rejectedQuantity: row["rejected_quantity"])
    }
  }

  /// The first lot that names an order but whose item is not on it, as (order, item).
  public func firstLotOffItsOrder() throws -> (order: String, item: String)? {
    try Row.fetchOne(
      cached(
        """
        SELECT document.number, item.code FROM lot
          JOIN document ON document.id = lot.order_document_id JOIN item ON item.id = lot.item_id
        WHERE lot.order_document_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM purchase_order_line AS line
          WHERE line.document_id = lot.order_document_id AND line.item_id = lot.item_id)
        ORDER BY lot.id LIMIT 1
        """
      )
    ).map { ($0["number"], $0["code"]) }
  }
}
