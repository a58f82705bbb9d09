import Ledger

/// `depot receive` and `depot donation receive`: stock straight from a supplier or donor.
public struct ReceiptRequest: DepotRequest {
  public typealias Result = PostedDocument
  /// Whether the stock is a donation (from a donor) rather than a purchase.
  public var isDonation: Bool
  public var source: String
  public var warehouse: String
  public var item: String
  /// Nil when the quantity is the number of serials given.
  public var quantity: QuantityAmount?
  public var lot: String?
  public var expiry: Day?
  public var serials: [String]
  /// Total value of the line in fen.
  public var value: Int64
  public var note: String?

  public init(
    isDonation: Bool = false, source: String, warehouse: String, item: String,
    quantity: QuantityAmount?, lot: String? = nil, expiry: Day? = nil, serials: [String] = [],
    value: Int64, note: String? = nil
  ) {
    self.isDonation = isDonation
    self.source = source
    self.warehouse = warehouse
    self.item = item
    self.quantity = quantity
    self.lot = lot
    self.expiry = expiry
    self.serials = serials
    self.value = value
    self.note = note
  }

  public var command: String { isDonation ? "donation receive" : "receive" }

  public var inputs: [(String, String)] {
    var pairs = [("--from", source), ("--to", warehouse), ("--item", item)]
    if let quantity { pairs.append(("--qty", quantity.description)) }
    if let lot { pairs.append(("--lot", lot)) }
    if let expiry { pairs.append(("--expiry", expiry.description)) }
    pairs += serials.map { ("--serial", $0) }
    pairs.append(("--value", Money.yuan(value)))
    if let note { pairs.append(("--note", note)) }
    return pairs
  }
}

extension Depot {
  /// Receives stock from a supplier, or a donation from a donor, into a warehouse (clerk).
  public func receive(_ request: ReceiptRequest, _ context: WriteContext) throws -> PostedDocument {
    let action = request.isDonation ? "receive donations" : "receive stock"
    return try perform(request, context, roles: [.clerk], action: action) { session in
      let source = try session.party(request.source, kind: request.isDonation ? .donor : .supplier)
      let warehouse = try session.location(request.warehouse, kind: .warehouse)
      let item = try session.item(request.item)
      guard (0...Money.maximumFen).contains(request.value) else {
        throw DepotError.invalidMoney(field: "--value", text: Money.yuan(request.value))
      }
      let quantity =
        try request.quantity.map { try session.baseQuantity(of: $0, item, field: "--qty") }
        ?? Int64(request.serials.count)
      guard quantity > 0 else { throw DepotError.serialsRequired(item: item.code) }
      let note = try Text.checkedOptional(request.note, field: "--note")
      let document = try session.newDocument(
        request.isDonation ? .donation : .receipt, state: "posted", source: source.id,
        destination: warehouse.id, note: note)
      let lines = try session.receive(
        IncomingStock(
          item: item, quantity: quantity, lotNumber: request.lot, expiry: request.expiry,
          serials: request.serials, value: request.value),
        from: source, into: warehouse, document: document)
      try session.record(
        subject: document.number, action: request.isDonation ? "donation.post" : "receipt.post",
        document: document, to: "posted", payload: Payload(lines: lines, note: note))
      return PostedDocument(document, lines: lines)
    }
  }
}

/// `depot transfer`: stock between two warehouses.
public struct TransferRequest: DepotRequest {
  public typealias Result = PostedDocument
  public var source: String
  public var destination: String
  public var item: String
  public var quantity: QuantityAmount?
  public var lot: String?
  public var serials: [String]
  public var note: String?

  public init(
    source: String, destination: String, item: String, quantity: QuantityAmount?,
    lot: String? = nil, serials: [String] = [], note: String? = nil
  ) {
    self.source = source
    self.destination = destination
    self.item = item
    self.quantity = quantity
    self.lot = lot
    self.serials = serials
    self.note = note
  }

  public var command: String { "transfer" }

  public var inputs: [(String, String)] {
    var pairs = [("--from", source), ("--to", destination), ("--item", item)]
    if let quantity { pairs.append(("--qty", quantity.description)) }
    if let lot { pairs.append(("--lot", lot)) }
    pairs += serials.map { ("--serial", $0) }
    if let note { pairs.append(("--note", note)) }
    return pairs
  }
}

extension Depot {
  /// Moves stock from one warehouse to another, first expiry first unless a lot or serials
  /// are named; never an expired lot (clerk).
  public func transfer(_ request: TransferRequest, _ context: WriteContext) throws
    -> PostedDocument
  {
    try perform(request, context, roles: [.clerk], action: "transfer stock") { session in
      let source = try session.location(request.source, kind: .warehouse)
      let destination = try session.location(request.destination, kind: .warehouse)
      guard source.id != destination.id else { throw DepotError.sameLocation(source.code) }
      let item = try session.item(request.item)
      let selection = try session.selection(for: item, lot: request.lot, serials: request.serials)
      let quantity =
        try request.quantity.map { try session.baseQuantity(of: $0, item, field: "--qty") }
        ?? Int64(request.serials.count)
      guard quantity > 0 else {
        throw DepotError.invalidQuantity(field: "--qty", reason: "give --qty")
      }
      let note = try Text.checkedOptional(request.note, field: "--note")
      let document = try session.newDocument(
        .transfer, state: "posted", source: source.id, destination: destination.id, note: note)
      let reserved = try session.transaction.reservedQuantity(itemID: item.id, accountID: source.id)
      let lines = try session.move(
        item, quantity: quantity, selection: selection, from: source, to: destination,
        document: document, heldBack: reserved)
      try session.record(
        subject: document.number, action: "transfer.post", document: document, to: "posted",
        payload: Payload(lines: lines, note: note))
      return PostedDocument(document, lines: lines)
    }
  }
}

extension Session {
  /// How outgoing stock of an item is chosen, checked against the item's tracking.
  func selection(for item: ItemRecord, lot: String?, serials: [String]) throws -> StockSelection {
    let tracking = Tracking(rawValue: item.tracking) ?? .none
    if tracking == .serial {
      guard lot == nil else { throw DepotError.notLotTracked(item: item.code) }
      guard !serials.isEmpty else { throw DepotError.serialsRequired(item: item.code) }
      return .serials(serials)
    }
    guard serials.isEmpty else { throw DepotError.notSerialTracked(item: item.code) }
    if let lot {
      guard tracking == .lot else { throw DepotError.notLotTracked(item: item.code) }
      return .lot(lot)
    }
    return .firstExpiryFirstOut
  }
}

extension Payload {
  /// The canonical record of a document's movements, and of the write-offs it opened.
  init(lines: [PostedDocument.Line], note: String? = nil, writeOffs: [String] = []) {
    self.init(
      lines.map { line in
        (
          "line",
          [line.item, line.lot ?? "", line.from, line.to, String(line.quantity), line.value]
            .joined(separator: "|")
        )
      } + [("note", note)] + writeOffs.map { ("writeOff", $0) })
  }
}
