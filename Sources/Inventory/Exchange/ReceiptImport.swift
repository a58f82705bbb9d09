import Ledger

/// One checked row of a receipts file, by ids: a hundred thousand of them stay light.
private struct ReceiptLine {
  var line: Int
  /// The order's document id; nil in an emergency import.
  var order: Int64?
  var supplier: Int64
  var warehouse: Int64
  var item: Int64
  var tracking: Tracking
  var quantity: Int64
  /// The lot or serial number.
  var number: String?
  var expiry: Day?
  /// The line's value in fen, for a row without an order.
  var value: Int64?
  var rejected: Int64
  var reason: String?

  var lotKey: LotIdentityKey? {
    number.map { LotIdentityKey(item: item, number: $0, source: supplier, order: order) }
  }
}

/// A lot's identity (SPEC §2): item, number, source and order.
private struct LotIdentityKey: Hashable {
  var item: Int64
  var number: String
  var source: Int64
  var order: Int64?
}

/// The anonymous stock layer of an untracked item from one source under one order.
private struct LayerKey: Hashable {
  var item: Int64
  var source: Int64
  var order: Int64?
}

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

/// Everything looked up once while a receipts file is checked.
private struct ReceiptImportState {
  var items: [String: (record: ItemRecord, units: UnitTable)] = [:]
  var warehouses: [String: AccountRecord] = [:]
  var suppliers: [String: AccountRecord] = [:]
  /// Orders by number, and what earlier rows accept of each order's items.
  var orders: [String: OrderContext] = [:]
  var ordersByID: [Int64: String] = [:]
  var accepted: [Int64: [Int64: Int64]] = [:]
  /// Known lots: those stored, loaded per source and order, and those earlier rows bring.
  var lots: [LotIdentityKey: (lot: LotRecord?, expiry: Day?)] = [:]
  var loadedSources: Set<LotIdentityKey> = []
  /// The one anonymous layer of each untracked item per source and order (SPEC §2).
  var layers: [LayerKey: LotRecord] = [:]
  var serials: [Int64: Set<String>] = [:]
  var days: [String: Day] = [:]
  /// Item and account codes by id, for the summaries.
  var itemCodes: [Int64: String] = [:]
  var accountCodes: [Int64: String] = [:]
}

extension Session {
  /// The columns of a receipts file (README): the fields of `depot receive`.
  static let receiptColumns = (
    required: ["warehouse", "item", "qty"],
    optional: [
      "order", "supplier", "unit", "lot", "expiry", "serial", "value", "rejected", "reason",
    ]
  )

  /// Receives every row of a file, or none: rows against orders become one receipt per
  /// order and warehouse; in an emergency import (`justification` given), rows name their
  /// supplier and value and become one signed receipt per supplier and warehouse.
  func importReceipts(
    _ table: CSVTable, justification rawJustification: String?, digest: String
  ) throws -> [ImportSummary.Receipt] {
    let justification = try rawJustification.map {
      try Text.checked($0, field: .justification, maximumLength: 2000)
    }
    let columns = ReceiptColumns(table)
    var problems = table.problems
    var state = ReceiptImportState()
    state.lots.reserveCapacity(table.rows.count)
    var lines: [ReceiptLine] = []
    lines.reserveCapacity(table.rows.count)
    for row in table.rows {
      do {
        lines.append(
          try check(row, columns, emergency: justification != nil, state: &state))
      } catch let error as DepotError {
        problems.append(ImportProblem(line: row.line, refusal: error, columns: Self.receiptColumns))
      }
    }
    guard problems.isEmpty else { throw ImportFailure(problems: problems) }
    var order: [ReceiptGroup] = []
    var groups: [ReceiptGroup: [Int]] = [:]
    for (index, line) in lines.enumerated() {
      let group = ReceiptGroup(
        order: line.order, supplier: line.supplier, warehouse: line.warehouse)
      if groups[group] == nil { order.append(group) }
      groups[group, default: []].append(index)
    }
    return try order.map { group in
      try post(
        (groups[group] ?? []).map { lines[$0] }, state: &state, justification: justification,
        digest: digest)
    }
  }

  private func check(
    _ row: CSVTable.Row, _ columns: ReceiptColumns, emergency: Bool,
    state: inout ReceiptImportState
  ) throws -> ReceiptLine {
    let warehouse = try cached(row[columns.warehouse], in: &state.warehouses, field: .warehouse) {
      try location($0, kind: .warehouse)
    }
    guard let itemCode = row[columns.item] else {
      throw DepotError.invalidOption(field: .item, reason: "is required")
    }
    if state.items[itemCode] == nil {
      let record = try item(itemCode)
      state.items[itemCode] = (record, try units(of: record))
      state.itemCodes[record.id] = record.code
    }
    let (item, units) = state.items[itemCode]!
    let unit = row[columns.unit]
    let quantity = try Self.quantity(row[columns.qty], unit: unit, units: units, field: .quantity)
    let named = try row[columns.supplier].map { code in
      try cached(code, in: &state.suppliers, field: .supplier) {
        try party($0, kind: .supplier)
      }
    }
    let supplier: (id: Int64, code: String)
    var orderID: Int64?
    var value: Int64?
    if emergency {
      guard row[columns.order] == nil else {
        throw DepotError.invalidOption(
          field: .order, reason: "must be empty in an emergency import")
      }
      guard let named else {
        throw DepotError.invalidOption(field: .supplier, reason: "is required without an order")
      }
      guard let text = row[columns.value], let fen = Money.parseYuan(text),
        (0...Money.maximumFen).contains(fen)
      else { throw DepotError.invalidMoney(field: .value, text: row[columns.value] ?? "") }
      supplier = (named.id, named.code)
      value = fen
    } else {
      guard let number = row[columns.order] else { throw DepotError.orderRequired }
      guard row[columns.value] == nil else {
        throw DepotError.invalidOption(
          field: .value, reason: "comes from the prices of \(number); leave it empty")
      }
      if state.orders[number] == nil {
        let order = try purchaseOrder(
          number, allowing: [.ordered, .partiallyReceived], to: .partiallyReceived)
        state.orders[number] = order
        state.ordersByID[order.document.id] = number
        state.accepted[order.document.id] = Dictionary(
          uniqueKeysWithValues: order.lines.map { ($0.itemId, 0) })
      }
      let order = state.orders[number]!
      if let named, named.id != order.supplier.id {
        throw DepotError.wrongSupplier(
          document: number, supplier: order.supplier.code, given: named.code)
      }
      supplier = (order.supplier.id, order.supplier.code)
      orderID = order.document.id
      guard let earlier = state.accepted[order.document.id]?[item.id],
        let line = order.lines.first(where: { $0.itemId == item.id })
      else { throw DepotError.notOnDocument(document: number, item: item.code) }
      guard earlier + quantity <= line.outstanding else {
        throw DepotError.exceedsOrdered(
          document: number, item: item.code, outstanding: line.outstanding - earlier,
          asked: quantity)
      }
    }
    state.accountCodes[warehouse.id] = warehouse.code
    state.accountCodes[supplier.id] = supplier.code
    var receipt = ReceiptLine(
      line: row.line, order: orderID, supplier: supplier.id, warehouse: warehouse.id,
      item: item.id, tracking: item.tracking, quantity: quantity,
      value: value, rejected: 0)
    try checkTracking(row, columns, &receipt, item: item, state: &state)
    if let rejected = row[columns.rejected] {
      receipt.rejected = try Self.quantity(rejected, unit: unit, units: units, field: .rejected)
      guard let reason = row[columns.reason] else {
        throw DepotError.reasonRequired(action: "reject goods at inspection")
      }
      receipt.reason = try Text.checked(reason, field: .reason, maximumLength: 2000)
    } else if row[columns.reason] != nil {
      throw DepotError.invalidOption(field: .reason, reason: "goes with rejected")
    }
    if let orderID { state.accepted[orderID]![item.id]! += quantity }
    return receipt
  }

  /// Lot, expiry and serial against the item's tracking, and the lot's identity against
  /// what is stored and what earlier rows bring.
  private func checkTracking(
    _ row: CSVTable.Row, _ columns: ReceiptColumns, _ receipt: inout ReceiptLine,
    item: ItemRecord, state: inout ReceiptImportState
  ) throws {
    let (lot, serial) = (row[columns.lot], row[columns.serial])
    let expiry = try row[columns.expiry].map { text in
      if let day = state.days[text] { return day }
      guard let day = Day(text) else { throw DepotError.invalidDate(field: .expiry, text: text) }
      state.days[text] = day
      return day
    }
    if let expiry, expiry < effectiveDate {
      throw DepotError.lotExpired(item: item.code, lot: lot ?? serial ?? "-", expiry: expiry)
    }
    receipt.expiry = expiry
    switch receipt.tracking {
    case .none:
      guard lot == nil, expiry == nil else { throw DepotError.notLotTracked(item: item.code) }
      guard serial == nil else { throw DepotError.notSerialTracked(item: item.code) }
    case .lot:
      guard serial == nil else { throw DepotError.notSerialTracked(item: item.code) }
      guard let lot else { throw DepotError.lotRequired(item: item.code) }
      guard let expiry else { throw DepotError.expiryRequired(item: item.code) }
      receipt.number = try Text.checkedIdentifier(lot, field: .lot, maximumLength: 64)
      let key = receipt.lotKey!
      try loadLots(like: key, state: &state)
      if let known = state.lots[key] {
        guard known.expiry == receipt.expiry else {
          throw DepotError.lotExpiryConflict(
            item: item.code, lot: key.number, recorded: known.expiry?.description ?? "none",
            given: expiry.description)
        }
      } else {
        state.lots[key] = (nil, receipt.expiry)
      }
    case .serial:
      guard lot == nil else { throw DepotError.notLotTracked(item: item.code) }
      guard let serial else { throw DepotError.serialsRequired(item: item.code) }
      guard receipt.quantity == 1 else {
        throw DepotError.serialCountMismatch(
          item: item.code, quantity: receipt.quantity, serials: 1)
      }
      let number = try Text.checkedIdentifier(serial, field: .serial, maximumLength: 64)
      if state.serials[item.id] == nil {
        state.serials[item.id] = try transaction.lotNumbers(itemID: item.id)
      }
      guard state.serials[item.id]!.insert(number).inserted else {
        throw DepotError.duplicateSerial(item: item.code, serial: number)
      }
      receipt.number = number
    }
  }

  /// Loads once the stored lots of a lot's source and order.
  private func loadLots(like key: LotIdentityKey, state: inout ReceiptImportState) throws {
    let source = LotIdentityKey(item: 0, number: "", source: key.source, order: key.order)
    guard state.loadedSources.insert(source).inserted else { return }
    for lot in try transaction.lots(sourceAccountID: key.source, orderDocumentID: key.order) {
      guard let number = lot.number else { continue }
      let stored = LotIdentityKey(
        item: lot.itemId, number: number, source: key.source, order: key.order)
      state.lots[stored] = (lot, lot.expiry)
    }
  }

  /// Posts one receipt document for a group of checked rows: new lots and movements go to
  /// the ledger in batches.
  private func post(
    _ lines: [ReceiptLine], state: inout ReceiptImportState, justification: String?,
    digest: String
  ) throws -> ImportSummary.Receipt {
    let first = lines[0]
    let orderNumber = first.order.flatMap { state.ordersByID[$0] }
    var order = orderNumber.flatMap { state.orders[$0] }
    let document = try newDocument(
      .receipt, state: .posted, source: first.supplier, destination: first.warehouse)
    let (recordedAt, effective) = (now, effectiveDate)
    var accepted: [Int64: Int64] = [:]
    var rejected: [Int64: Int64] = [:]
    var total: Int64 = 0
    var nextLotID = try transaction.nextLotID()
    var newLots: [LotRecord] = []
    var drafts: [MovementDraft] = []
    drafts.reserveCapacity(lines.count)
    for line in lines {
      var lot: LotRecord
      let layer = LayerKey(item: line.item, source: line.supplier, order: line.order)
      if let key = line.lotKey, let known = state.lots[key]?.lot {
        lot = known
      } else if line.tracking == .none,
        let known = try state.layers[layer]
          ?? transaction.anonymousLot(
            itemID: line.item, sourceAccountID: line.supplier, orderDocumentID: line.order)
      {
        lot = known
        state.layers[layer] = known
      } else {
        lot = LotRecord(
          id: nextLotID, itemId: line.item, number: line.number, expiry: line.expiry,
          sourceAccountId: line.supplier, orderDocumentId: line.order,
          receiptDocumentId: document.id, createdAt: recordedAt)
        nextLotID += 1
        newLots.append(lot)
        if let key = line.lotKey, line.tracking == .lot {
          state.lots[key] = (lot, line.expiry)
        }
        if line.tracking == .none { state.layers[layer] = lot }
      }
      var value = line.value ?? 0
      if let index = order?.lines.firstIndex(where: { $0.itemId == line.item }) {
        let before = order!.lines[index].received
        value =
          try order!.lines[index].value(of: before + line.quantity)
          - order!.lines[index].value(of: before)
        order!.lines[index].received += line.quantity
        order!.lines[index].rejected += line.rejected
      }
      drafts.append(
        MovementDraft(
          lot: lot, fromAccountId: line.supplier, toAccountId: line.warehouse,
          quantity: line.quantity, value: value, documentId: document.id, actorId: actor.id,
          effectiveDate: effective, recordedAt: recordedAt))
      if let reason = line.reason, line.rejected > 0 {
        try transaction.insertRejection(
          RejectionRecord(
            documentId: document.id, orderDocumentId: line.order, itemId: line.item,
            lotNumber: line.number, quantity: line.rejected, reason: reason))
        rejected[line.item, default: 0] += line.rejected
      }
      accepted[line.item, default: 0] += line.quantity
      total += value
    }
    try transaction.insertLots(newLots)
    try transaction.post(drafts)
    func totals(_ name: String, _ quantities: [Int64: Int64]) -> [(String, String?)] {
      quantities.map { (code: state.itemCodes[$0.key] ?? "?", quantity: $0.value) }
        .sorted { $0.code < $1.code }.map { (name, "\($0.code)=\($0.quantity)") }
    }
    let summary = totals("accepted", accepted) + totals("rejected", rejected)
    let payload = Payload(
      [("import", digest), ("order", orderNumber), ("lines", String(lines.count))] + summary
        + [("value", Money.yuan(total))])
    try recordOpening(
      of: document, action: justification == nil ? "receipt.post" : "receipt.emergency",
      reason: justification, payload: payload)
    if var placed = order {
      for line in placed.lines { try transaction.update(line) }
      try recordReceipt(on: &placed, receipt: document, lines: summary)
      state.orders[placed.document.number] = placed
    }
    return ImportSummary.Receipt(
      number: document.number, order: orderNumber,
      supplier: state.accountCodes[first.supplier] ?? "?",
      warehouse: state.accountCodes[first.warehouse] ?? "?", lines: lines.count)
  }

  /// An account looked up once per code.
  private func cached(
    _ code: String?, in cache: inout [String: AccountRecord], field: Field,
    _ lookup: (String) throws -> AccountRecord
  ) throws -> AccountRecord {
    guard let code else { throw DepotError.invalidOption(field: field, reason: "is required") }
    if let account = cache[code] { return account }
    let account = try lookup(code)
    cache[code] = account
    return account
  }

  /// A typed quantity in base units, positive and whole.
  private static func quantity(
    _ text: String?, unit: String?, units: UnitTable, field: Field
  ) throws -> Int64 {
    guard let text else { throw DepotError.invalidOption(field: field, reason: "is required") }
    do throws(QuantityError) {
      return try units.baseQuantity(of: QuantityAmount.parse(text, unit: unit))
    } catch {
      throw DepotError.invalidQuantity(field: field, reason: error.reason)
    }
  }
}
