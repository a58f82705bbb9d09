import Ledger

/// The rows that become one receipt document: one order (or supplier) into one warehouse.
private struct ReceiptGroup: Hashable {
  var order: Int64?
  var supplier: Int64
  var warehouse: Int64
}

/// Where each column of a receipts file is.
private struct ReceiptColumns {
  var order, supplier, warehouse, item, qty, unit, lot, expiry, serial, value, rejected,
    reason: Int?

  init(_ table: CSVTable) {
    let at = { (name: String) in table.columns[name] }
    (order, supplier, warehouse, item, qty, unit) = (
      at("order"), at("supplier"), at("warehouse"), at("item"), at("qty"), at("unit")
    )
    (lot, expiry, serial, value, rejected, reason) = (
      at("lot"), at("expiry"), at("serial"), at("value"), at("rejected"), at("reason")
    )
  }
}

extension Session {
  /// The columns of a receipts file (README): the fields of `depot receive`, the supplier
  /// standing for its `--from`.
  static let receiptColumns = (
    required: ["warehouse", "item", "qty"],
    optional: [
      "order", "supplier", "unit", "lot", "expiry", "serial", "value", "rejected", "reason",
    ]
  )

  /// Receives every row of a file, or none: each row is checked by the rules of `depot
  /// receive` (`checkReceipt`) as if received after the rows above it; rows against orders
  /// become one receipt per order and warehouse, and in an emergency import
  /// (`justification` given) rows name their supplier and value and become one signed
  /// receipt per supplier and warehouse, each posted in batches (`postReceipt`).
  func importReceipts(
    _ table: CSVTable, justification rawJustification: String?, digest: String
  ) throws -> [ImportSummary.Receipt] {
    let justification = try ReceiptRequest.checkedJustification(rawJustification)
    let columns = ReceiptColumns(table)
    var problems = table.problems
    var book = ReceiptBook(loadsAtOnce: true)
    book.lots.reserveCapacity(table.rows.count)
    var days: [String: Day] = [:]
    var lines: [CheckedReceiptLine] = []
    lines.reserveCapacity(table.rows.count)
    for row in table.rows {
      do {
        let request = try Self.receiptRequest(
          row, columns, justification: justification, days: &days)
        lines.append(try checkReceipt(request, book: &book))
      } catch let error as DepotError {
        problems.append(
          ImportProblem(
            line: row.line, refusal: error, columns: Self.receiptColumns,
            aliases: [.from: "supplier"]))
      }
    }
    guard problems.isEmpty else { throw ImportFailure(problems: problems) }
    var order: [ReceiptGroup] = []
    var groups: [ReceiptGroup: [Int]] = [:]
    for (index, line) in lines.enumerated() {
      let group = ReceiptGroup(order: line.order, supplier: line.source, warehouse: line.warehouse)
      if groups[group] == nil { order.append(group) }
      groups[group, default: []].append(index)
    }
    return try order.map { group in
      let rows = (groups[group] ?? []).map { lines[$0] }
      let posted = try postReceipt(
        rows, donation: false, justification: justification, record: .imported(digest: digest),
        book: &book)
      return ImportSummary.Receipt(
        number: posted.document.number, order: posted.order,
        supplier: book.accountsByID[group.supplier]?.code ?? "?",
        warehouse: book.accountsByID[group.warehouse]?.code ?? "?", lines: rows.count)
    }
  }

  /// A row as the request of `depot receive`, its text read as the command line reads the
  /// options: quantities with the row's unit, the expiry as a day, the value in yuan.
  private static func receiptRequest(
    _ row: CSVTable.Row, _ columns: ReceiptColumns, justification: String?,
    days: inout [String: Day]
  ) throws -> ReceiptRequest {
    guard let warehouse = row[columns.warehouse] else {
      throw DepotError.invalidOption(field: .warehouse, reason: "is required")
    }
    guard let item = row[columns.item] else {
      throw DepotError.invalidOption(field: .item, reason: "is required")
    }
    let unit = row[columns.unit]
    let expiry = try row[columns.expiry].map { text in
      if let day = days[text] { return day }
      guard let day = Day(text) else { throw DepotError.invalidDate(field: .expiry, text: text) }
      days[text] = day
      return day
    }
    let value = try row[columns.value].map { text in
      guard let fen = Money.parseYuan(text) else {
        throw DepotError.invalidMoney(field: .value, text: text)
      }
      return fen
    }
    return ReceiptRequest(
      order: row[columns.order], source: row[columns.supplier], warehouse: warehouse,
      item: item, quantity: try amount(row[columns.qty], unit: unit, field: .quantity),
      lot: row[columns.lot], expiry: expiry, serials: row[columns.serial].map { [$0] } ?? [],
      value: value, rejected: try amount(row[columns.rejected], unit: unit, field: .rejected),
      rejectionReason: row[columns.reason], emergencyJustification: justification)
  }

  /// A typed amount with the row's unit, if the cell holds one.
  private static func amount(_ text: String?, unit: String?, field: Field) throws
    -> QuantityAmount?
  {
    guard let text else { return nil }
    do throws(QuantityError) {
      return try QuantityAmount.parse(text, unit: unit)
    } catch {
      throw DepotError.invalidQuantity(field: field, reason: error.reason)
    }
  }
}
