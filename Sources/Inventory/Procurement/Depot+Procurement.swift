import Ledger

extension Depot {
  /// A requester or clerk asks for goods to be bought.
  public func requestPurchase(_ request: PurchaseRequestInput, _ context: WriteContext) throws
    -> PurchaseRequestView
  {
    try perform(request, context, roles: [.requester, .clerk], action: "request purchases") {
      session in
      guard !request.items.isEmpty else {
        throw DepotError.invalidOption(field: .item, reason: "must name at least one item")
      }
      let reason = try Text.checked(
        request.reason, field: .reason, maximumLength: 2000, lineBreaks: true)
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let quantities = try session.quantities(request.items, field: .item)
      return try session.purchaseRequestView(
        session.openPurchaseRequest(
          quantities, reason: reason, neededBy: request.neededBy, note: note))
    }
  }

  /// An approver decides a purchase request's lines: approves them in full or in part and
  /// declines some with a reason; what is left awaits a later decision, which may approve more
  /// until the request is ordered (SPEC §10). Signed; nobody approves what they requested.
  public func approvePurchase(_ request: PurchaseApproval, _ context: WriteContext) throws
    -> PurchaseRequestView
  {
    try perform(request, context, roles: [.approver], action: "approve purchase requests") {
      session in
      var (document, _, lines) = try session.purchaseRequest(
        request.number, allowing: [.requested, .approved], to: .approved)
      try session.requireFourEyes(on: document, earlierStep: "requested", by: document.createdBy)
      let reason = try Text.checkedOptional(request.reason, field: .reason, lineBreaks: true)
      let decided = try session.decide(&lines, of: document, request.lines) { _, _ in }
      for line in lines { try session.transaction.update(line) }
      try session.move(
        &document, to: .approved, action: "purchase.approve", reason: reason,
        payload: session.dated(
          Payload([("document", document.number), ("decision", "approve")] + decided)))
      return try session.purchaseRequestView(document)
    }
  }

  /// An approver rejects or cancels a purchase request, signed, with a reason; a rejection
  /// declines every line. Nobody rejects what they requested themselves.
  public func decidePurchase(_ request: PurchaseRequestDecision, _ context: WriteContext) throws
    -> PurchaseRequestView
  {
    try decide(request, context) { session, document in
      if request.kind == .reject {
        try session.requireFourEyes(
          on: document, earlierStep: "requested", by: document.createdBy)
      }
      let reason = try request.requiredReason()
      var lines = try session.transaction.purchaseRequestLines(documentID: document.id)
      guard request.kind == .reject else { return DecisionOutcome(reason: reason) }
      let declined = try session.declineRest(of: &lines, reason)
      for line in lines { try session.transaction.update(line) }
      return DecisionOutcome(reason: reason, details: declined)
    } then: { session, document in
      try session.purchaseRequestView(document)
    }
  }

  /// An approver places an order from an approved request with one supplier, at prices
  /// that include tax; a green-channel order carries a justification and is signed.
  public func placeOrder(_ request: PurchaseOrderInput, _ context: WriteContext) throws
    -> PurchaseOrderView
  {
    try perform(request, context, roles: [.approver], action: "place purchase orders") {
      session in
      var (purchase, _, requested) = try session.purchaseRequest(
        request.request, allowing: [.approved], to: .ordered)
      let notOrdered = try session.declineRest(
        of: &requested, "not ordered: the request was ordered before it was decided")
      for line in requested { try session.transaction.update(line) }
      let supplier = try session.party(request.supplier, kind: .supplier)
      let contract = try request.contract.map {
        try Text.checkedIdentifier($0, field: .contract, maximumLength: 64)
      }
      let justification = try request.emergencyJustification.map {
        try Text.checked($0, field: .justification, maximumLength: 2000, lineBreaks: true)
      }
      if justification != nil {
        try session.requireFourEyes(
          on: purchase, earlierStep: "requested", by: purchase.createdBy)
      }
      let document = try session.newDocument(
        .purchaseOrder, state: .ordered, source: supplier.id, note: contract)
      let lines = try session.orderLines(
        requested, prices: request.prices, request: purchase, order: document)
      try session.transaction.insertPurchaseOrder(
        PurchaseOrderRecord(
          documentId: document.id, requestDocumentId: purchase.id, contract: contract,
          emergency: justification != nil, justification: justification),
        lines: lines)
      let payload = Payload(
        [
          ("document", document.number), ("request", purchase.number),
          ("supplier", supplier.code), ("contract", contract),
        ]
          + (try lines.map { line in
            ("line", "\(try session.item(id: line.itemId).code)=\(line.ordered)@\(line.priceText)")
          }))
      try session.recordOpening(
        of: document, action: justification == nil ? "order.place" : "order.emergency",
        reason: justification, payload: payload)
      try session.move(
        &purchase, to: .ordered, action: "purchase.order",
        payload: session.dated(Payload([("order", document.number)] + notOrdered)))
      return try session.purchaseOrderView(session.purchaseOrder(document.number))
    }
  }

  /// An approver short-closes an order that will not arrive in full, or cancels one before
  /// anything arrived; signed, with a reason.
  public func decideOrder(_ request: PurchaseOrderDecision, _ context: WriteContext) throws
    -> PurchaseOrderView
  {
    try decide(request, context) { session, document in
      let reason = try request.requiredReason()
      var short: [(String, String?)] = []
      for line in try session.purchaseOrder(document.number).lines where line.outstanding > 0 {
        short.append(("short", "\(try session.item(id: line.itemId).code)=\(line.outstanding)"))
      }
      return DecisionOutcome(reason: reason, details: short)
    } then: { session, document in
      try session.purchaseOrderView(session.purchaseOrder(document.number))
    }
  }

  /// A request or an order as it stands (every registered user).
  public func procurement(_ number: String, as actor: String?) throws -> ProcurementDocument {
    try read(as: actor) { session in
      let document = try session.document(number, kinds: [.purchaseRequest, .purchaseOrder])
      return document.kind == .purchaseOrder
        ? .order(try session.purchaseOrderView(session.purchaseOrder(document.number)))
        : .request(try session.purchaseRequestView(document))
    }
  }

  /// Requests and orders, newest first: all, those in one state, or with `open` those still
  /// under way (requests not yet ordered, orders not yet closed or cancelled).
  public func procurements(state: ProcurementFilter?, as actor: String?) throws
    -> [ProcurementListing]
  {
    try read(as: actor) { session in
      let states: [DocumentState]? =
        switch state {
        case .only(let state): [state]
        case .open, nil: nil
        }
      return try session.transaction.procurementDocuments(states: states).filter { row in
        state != .open || row.document.kind.isOpen(row.document.state)
      }.map { row in
        ProcurementListing(
          number: row.document.number, state: row.document.state.rawValue,
          date: row.document.effectiveDate.description, by: row.createdByName,
          supplier: row.supplierCode,
          emergency: row.emergency)
      }
    }
  }
}

extension Session {
  /// The lines of a new order: every requested item at its price, each line's value within
  /// what money can hold.
  func orderLines(
    _ requested: [PurchaseRequestLineRecord], prices: [ItemPrice], request: DocumentRecord,
    order: DocumentRecord
  ) throws -> [PurchaseOrderLineRecord] {
    var priced: [Int64: (price: Int64, per: Int64, unit: String?)] = [:]
    for price in prices {
      let item = try item(price.item)
      guard let line = requested.first(where: { $0.itemId == item.id }) else {
        throw DepotError.notOnDocument(document: request.number, item: item.code)
      }
      guard line.approved > 0 else {
        throw DepotError.lineDeclined(
          document: request.number, item: item.code, declined: line.declined,
          reason: line.declineReason, step: "ordered")
      }
      guard priced[item.id] == nil else {
        throw DepotError.invalidOption(field: .price, reason: "names \(item.code) twice")
      }
      priced[item.id] = try perBaseUnit(price, of: item)
    }
    return try requested.filter { $0.approved > 0 }.map { line in
      let item = try item(id: line.itemId)
      guard let price = priced[line.itemId] else {
        throw DepotError.priceMissing(document: request.number, item: item.code)
      }
      guard Money.value(of: line.approved, price: price.price, per: price.per) != nil
      else {
        throw DepotError.invalidOption(
          field: .price, reason: "makes \(item.code) worth more than any real order")
      }
      return PurchaseOrderLineRecord(
        documentId: order.id, itemId: line.itemId, position: line.position,
        ordered: line.approved, price: price.price, pricePer: price.per, priceUnit: price.unit)
    }
  }

  /// A typed price as fen per a whole number of base units.
  private func perBaseUnit(_ price: ItemPrice, of item: ItemRecord) throws -> (
    price: Int64, per: Int64, unit: String?
  ) {
    guard let unit = price.unit, unit != item.baseUnit else { return (price.amount, 1, nil) }
    guard let factor = try units(of: item).factor(of: unit) else {
      throw DepotError.invalidOption(
        field: .price,
        reason: "\(item.code) is not counted in '\(unit)'; use one of: "
          + "\(try units(of: item).knownUnits.joined(separator: ", "))")
    }
    let (amount, overflow) = price.amount.multipliedReportingOverflow(by: factor.denominator)
    guard !overflow else {
      throw DepotError.invalidMoney(field: .price, text: Money.yuan(price.amount))
    }
    return (amount, factor.numerator, unit)
  }
}

extension Session {
  /// Opens a purchase request for items and quantities, with its reason.
  func openPurchaseRequest(
    _ quantities: [(item: ItemRecord, quantity: Int64)], reason: String, neededBy: Day?,
    note: String?, proposal: Bool = false
  ) throws -> DocumentRecord {
    let document = try newDocument(.purchaseRequest, state: .requested, note: note)
    try transaction.insertPurchaseRequest(
      PurchaseRequestRecord(
        documentId: document.id, reason: reason, neededBy: neededBy),
      lines: quantities.enumerated().map { index, entry in
        PurchaseRequestLineRecord(
          documentId: document.id, itemId: entry.item.id, position: index + 1,
          quantity: entry.quantity)
      })
    try recordOpening(
      of: document, action: "purchase.request", reason: reason,
      payload: Payload(
        [("neededBy", neededBy?.description), ("proposal", proposal ? "reorder" : nil)]
          + quantities.map { ("line", "\($0.item.code)=\($0.quantity)") } + [("note", note)]))
    return document
  }
}
