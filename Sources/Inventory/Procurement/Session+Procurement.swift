import Ledger

/// A PO document with its order record, lines and supplier.
struct OrderContext {
  var document: DocumentRecord
  var order: PurchaseOrderRecord
  var lines: [PurchaseOrderLineRecord]
  var supplier: AccountRecord

  /// The value of the whole order at its prices, in fen.
  var orderedValue: Int64 {
    get throws { try lines.reduce(0) { $0 + (try $1.value(of: $1.ordered)) } }
  }

  /// `partially received` until every line is in, then `received`.
  var stateAfterReceipt: DocumentState {
    lines.allSatisfy { $0.outstanding == 0 } ? .received : .partiallyReceived
  }
}

extension PurchaseOrderLineRecord {
  /// The value of `quantity` of this line at its price; orders are refused whose lines
  /// would not fit, so a line that does not fit was edited by hand.
  func value(of quantity: Int64) throws -> Int64 {
    guard quantity >= 0, price >= 0, pricePer > 0,
      let value = Money.value(of: quantity, price: price, per: pricePer)
    else {
      throw DepotError.damagedDatabase(
        "an order line's price (\(price) fen per \(pricePer)) gives no value for \(quantity)")
    }
    return value
  }

  /// The price as typed: `3.20`, or `150.00/box`.
  var priceText: String {
    guard let priceUnit else { return Money.yuan(price) }
    return "\(Money.yuan(price))/\(priceUnit)"
  }
}

extension Session {
  /// A PR document with its request record and lines, refused unless it is in `states`, for
  /// a step to `target`.
  func purchaseRequest(
    _ number: String, allowing states: [DocumentState], to target: DocumentState
  ) throws -> (DocumentRecord, PurchaseRequestRecord, [PurchaseRequestLineRecord]) {
    let document = try document(number, kind: .purchaseRequest)
    let request = try part(
      transaction.purchaseRequest(documentID: document.id), of: document, "request")
    try checkState(of: document, allowing: states, to: target.step)
    return (document, request, try transaction.purchaseRequestLines(documentID: document.id))
  }

  /// A PO document with everything about it, refused unless it is in `states`, for a step
  /// to `target`.
  func purchaseOrder(
    _ number: String, allowing states: [DocumentState], to target: DocumentState
  ) throws -> OrderContext {
    try purchaseOrder(number, allowing: states, to: target.step)
  }

  /// A PO document with everything about it, refused unless it is in `states`, for `step`
  /// ("invoiced").
  func purchaseOrder(_ number: String, allowing states: [DocumentState], to step: String) throws
    -> OrderContext
  {
    let order = try purchaseOrder(number)
    try checkState(of: order.document, allowing: states, to: step)
    return order
  }

  /// A PO document with everything about it.
  func purchaseOrder(_ number: String) throws -> OrderContext {
    let document = try document(number, kind: .purchaseOrder)
    let order = try part(transaction.purchaseOrder(documentID: document.id), of: document, "order")
    return OrderContext(
      document: document, order: order,
      lines: try transaction.purchaseOrderLines(documentID: document.id),
      supplier: try account(document.sourceAccountId))
  }

  /// Received, invoiced and paid on an order now.
  func account(of order: OrderContext) throws -> OrderAccount {
    let balance = try transaction.orderBalances(
      supplierAccountID: nil, orderDocumentID: order.document.id, asOf: nil
    ).first
    return OrderAccount(
      ordered: try order.orderedValue, received: balance?.received ?? 0,
      invoiced: balance?.invoiced ?? 0, paid: balance?.paid ?? 0)
  }

  /// Moves an order on after a receipt, recording the step on the order.
  func recordReceipt(
    on order: inout OrderContext, receipt: DocumentRecord, lines: [(String, String?)]
  ) throws {
    try move(
      &order.document, to: order.stateAfterReceipt, action: "order.receive",
      payload: Payload([("receipt", receipt.number)] + lines))
    try closeIfSettled(&order)
  }

  /// Closes a fully received order once everything received is invoiced and paid.
  func closeIfSettled(_ order: inout OrderContext) throws {
    guard order.document.state == .received, try account(of: order).isSettled else { return }
    try move(
      &order.document, to: .closed, action: "order.settle",
      payload: Payload([("document", order.document.number)]))
  }

  /// The full view of a purchase request.
  func purchaseRequestView(_ document: DocumentRecord) throws -> PurchaseRequestView {
    let request = try part(
      transaction.purchaseRequest(documentID: document.id), of: document, "purchase request")
    let lines = try transaction.purchaseRequestLines(documentID: document.id).map { line in
      let item = try item(id: line.itemId)
      return PurchaseRequestView.Line(
        item: item.code, itemName: item.name, quantity: line.quantity, unit: item.baseUnit,
        approved: line.approved, declined: line.declined, declineReason: line.declineReason,
        awaitingDecision: document.kind.isOpen(document.state) ? line.awaitingDecision : 0)
    }
    let order = try transaction.purchaseOrder(requestDocumentID: document.id)
    return PurchaseRequestView(
      number: document.number, state: document.state.rawValue,
      date: document.effectiveDate.description,
      requester: try transaction.user(id: document.createdBy)?.name ?? "?",
      reason: request.reason, neededBy: request.neededBy?.description, note: document.note,
      lines: lines,
      order: try order.flatMap { try transaction.document(id: $0.documentId)?.number },
      history: try history(of: document))
  }

  /// The full view of a purchase order.
  func purchaseOrderView(_ context: OrderContext) throws -> PurchaseOrderView {
    let document = context.document
    let money = try account(of: context)
    let lines = try context.lines.map { line in
      let item = try item(id: line.itemId)
      return PurchaseOrderView.Line(
        item: item.code, itemName: item.name, unit: item.baseUnit, ordered: line.ordered,
        received: line.received, rejected: line.rejected, outstanding: line.outstanding,
        price: line.priceText, orderedValue: Money.yuan(try line.value(of: line.ordered)),
        receivedValue: Money.yuan(try line.value(of: line.received)))
    }
    let receipts = try transaction.orderReceipts(
      orderDocumentID: document.id, supplierAccountID: context.supplier.id
    ).map {
      PurchaseOrderView.Receipt(
        document: $0.documentNumber, date: $0.effectiveDate.description, item: $0.itemCode,
        lot: $0.lotNumber, expiry: $0.expiry?.description, quantity: $0.quantity,
        value: Money.yuan($0.value))
    }
    let rejections = try transaction.rejections(orderDocumentID: document.id, documentID: nil).map {
      PurchaseOrderView.Rejection(
        document: $0.documentNumber, item: $0.itemCode, lot: $0.lotNumber, quantity: $0.quantity,
        reason: $0.reason)
    }
    let invoices = try transaction.invoices(orderDocumentID: document.id).map {
      PurchaseOrderView.Invoice(
        number: $0.number, date: $0.invoiceDate.description, amount: Money.yuan($0.amount))
    }
    let payments = try transaction.payments(orderDocumentID: document.id).map {
      PurchaseOrderView.Payment(
        date: $0.paidOn.description, amount: Money.yuan($0.amount), reference: $0.reference,
        prepayment: $0.prepayment)
    }
    return PurchaseOrderView(
      number: document.number, state: document.state.rawValue,
      date: document.effectiveDate.description,
      request: try transaction.document(id: context.order.requestDocumentId)?.number ?? "?",
      supplier: context.supplier.code, supplierName: context.supplier.name,
      contract: context.order.contract, emergency: context.order.emergency,
      justification: context.order.justification, lines: lines, receipts: receipts,
      rejections: rejections, invoices: invoices, payments: payments,
      totals: PurchaseOrderView.Totals(
        ordered: Money.yuan(money.ordered), received: Money.yuan(money.received),
        invoiced: Money.yuan(money.invoiced), paid: Money.yuan(money.paid),
        receivedNotInvoiced: Money.yuan(money.receivedNotInvoiced),
        invoicedNotPaid: Money.yuan(money.invoicedNotPaid), advance: Money.yuan(money.advance)),
      flag: money.flag, history: try history(of: document))
  }
}
