import Ledger

extension Session {
  /// The document with this number, refused unless a reversal may undo it: of a reversible
  /// kind, not reversed yet, recorded by someone else than the actor (four eyes), and not
  /// after the effective date.
  func reversible(_ text: String) throws -> DocumentRecord {
    let document = try document(text, kinds: DocumentKind.allCases)
    let number = document.number
    if let reversed = document.reversesDocumentId {
      throw DepotError.reversalOfReversal(
        document: number, reverses: try transaction.document(id: reversed)?.number ?? "?")
    }
    guard DocumentKind.reversible.contains(document.kind) else {
      throw DepotError.notReversible(document: number, kind: document.kind)
    }
    if let reversal = try transaction.reversal(ofDocumentID: document.id) {
      throw DepotError.alreadyReversed(document: number, reversal: reversal.number)
    }
    guard document.createdBy != actor.id else {
      throw DepotError.reversalByRecorder(user: actor.name, document: number)
    }
    try checkStepDate("reversed", on: document)
    return document
  }

  /// Refuses a reversal where less of what `document` brought to a place is still free there
  /// on the effective date, naming the lot, the place and the document that took it: a later
  /// movement out, a write-off, count or disinfection that holds it, or a reservation.
  func checkStillThere(_ movements: [MovementRecord], of document: DocumentRecord) throws {
    var brought: [Place: (quantity: Int64, value: Int64, firstId: Int64)] = [:]
    for movement in movements {
      let place = Place(lotId: movement.lotId, accountId: movement.toAccountId)
      let earlier = brought[place] ?? (0, 0, movement.id)
      brought[place] = (
        earlier.quantity + movement.quantity, earlier.value + movement.value, earlier.firstId
      )
    }
    for (place, taken) in brought.sorted(by: { $0.value.firstId < $1.value.firstId }) {
      let account = try self.account(place.accountId)
      guard account.kind.holdsStock else { continue }
      let lot = try self.lot(id: place.lotId)
      let item = try self.item(id: lot.itemId)
      let balance = try transaction.balance(accountID: account.id, lotID: lot.id)
      let holds = try transaction.holds(itemID: item.id, accountID: account.id)
      var free = balance.quantity - (holds[lot.id] ?? 0)
      if isBackdated {
        let lowest = try transaction.lowestBalance(
          accountID: account.id, lotID: lot.id, from: effectiveDate)
        free = Swift.min(free, lowest)
      }
      let left = (quantity: balance.quantity - taken.quantity, value: balance.value - taken.value)
      let onHand = try transaction.holdings(itemID: item.id, accountID: account.id).reduce(0) {
        $0 + $1.quantity
      }
      let itemFree = onHand - holds.values.reduce(0, +) - taken.quantity
      let reserved = try transaction.reservedQuantity(itemID: item.id, accountID: account.id)
      let lotShort =
        free < taken.quantity || left.value < 0 || (left.quantity == 0 && left.value != 0)
      guard lotShort || itemFree < reserved else { continue }
      let blocker =
        try laterOutflow(of: lot, from: account, after: taken.firstId)
        ?? transaction.holdingDocuments(lotID: lot.id, accountID: account.id).first
        ?? reservingDocument(of: item, at: account)
      guard let blocker else {
        throw DepotError.insufficientStock(
          item: item.code, location: account.code, available: Swift.max(0, free),
          requested: taken.quantity)
      }
      throw DepotError.reversalBlocked(
        document: document.number, item: item.code, lot: lot.number, location: account.code,
        by: blocker)
    }
  }

  /// The order a receipt came in against, refused unless it can take back what it received:
  /// it is still open, and what stays received is worth, at the order's price, what its other
  /// receipts carry (a price per pack splits a line's value by the order of its receipts, so
  /// the latest receipt goes first).
  func orderGivingBack(_ receipt: DocumentRecord, movements: [MovementRecord]) throws
    -> OrderContext?
  {
    guard receipt.kind == .receipt, let first = movements.first,
      let orderID = try lot(id: first.lotId).orderDocumentId,
      let number = try transaction.document(id: orderID)?.number
    else { return nil }
    let order = try purchaseOrder(number)
    guard [DocumentState.partiallyReceived, .received].contains(order.document.state) else {
      throw DepotError.wrongState(
        document: number, state: order.document.state.rawValue,
        action: "given back what \(receipt.number) received")
    }
    for line in order.lines {
      let taken = movements.filter { $0.itemId == line.itemId }
      let quantity = taken.reduce(0) { $0 + $1.quantity }
      let value = taken.reduce(0) { $0 + $1.value }
      guard quantity > 0,
        try line.value(of: line.received - quantity) != line.value(of: line.received) - value
      else { continue }
      var later = "?"
      for row in try transaction.orderReceipts(
        orderDocumentID: order.document.id, supplierAccountID: order.supplier.id
      ).reversed() where row.documentNumber != receipt.number && row.quantity > 0 {
        guard let other = try transaction.document(number: row.documentNumber),
          try transaction.reversal(ofDocumentID: other.id) == nil
        else { continue }
        later = row.documentNumber
        break
      }
      throw DepotError.reversalOutOfOrder(document: receipt.number, order: number, later: later)
    }
    return order
  }

  /// Takes back on the order what `receipt` received and inspection refused with it, and
  /// moves the order back to partially received, or ordered when nothing is left received.
  func giveBack(
    _ order: inout OrderContext, for receipt: DocumentRecord, reversal: DocumentRecord
  ) throws {
    var returned: [Int64: Int64] = [:]
    for movement in try transaction.movements(ofDocument: receipt.id) {
      returned[movement.itemId, default: 0] += movement.quantity
    }
    let refused = try transaction.rejections(
      orderDocumentID: order.document.id, documentID: receipt.id)
    var fields: [(String, String?)] = [("reversal", reversal.number), ("receipt", receipt.number)]
    for index in order.lines.indices {
      let item = try self.item(id: order.lines[index].itemId)
      let quantity = returned[item.id] ?? 0
      let rejected = refused.filter { $0.itemCode == item.code }.reduce(0) { $0 + $1.quantity }
      guard quantity > 0 || rejected > 0 else { continue }
      order.lines[index].received -= quantity
      order.lines[index].rejected -= rejected
      try transaction.update(order.lines[index])
      fields.append(("returned", "\(item.code)=\(quantity)"))
    }
    let target: DocumentState =
      order.lines.allSatisfy { $0.received == 0 } ? .ordered : order.stateAfterReceipt
    try move(&order.document, to: target, action: "order.reverse", payload: Payload(fields))
  }

  /// A posted document as `PostedDocument`: its movements, the order a receipt came in
  /// against, what inspection refused, and what reverses it or what it reverses.
  func posted(_ document: DocumentRecord) throws -> PostedDocument {
    let movements = try transaction.movements(ofDocument: document.id)
    let lines = try movements.map { movement in
      PostedDocument.Line(
        item: try item(id: movement.itemId), lot: try lot(id: movement.lotId),
        from: try account(movement.fromAccountId), to: try account(movement.toAccountId),
        quantity: movement.quantity, value: movement.value)
    }
    var order: String?
    if document.kind == .receipt, let first = movements.first,
      let orderID = try lot(id: first.lotId).orderDocumentId
    {
      order = try transaction.document(id: orderID)?.number
    }
    var rejections: [PostedDocument.Rejection]?
    if [DocumentKind.receipt, .donation].contains(document.kind) {
      rejections = try transaction.rejections(orderDocumentID: nil, documentID: document.id).map {
        row in
        PostedDocument.Rejection(
          item: row.itemCode, lot: row.lotNumber, quantity: row.quantity,
          unit: try item(row.itemCode).baseUnit, reason: row.reason)
      }
    }
    var view = PostedDocument(document, lines: lines, order: order, rejections: rejections)
    if let reversed = document.reversesDocumentId {
      view.reverses = try transaction.document(id: reversed)?.number
      view.reason = try transaction.events(ofDocument: document.id).first?.reason
    }
    view.reversedBy = try transaction.reversal(ofDocumentID: document.id)?.number
    return view
  }

  /// The first document after movement `id` that took some of `lot` out of `place`.
  private func laterOutflow(of lot: LotRecord, from place: AccountRecord, after id: Int64) throws
    -> String?
  {
    try transaction.cardLines(itemID: lot.itemId, accountID: place.id, lotIDs: [lot.id]).first {
      $0.movementId > id && $0.fromAccountId == place.id
    }?.documentNumber
  }

  /// The first request whose reservation holds an item at a place.
  private func reservingDocument(of item: ItemRecord, at place: AccountRecord) throws -> String? {
    for line in try transaction.reservingLines(itemID: item.id) {
      guard let request = try transaction.document(id: line.documentId),
        request.sourceAccountId == place.id
      else { continue }
      return request.number
    }
    return nil
  }
}

/// One lot at one account.
private struct Place: Hashable {
  var lotId: Int64
  var accountId: Int64
}
