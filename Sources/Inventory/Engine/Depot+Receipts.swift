import Ledger
import Macros

/// `depot receive` and `depot donation receive`: stock from a supplier or donor.
///
/// A purchase names its order, whose prices give the goods their value; without an order
/// only an approver records it, as a signed emergency receipt with a justification. A
/// donation carries its declared value. Either may list what inspection refused.
@MemberwiseInit
public struct ReceiptRequest: DepotRequest {
  public typealias Result = PostedDocument
  /// Whether the stock is a donation (from a donor) rather than a purchase.
  public var isDonation: Bool = false
  /// The purchase order the goods arrive against.
  public var order: String? = nil
  /// The supplier or donor; optional with an order.
  public var source: String?
  public var warehouse: String
  public var item: String
  /// The accepted quantity; nil when it is the number of serials given.
  public var quantity: QuantityAmount?
  public var lot: String? = nil
  public var expiry: Day? = nil
  public var serials: [String] = []
  /// Total value of the line in fen; required without an order, refused with one.
  public var value: Int64? = nil
  public var note: String? = nil
  /// What was delivered but refused at inspection, and why.
  public var rejected: QuantityAmount? = nil
  public var rejectionReason: String? = nil
  /// An emergency receipt's written justification.
  public var emergencyJustification: String? = nil

  public var command: String { isDonation ? "donation receive" : "receive" }

  public var inputs: [(Field, String)] {
    var pairs: [(Field, String)] = []
    if let order { pairs.append((.order, order)) }
    if let source { pairs.append((.from, source)) }
    pairs += [(.to, warehouse), (.item, item)]
    if let quantity { pairs.append((.quantity, quantity.description)) }
    if let lot { pairs.append((.lot, lot)) }
    if let expiry { pairs.append((.expiry, expiry.description)) }
    pairs += serials.map { (.serial, $0) }
    if let value { pairs.append((.value, Money.yuan(value))) }
    if let note { pairs.append((.note, note)) }
    if let rejected { pairs.append((.rejected, rejected.description)) }
    if let rejectionReason { pairs.append((.reason, rejectionReason)) }
    if let emergencyJustification {
      pairs += [(.emergency, "yes"), (.justification, emergencyJustification)]
    }
    return pairs
  }

  var isEmergency: Bool { emergencyJustification != nil }
}

extension Depot {
  /// Receives stock into a warehouse: against a purchase order or as a donation (clerk), or
  /// as a signed emergency receipt without an order (approver).
  public func receive(_ request: ReceiptRequest, _ context: WriteContext) throws -> PostedDocument {
    let (roles, action): ([Role], String) =
      request.isDonation
      ? ([.clerk], "receive donations")
      : request.isEmergency
        ? ([.approver], "record emergency receipts") : ([.clerk], "receive stock")
    return try perform(request, context, roles: roles, action: action) { session in
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let justification = try ReceiptRequest.checkedJustification(request.emergencyJustification)
      var book = ReceiptBook(loadsAtOnce: false)
      let line = try session.checkReceipt(request, book: &book)
      let posted = try session.postReceipt(
        [line], donation: request.isDonation, justification: justification,
        record: .lines(note: note), book: &book)
      return PostedDocument(
        posted.document, lines: posted.lines, order: posted.order,
        rejections: posted.rejections)
    }
  }
}

/// `depot transfer`: stock between two warehouses.
@MemberwiseInit
public struct TransferRequest: DepotRequest {
  public typealias Result = PostedDocument
  public var source: String
  public var destination: String
  public var item: String
  public var quantity: QuantityAmount?
  public var lot: String? = nil
  public var serials: [String] = []
  public var note: String? = nil

  public var command: String { "transfer" }

  public var inputs: [(Field, String)] {
    var pairs: [(Field, String)] = [(.from, source), (.to, destination), (.item, item)]
    if let quantity { pairs.append((.quantity, quantity.description)) }
    if let lot { pairs.append((.lot, lot)) }
    pairs += serials.map { (.serial, $0) }
    if let note { pairs.append((.note, note)) }
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
      let quantity = try session.quantity(request.quantity, serials: request.serials, of: item)
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let document = try session.newDocument(
        .transfer, state: .posted, source: source.id, destination: destination.id, note: note)
      let reserved = try session.transaction.reservedQuantity(itemID: item.id, accountID: source.id)
      let lines = try session.move(
        item, quantity: quantity, selection: selection, from: source, to: destination,
        document: document, heldBack: reserved)
      try session.recordOpening(
        of: document, action: "transfer.post", payload: Payload(lines: lines, note: note))
      return PostedDocument(document, lines: lines)
    }
  }
}

extension Session {
  /// The quantity of outgoing stock: as typed, else one for each serial number; refused when
  /// it comes to nothing.
  func quantity(_ typed: QuantityAmount?, serials: [String], of item: ItemRecord) throws -> Int64 {
    let quantity =
      try typed.map { try baseQuantity(of: $0, item, field: .quantity) }
      ?? Int64(serials.count)
    guard quantity > 0 else {
      throw DepotError.invalidQuantity(field: .quantity, reason: "give \(Field.quantity)")
    }
    return quantity
  }

  /// How outgoing stock of an item is chosen, checked against the item's tracking.
  func selection(for item: ItemRecord, lot: String?, serials: [String]) throws -> StockSelection {
    let tracking = item.tracking
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
  /// The canonical record of a document's movements, of what inspection refused, and of the
  /// write-offs it opened.
  init(
    lines: [PostedDocument.Line], note: String? = nil,
    rejections: [PostedDocument.Rejection] = [], writeOffs: [String] = []
  ) {
    self.init(
      lines.map { line in
        (
          "line",
          [line.item, line.lot ?? "", line.from, line.to, String(line.quantity), line.value]
            .joined(separator: "|")
        )
      }
        + rejections.map { rejection in
          (
            "rejected",
            [rejection.item, rejection.lot ?? "", String(rejection.quantity), rejection.reason]
              .joined(separator: "|")
          )
        } + [("note", note)] + writeOffs.map { ("writeOff", $0) })
  }
}
