import Ledger

/// One receipt line that has passed the receipt rules, by ids: a receipts file's hundred
/// thousand of them stay light.
struct CheckedReceiptLine {
  /// The order's document id; nil for a donation or an emergency receipt.
  var order: Int64?
  /// The supplier or donor.
  var source: Int64
  var warehouse: Int64
  var item: Int64
  var tracking: Tracking
  var quantity: Int64
  /// The lot number of a lot-tracked item.
  var lot: String? = nil
  /// The serial numbers of a serial-tracked item, one lot each.
  var serials: [String] = []
  var expiry: Day? = nil
  /// The line's value in fen without an order; with one, the order's prices give it.
  var value: Int64?
  /// What inspection refused, and why.
  var rejected: Int64 = 0
  var reason: String? = nil

  var lotKey: LotIdentityKey? {
    lot.map { LotIdentityKey(item: item, number: $0, source: source, order: order) }
  }

  var layerKey: LayerKey { LayerKey(item: item, source: source, order: order) }
}

/// A lot's identity (SPEC §2): item, number, source and order.
struct LotIdentityKey: Hashable {
  var item: Int64
  var number: String
  var source: Int64
  var order: Int64?
}

/// The anonymous stock layer of an untracked item from one source under one order.
struct LayerKey: Hashable {
  var item: Int64
  var source: Int64
  var order: Int64?
}

/// What the receipt rules know while they check and post the lines of one write: the
/// records looked up, what earlier lines accept of each order, and the lots and serials
/// earlier lines bring.
struct ReceiptBook {
  /// Whether a source's lots and an item's serials are loaded at once (a file of many lines)
  /// rather than looked up one by one (a single receipt).
  var loadsAtOnce: Bool
  var items: [String: ItemRecord] = [:]
  var units: [Int64: UnitTable] = [:]
  var itemsByID: [Int64: ItemRecord] = [:]
  var warehouses: [String: AccountRecord] = [:]
  var parties: [String: AccountRecord] = [:]
  var accountsByID: [Int64: AccountRecord] = [:]
  /// Orders by number, and what the lines checked so far accept of each order's items.
  var orders: [String: OrderContext] = [:]
  var ordersByID: [Int64: String] = [:]
  var accepted: [Int64: [Int64: Int64]] = [:]
  /// Known lots: those stored and those earlier lines bring (without a record until posted).
  var lots: [LotIdentityKey: (lot: LotRecord?, expiry: Day?)] = [:]
  var loadedSources: Set<LotIdentityKey> = []
  /// The one anonymous layer of each untracked item per source and order (SPEC §2).
  var layers: [LayerKey: LotRecord] = [:]
  /// Serial numbers taken: with `loadsAtOnce` every stored one, else those of earlier lines.
  var serials: [Int64: Set<String>] = [:]

  init(loadsAtOnce: Bool) {
    self.loadsAtOnce = loadsAtOnce
  }
}

extension ReceiptRequest {
  /// An emergency receipt's justification, checked.
  static func checkedJustification(_ text: String?) throws -> String? {
    try text.map {
      try Text.checked($0, field: .justification, maximumLength: 2000, lineBreaks: true)
    }
  }
}

extension Session {
  /// The receipt rules for one line, the same for `depot receive`, `depot donation receive`
  /// and every row of a receipts file: the warehouse, item and quantity; the order (its
  /// state and date, its supplier, the item on it and what is not yet received) or, without
  /// one, the source and declared value; lot, expiry and serials by the item's tracking; and
  /// what inspection refused. What the line accepts counts against its order for the lines
  /// after it.
  func checkReceipt(_ request: ReceiptRequest, book: inout ReceiptBook) throws
    -> CheckedReceiptLine
  {
    if request.isDonation, request.order != nil || request.isEmergency {
      throw DepotError.invalidOption(
        field: request.isEmergency ? .emergency : .order, reason: "does not apply to donations")
    }
    let warehouse = try cached(request.warehouse, in: \.warehouses, &book) {
      try location($0, kind: .warehouse)
    }
    let item = try receiptItem(request.item, &book)
    let units = book.units[item.id]!
    let quantity =
      try request.quantity.map { try baseQuantity(of: $0, in: units, field: .quantity) }
      ?? Int64(request.serials.count)
    let whollyRefused = quantity == 0 && request.rejected != nil && request.serials.isEmpty
    guard quantity > 0 || whollyRefused else {
      guard item.tracking != .serial else { throw DepotError.serialsRequired(item: item.code) }
      throw DepotError.invalidQuantity(field: .quantity, reason: "give \(Field.quantity)")
    }
    let source: AccountRecord
    var order: OrderContext?
    if let number = request.order {
      let placed = try orderLine(request, number: number, item: item, quantity: quantity, &book)
      source = placed.supplier
      order = placed
    } else {
      guard request.isDonation || request.isEmergency else { throw DepotError.orderRequired }
      guard let value = request.value ?? (whollyRefused ? 0 : nil) else {
        throw DepotError.invalidOption(
          field: .value, reason: "is required: the total value of the line in yuan")
      }
      if whollyRefused, value != 0 {
        throw DepotError.invalidOption(
          field: .value, reason: "must be 0 or left out when nothing was accepted")
      }
      guard (0...Money.maximumFen).contains(value) else {
        throw DepotError.invalidMoney(field: .value, text: Money.yuan(value))
      }
      guard let code = request.source else {
        throw DepotError.invalidOption(
          field: .from, reason: "must name the \(request.isDonation ? "donor" : "supplier")")
      }
      source = try cached(code, in: \.parties, &book) {
        try party($0, kind: request.isDonation ? .donor : .supplier)
      }
    }
    book.accountsByID[warehouse.id] = warehouse
    book.accountsByID[source.id] = source
    var line = CheckedReceiptLine(
      order: order?.document.id, source: source.id, warehouse: warehouse.id, item: item.id,
      tracking: item.tracking, quantity: quantity, value: request.value)
    if whollyRefused {
      try checkWhollyRefused(request, &line, item: item)
    } else {
      try checkLots(request, &line, item: item, book: &book)
    }
    try checkInspection(request, &line, units: units)
    if let order { book.accepted[order.document.id]![item.id]! += quantity }
    return line
  }

  /// The order a line arrives against, refused unless it can be received against on the
  /// effective date, is the named supplier's, lists the item and still awaits the quantity.
  private func orderLine(
    _ request: ReceiptRequest, number: String, item: ItemRecord, quantity: Int64,
    _ book: inout ReceiptBook
  ) throws -> OrderContext {
    if request.isEmergency {
      throw DepotError.invalidOption(field: .emergency, reason: "is for receipts without an order")
    }
    guard request.value == nil else {
      throw DepotError.invalidOption(
        field: .value, reason: "comes from the prices of \(number); leave it out")
    }
    if book.orders[number] == nil {
      let order = try purchaseOrder(
        number, allowing: [.ordered, .partiallyReceived], to: .partiallyReceived)
      book.orders[number] = order
      book.ordersByID[order.document.id] = number
      book.accepted[order.document.id] = Dictionary(
        uniqueKeysWithValues: order.lines.map { ($0.itemId, 0) })
    }
    let order = book.orders[number]!
    if let code = request.source {
      let named = try cached(code, in: \.parties, &book) { try party($0, kind: .supplier) }
      guard named.id == order.supplier.id else {
        throw DepotError.wrongSupplier(
          document: number, supplier: order.supplier.code, given: named.code)
      }
    }
    guard let earlier = book.accepted[order.document.id]?[item.id],
      let line = order.lines.first(where: { $0.itemId == item.id })
    else { throw DepotError.notOnDocument(document: number, item: item.code) }
    guard earlier + quantity <= line.outstanding else {
      throw DepotError.exceedsOrdered(
        document: number, item: item.code, outstanding: line.outstanding - earlier,
        asked: quantity)
    }
    return order
  }

  /// Lot, expiry and serials against the item's tracking, and the lot's identity against
  /// what is stored and what earlier lines bring.
  private func checkLots(
    _ request: ReceiptRequest, _ line: inout CheckedReceiptLine, item: ItemRecord,
    book: inout ReceiptBook
  ) throws {
    if item.tracking != .serial, !request.serials.isEmpty {
      throw DepotError.notSerialTracked(item: item.code)
    }
    if let expiry = request.expiry, expiry < effectiveDate {
      throw DepotError.lotExpired(
        item: item.code, lot: request.lot ?? request.serials.first ?? "-", expiry: expiry)
    }
    switch item.tracking {
    case .none:
      guard request.lot == nil, request.expiry == nil else {
        throw DepotError.notLotTracked(item: item.code)
      }
    case .lot:
      guard let number = request.lot else { throw DepotError.lotRequired(item: item.code) }
      guard let expiry = request.expiry else { throw DepotError.expiryRequired(item: item.code) }
      line.lot = try Text.checkedIdentifier(number, field: .lot, maximumLength: 64)
      line.expiry = expiry
      let key = line.lotKey!
      if let known = try knownLot(key, &book) {
        guard known.expiry == expiry else {
          throw DepotError.lotExpiryConflict(
            item: item.code, lot: key.number, recorded: known.expiry?.description ?? "none",
            given: expiry.description)
        }
      } else {
        book.lots[key] = (nil, expiry)
      }
    case .serial:
      guard request.lot == nil else { throw DepotError.notLotTracked(item: item.code) }
      guard !request.serials.isEmpty else { throw DepotError.serialsRequired(item: item.code) }
      guard Int64(request.serials.count) == line.quantity else {
        throw DepotError.serialCountMismatch(
          item: item.code, quantity: line.quantity, serials: request.serials.count)
      }
      line.expiry = request.expiry
      line.serials = try request.serials.map { serial in
        let number = try Text.checkedIdentifier(serial, field: .serial, maximumLength: 64)
        guard try takeSerial(number, of: item, &book) else {
          throw DepotError.duplicateSerial(item: item.code, serial: number)
        }
        return number
      }
    }
  }

  /// A line refused whole at inspection (`--qty 0`): nothing enters stock, so no lot is made;
  /// the lot named, if any, is kept on the rejection.
  private func checkWhollyRefused(
    _ request: ReceiptRequest, _ line: inout CheckedReceiptLine, item: ItemRecord
  ) throws {
    if let number = request.lot {
      guard item.tracking == .lot else { throw DepotError.notLotTracked(item: item.code) }
      line.lot = try Text.checkedIdentifier(number, field: .lot, maximumLength: 64)
    }
    line.expiry = request.expiry
  }

  /// What inspection refused of the line: a quantity always with its reason.
  private func checkInspection(
    _ request: ReceiptRequest, _ line: inout CheckedReceiptLine, units: UnitTable
  ) throws {
    guard let amount = request.rejected else {
      guard request.rejectionReason == nil else {
        throw DepotError.invalidOption(field: .reason, reason: "goes with \(Field.rejected)")
      }
      return
    }
    line.rejected = try baseQuantity(of: amount, in: units, field: .rejected)
    guard let reason = request.rejectionReason else {
      throw DepotError.reasonRequired(action: "reject goods at inspection")
    }
    line.reason = try Text.checked(reason, field: .reason, maximumLength: 2000, lineBreaks: true)
  }

  /// The item of a line, with its units, looked up once per code.
  private func receiptItem(_ code: String, _ book: inout ReceiptBook) throws -> ItemRecord {
    if let known = book.items[code] { return known }
    let record = try item(code)
    book.items[code] = record
    book.itemsByID[record.id] = record
    if book.units[record.id] == nil { book.units[record.id] = try units(of: record) }
    return record
  }

  /// A record looked up once per code.
  private func cached(
    _ code: String, in cache: WritableKeyPath<ReceiptBook, [String: AccountRecord]>,
    _ book: inout ReceiptBook, _ lookup: (String) throws -> AccountRecord
  ) throws -> AccountRecord {
    if let known = book[keyPath: cache][code] { return known }
    let record = try lookup(code)
    book[keyPath: cache][code] = record
    return record
  }

  /// The lot with this identity as stored or as an earlier line brings it, if any.
  private func knownLot(_ key: LotIdentityKey, _ book: inout ReceiptBook) throws
    -> (lot: LotRecord?, expiry: Day?)?
  {
    if let known = book.lots[key] { return known }
    if book.loadsAtOnce {
      let source = LotIdentityKey(item: 0, number: "", source: key.source, order: key.order)
      guard book.loadedSources.insert(source).inserted else { return nil }
      for lot in try transaction.lots(sourceAccountID: key.source, orderDocumentID: key.order) {
        guard let number = lot.number else { continue }
        let stored = LotIdentityKey(
          item: lot.itemId, number: number, source: key.source, order: key.order)
        book.lots[stored] = (lot, lot.expiry)
      }
      return book.lots[key]
    }
    guard
      let stored = try transaction.lot(
        itemID: key.item, number: key.number, sourceAccountID: key.source,
        orderDocumentID: key.order)
    else { return nil }
    book.lots[key] = (stored, stored.expiry)
    return book.lots[key]
  }

  /// Takes a serial number for a new piece; false when a piece of the item already has it.
  private func takeSerial(_ number: String, of item: ItemRecord, _ book: inout ReceiptBook)
    throws -> Bool
  {
    if book.serials[item.id] == nil {
      book.serials[item.id] = book.loadsAtOnce ? try transaction.lotNumbers(itemID: item.id) : []
    }
    guard book.serials[item.id]!.insert(number).inserted else { return false }
    if book.loadsAtOnce { return true }
    return try transaction.lots(itemID: item.id, number: number).isEmpty
  }
}

/// What the event that posts a receipt records besides its order: each movement (a single
/// receipt), or the import's file and totals (a file's receipt, which may hold many lines).
enum ReceiptRecord {
  case lines(note: String?)
  case imported(digest: String)
}

/// A receipt or donation as posted.
struct PostedReceipt {
  var document: DocumentRecord
  var order: String?
  var lines: [PostedDocument.Line]
  var rejections: [PostedDocument.Rejection]
}

extension Session {
  /// Posts checked lines of one source and order into one warehouse as one document: its
  /// lots (new ones created), its movements valued at the order's prices so that all of a
  /// line's receipts add up to its value (or at the declared value), what inspection refused,
  /// its event and the order's, all written in batches.
  ///
  /// A donation's event is `donation.post`, an emergency receipt's (with its justification)
  /// `receipt.emergency`, any other receipt's `receipt.post`.
  func postReceipt(
    _ lines: [CheckedReceiptLine], donation: Bool, justification: String?,
    record: ReceiptRecord, book: inout ReceiptBook
  ) throws -> PostedReceipt {
    let first = lines[0]
    let number = first.order.flatMap { book.ordersByID[$0] }
    var order = number.flatMap { book.orders[$0] }
    let note: String? =
      switch record {
      case .lines(let note): note
      case .imported: nil
      }
    let document = try newDocument(
      donation ? .donation : .receipt, state: .posted, source: first.source,
      destination: first.warehouse, note: note)
    var accepted: [Int64: Int64] = [:]
    var rejected: [Int64: Int64] = [:]
    var total: Int64 = 0
    var nextLotID = try transaction.nextLotID()
    var newLots: [LotRecord] = []
    var drafts: [MovementDraft] = []
    var rejections: [RejectionRecord] = []
    drafts.reserveCapacity(lines.count)
    func newLot(_ line: CheckedReceiptLine, number: String?) -> LotRecord {
      let lot = LotRecord(
        id: nextLotID, itemId: line.item, number: number, expiry: line.expiry,
        sourceAccountId: line.source, orderDocumentId: line.order,
        receiptDocumentId: document.id, createdAt: now)
      nextLotID += 1
      newLots.append(lot)
      return lot
    }
    for line in lines {
      var value = line.value ?? 0
      if let index = order?.lines.firstIndex(where: { $0.itemId == line.item }) {
        let before = order!.lines[index].received
        value =
          try order!.lines[index].value(of: before + line.quantity)
          - order!.lines[index].value(of: before)
        order!.lines[index].received += line.quantity
        order!.lines[index].rejected += line.rejected
      }
      let lots: [(lot: LotRecord, quantity: Int64, value: Int64)]
      switch line.tracking {
      case _ where line.quantity == 0:
        lots = []
      case .none:
        let key = line.layerKey
        let layer =
          try book.layers[key]
          ?? transaction.anonymousLot(
            itemID: line.item, sourceAccountID: line.source, orderDocumentID: line.order)
          ?? newLot(line, number: nil)
        book.layers[key] = layer
        lots = [(layer, line.quantity, value)]
      case .lot:
        let key = line.lotKey!
        let lot = book.lots[key]?.lot ?? newLot(line, number: key.number)
        book.lots[key] = (lot, lot.expiry)
        lots = [(lot, line.quantity, value)]
      case .serial:
        let shares = Money.split(value, into: line.serials.count)
        lots = zip(line.serials, shares).map { serial, share in
          (lot: newLot(line, number: serial), quantity: 1, value: share)
        }
      }
      for (lot, quantity, share) in lots {
        drafts.append(
          MovementDraft(
            lot: lot, fromAccountId: line.source, toAccountId: line.warehouse,
            quantity: quantity, value: share, documentId: document.id, actorId: actor.id,
            effectiveDate: effectiveDate, recordedAt: now))
      }
      if let reason = line.reason, line.rejected > 0 {
        rejections.append(
          RejectionRecord(
            documentId: document.id, orderDocumentId: line.order, itemId: line.item,
            lotNumber: line.lot, quantity: line.rejected, reason: reason))
        rejected[line.item, default: 0] += line.rejected
      }
      accepted[line.item, default: 0] += line.quantity
      total += value
    }
    try transaction.insertLots(newLots)
    try transaction.post(drafts)
    for rejection in rejections { try transaction.insertRejection(rejection) }
    let codes = book.itemsByID.mapValues(\.code)
    func totals(_ name: String, _ quantities: [Int64: Int64]) -> [(String, String?)] {
      quantities.map { (code: codes[$0.key] ?? "?", quantity: $0.value) }
        .sorted { $0.code < $1.code }.map { (name, "\($0.code)=\($0.quantity)") }
    }
    let summary = totals("accepted", accepted) + totals("rejected", rejected)
    var posted = PostedReceipt(document: document, order: number, lines: [], rejections: [])
    let fields: [(String, String?)]
    switch record {
    case .lines(let note):
      posted.lines = drafts.map { draft in
        PostedDocument.Line(
          item: book.itemsByID[draft.lot.itemId]!, lot: draft.lot,
          from: book.accountsByID[draft.fromAccountId]!,
          to: book.accountsByID[draft.toAccountId]!, quantity: draft.quantity,
          value: draft.value)
      }
      posted.rejections = rejections.map { rejection in
        let item = book.itemsByID[rejection.itemId]!
        return PostedDocument.Rejection(
          item: item.code, lot: rejection.lotNumber, quantity: rejection.quantity,
          unit: item.baseUnit, reason: rejection.reason)
      }
      fields =
        [("order", number)]
        + Payload(lines: posted.lines, note: note, rejections: posted.rejections).optionalFields
    case .imported(let digest):
      fields =
        [("import", digest), ("order", number), ("lines", String(lines.count))] + summary
        + [("value", Money.yuan(total))]
    }
    try recordOpening(
      of: document,
      action: justification != nil
        ? "receipt.emergency" : donation ? "donation.post" : "receipt.post",
      reason: justification, payload: Payload(fields))
    if var placed = order {
      for line in placed.lines where accepted[line.itemId] != nil {
        try transaction.update(line)
      }
      try recordReceipt(on: &placed, receipt: document, lines: summary)
      book.orders[placed.document.number] = placed
    }
    return posted
  }
}

extension Payload {
  /// The fields, to prepend or append others.
  var optionalFields: [(String, String?)] { fields.map { ($0.name, $0.value) } }
}
