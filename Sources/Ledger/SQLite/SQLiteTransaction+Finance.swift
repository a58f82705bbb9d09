import GRDB
import Ledger

extension SQLiteTransaction {
  // MARK: Invoices and payments

  /// Records an invoice and returns it as stored.
  public func insertInvoice(_ invoice: InvoiceRecord) throws -> InvoiceRecord {
    try invoice.insert(db)
    var stored = invoice
    stored.id = db.lastInsertedRowID
    return stored
  }

  /// The invoice a supplier numbered so, if recorded.
  public func invoice(supplierAccountID: Int64, number: String) throws -> InvoiceRecord? {
    try InvoiceRecord.fetchOne(
      cached("SELECT * FROM invoice WHERE supplier_account_id = ? AND number = ?"),
      arguments: [supplierAccountID, number])
  }

  /// The invoices of an order, or of every order, oldest first.
  public func invoices(orderDocumentID: Int64? = nil) throws -> [InvoiceRecord] {
    try InvoiceRecord.fetchAll(
      cached("SELECT * FROM invoice WHERE ?1 IS NULL OR order_document_id = ?1 ORDER BY id"),
      arguments: [orderDocumentID])
  }

  /// Records a payment and returns it as stored.
  public func insertPayment(_ payment: PaymentRecord) throws -> PaymentRecord {
    try payment.insert(db)
    var stored = payment
    stored.id = db.lastInsertedRowID
    return stored
  }

  /// The payments of an order, or of every order, oldest first.
  public func payments(orderDocumentID: Int64? = nil) throws -> [PaymentRecord] {
    try PaymentRecord.fetchAll(
      cached("SELECT * FROM payment WHERE ?1 IS NULL OR order_document_id = ?1 ORDER BY id"),
      arguments: [orderDocumentID])
  }

  /// Received, invoiced and paid per order, by supplier code then order, counting what is
  /// dated on or before `asOf`; only one supplier's or one order's when given.
  public func orderBalances(
    supplierAccountID: Int64? = nil, orderDocumentID: Int64? = nil, asOf: Day? = nil
  ) throws -> [OrderBalanceRow] {
    try Row.fetchAll(
      cached(
        """
        SELECT document.id, document.number, document.state, purchase_order.emergency,
          supplier.id AS supplier_id, supplier.code AS supplier_code,
          supplier.name AS supplier_name,
          (SELECT ifnull(sum(CASE WHEN m.from_account_id = supplier.id
              THEN m.value ELSE -m.value END), 0)
           FROM lot JOIN movement AS m ON m.lot_id = lot.id
           WHERE lot.order_document_id = document.id
             AND supplier.id IN (m.from_account_id, m.to_account_id)
             AND (?3 IS NULL OR m.effective_date <= ?3)) AS received,
          (SELECT ifnull(sum(amount), 0) FROM invoice
           WHERE order_document_id = document.id
             AND (?3 IS NULL OR invoice_date <= ?3)) AS invoiced,
          (SELECT ifnull(sum(amount), 0) FROM payment
           WHERE order_document_id = document.id AND (?3 IS NULL OR paid_on <= ?3)) AS paid,
          (SELECT ifnull(sum(amount), 0) FROM payment
           WHERE order_document_id = document.id AND prepayment = 1
             AND (?3 IS NULL OR paid_on <= ?3)) AS prepaid
        FROM document
          JOIN purchase_order ON purchase_order.document_id = document.id
          JOIN account AS supplier ON supplier.id = document.source_account_id
        WHERE (?1 IS NULL OR supplier.id = ?1) AND (?2 IS NULL OR document.id = ?2)
          AND (?3 IS NULL OR document.effective_date <= ?3)
        ORDER BY supplier.code, document.id
        """), arguments: [supplierAccountID, orderDocumentID, asOf]
    ).map { row in
      OrderBalanceRow(
        documentId: row["id"], number: row["number"],
        state: try DocumentState(stored: row["state"]),
        emergency: row["emergency"], supplierId: row["supplier_id"],
        supplierCode: row["supplier_code"], supplierName: row["supplier_name"],
        received: row["received"], invoiced: row["invoiced"], paid: row["paid"],
        prepaid: row["prepaid"])
    }
  }

  /// Per supplier, the value received from it outside any order (emergency receipts).
  public func receivedWithoutOrder(supplierAccountID: Int64? = nil, asOf: Day? = nil) throws
    -> [Int64: Int64]
  {
    let rows = try Row.fetchAll(
      cached(
        """
        SELECT lot.source_account_id AS supplier_id,
          sum(CASE WHEN m.from_account_id = lot.source_account_id
            THEN m.value ELSE -m.value END) AS value
        FROM lot JOIN account AS supplier ON supplier.id = lot.source_account_id
          JOIN movement AS m ON m.lot_id = lot.id
        WHERE supplier.kind = 'supplier' AND lot.order_document_id IS NULL
          AND lot.source_account_id IN (m.from_account_id, m.to_account_id)
          AND (?1 IS NULL OR lot.source_account_id = ?1)
          AND (?2 IS NULL OR m.effective_date <= ?2)
        GROUP BY lot.source_account_id
        """), arguments: [supplierAccountID, asOf])
    return Dictionary(uniqueKeysWithValues: rows.map { ($0["supplier_id"], $0["value"]) })
  }

  // MARK: Periods

  /// Closes an accounting month.
  public func insertPeriodClose(_ record: PeriodCloseRecord) throws {
    try execute(
      sql: "INSERT INTO period_close (period, closed_by, closed_at) VALUES (?, ?, ?)",
      arguments: [record.period, record.closedBy, record.closedAt])
  }

  /// Every closed month, oldest first.
  public func periodCloses() throws -> [PeriodCloseRecord] {
    try PeriodCloseRecord.fetchAll(cached("SELECT * FROM period_close ORDER BY period"))
  }
}
