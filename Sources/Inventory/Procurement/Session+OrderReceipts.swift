import Ledger

/// What inspection refused of one receipt line.
struct Inspection {
  var quantity: Int64
  var reason: String
  var lot: String?
}

extension Session {
  /// The refused part of a receipt line, checked: a quantity always with its reason.
  func inspection(of request: ReceiptRequest, item: ItemRecord) throws -> Inspection? {
    guard let amount = request.rejected else {
      guard request.rejectionReason == nil else {
        throw DepotError.invalidOption(field: .reason, reason: "goes with \(Field.rejected)")
      }
      return nil
    }
    let quantity = try baseQuantity(of: amount, item, field: .rejected)
    guard let reason = request.rejectionReason else {
      throw DepotError.reasonRequired(action: "reject goods at inspection")
    }
    return Inspection(
      quantity: quantity,
      reason: try Text.checked(reason, field: .reason, maximumLength: 2000, lineBreaks: true),
      lot: try request.lot.map { try Text.checkedIdentifier($0, field: .lot, maximumLength: 64) }
    )
  }

  /// Records what inspection refused with a receipt or donation.
  func reject(
    _ inspection: Inspection?, of item: ItemRecord, on document: DocumentRecord,
    order: DocumentRecord?
  ) throws -> [PostedDocument.Rejection] {
    guard let inspection else { return [] }
    try transaction.insertRejection(
      RejectionRecord(
        documentId: document.id, orderDocumentId: order?.id, itemId: item.id,
        lotNumber: inspection.lot, quantity: inspection.quantity, reason: inspection.reason))
    return [
      PostedDocument.Rejection(
        item: item.code, lot: inspection.lot, quantity: inspection.quantity,
        unit: item.baseUnit, reason: inspection.reason)
    ]
  }

  /// Receives a line against a purchase order: no more than is ordered and not yet received,
  /// valued at the order's price so that all of a line's receipts add up to its value.
  func receiveOrdered(
    _ request: ReceiptRequest, order number: String, item: ItemRecord, quantity: Int64,
    into warehouse: AccountRecord, inspection: Inspection?, note: String?
  ) throws -> PostedDocument {
    if request.isEmergency {
      throw DepotError.invalidOption(
        field: .emergency, reason: "is for receipts without an order")
    }
    guard request.value == nil else {
      throw DepotError.invalidOption(
        field: .value, reason: "comes from the prices of \(number); leave it out")
    }
    var order = try purchaseOrder(
      number, allowing: [.ordered, .partiallyReceived], to: .partiallyReceived)
    if let source = request.source, source != order.supplier.code {
      throw DepotError.wrongSupplier(
        document: number, supplier: order.supplier.code, given: source)
    }
    guard let index = order.lines.firstIndex(where: { $0.itemId == item.id }) else {
      throw DepotError.notOnDocument(document: number, item: item.code)
    }
    let line = order.lines[index]
    guard quantity <= line.outstanding else {
      throw DepotError.exceedsOrdered(
        document: number, item: item.code, outstanding: line.outstanding, asked: quantity)
    }
    let value = try line.value(of: line.received + quantity) - line.value(of: line.received)
    let document = try newDocument(
      .receipt, state: .posted, source: order.supplier.id, destination: warehouse.id, note: note)
    let lines = try receive(
      IncomingStock(
        item: item, quantity: quantity, lotNumber: request.lot, expiry: request.expiry,
        serials: request.serials, value: value),
      from: order.supplier, into: warehouse, document: document, order: order.document)
    let rejections = try reject(inspection, of: item, on: document, order: order.document)
    order.lines[index].received += quantity
    order.lines[index].rejected += inspection?.quantity ?? 0
    try transaction.update(order.lines[index])
    try recordOpening(
      of: document, action: "receipt.post",
      payload: Payload(
        [("order", number)]
          + Payload(lines: lines, note: note, rejections: rejections).optionalFields))
    try recordReceipt(
      on: &order, receipt: document,
      lines: [("accepted", "\(item.code)=\(quantity)")]
        + (inspection.map { [("rejected", "\(item.code)=\($0.quantity)")] } ?? []))
    return PostedDocument(document, lines: lines, order: number, rejections: rejections)
  }
}

extension Payload {
  /// The fields, to prepend or append others.
  var optionalFields: [(String, String?)] { fields.map { ($0.name, $0.value) } }
}
