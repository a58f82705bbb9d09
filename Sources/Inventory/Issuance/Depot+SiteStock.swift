import Ledger

/// `depot use`: a site reports what it used.
public struct UseReport: DepotRequest {
  public typealias Result = PostedDocument
  public var site: String
  public var item: String
  public var quantity: QuantityAmount
  public var note: String?

  public init(site: String, item: String, quantity: QuantityAmount, note: String? = nil) {
    self.site = site
    self.item = item
    self.quantity = quantity
    self.note = note
  }

  public var command: String { "use" }
  public var inputs: [(String, String)] {
    [("--at", site), ("--item", item), ("--qty", quantity.description)]
      + (note.map { [("--note", $0)] } ?? [])
  }
}

/// `depot return`: a site sends unused stock back to a warehouse; what is found damaged at
/// inspection is written off.
public struct StockReturn: DepotRequest {
  public typealias Result = PostedDocument
  public var site: String
  public var warehouse: String
  public var item: String
  public var quantity: QuantityAmount
  public var damaged: QuantityAmount?
  public var note: String?

  public init(
    site: String, warehouse: String, item: String, quantity: QuantityAmount,
    damaged: QuantityAmount? = nil, note: String? = nil
  ) {
    self.site = site
    self.warehouse = warehouse
    self.item = item
    self.quantity = quantity
    self.damaged = damaged
    self.note = note
  }

  public var command: String { "return" }
  public var inputs: [(String, String)] {
    [("--from", site), ("--to", warehouse), ("--item", item), ("--qty", quantity.description)]
      + (damaged.map { [("--damaged", $0.description)] } ?? [])
      + (note.map { [("--note", $0)] } ?? [])
  }
}

extension Depot {
  /// Records use at a site: stock leaves the site into `consumed` (the site's requester, or
  /// a clerk).
  public func reportUse(_ request: UseReport, _ context: WriteContext) throws -> PostedDocument {
    try perform(request, context, roles: [.requester, .clerk], action: "report use") { session in
      let site = try session.location(request.site, kind: .site)
      if !session.roles.contains(.clerk) { try session.requireBinding(to: site) }
      let item = try session.item(request.item)
      let quantity = try session.baseQuantity(of: request.quantity, item, field: "--qty")
      let note = try Text.checkedOptional(request.note, field: "--note")
      let document = try session.newDocument(.use, state: "posted", source: site.id, note: note)
      let lines = try session.move(
        item, quantity: quantity, selection: .firstExpiryFirstOut, from: site,
        to: try session.systemAccount(.consumed), document: document)
      try session.record(
        subject: document.number, action: "use.post", document: document, to: "posted",
        payload: Payload(lines: lines, note: note))
      return PostedDocument(document, lines: lines)
    }
  }

  /// Takes stock back from a site into a warehouse (clerk); the damaged part is written off.
  public func returnStock(_ request: StockReturn, _ context: WriteContext) throws
    -> PostedDocument
  {
    try perform(request, context, roles: [.clerk], action: "take returns") { session in
      let site = try session.location(request.site, kind: .site)
      let warehouse = try session.location(request.warehouse, kind: .warehouse)
      let item = try session.item(request.item)
      let quantity = try session.baseQuantity(of: request.quantity, item, field: "--qty")
      let damaged =
        try request.damaged.map {
          try session.baseQuantity(of: $0, item, field: "--damaged")
        } ?? 0
      guard damaged <= quantity else {
        throw DepotError.invalidQuantity(
          field: "--damaged", reason: "\(damaged) damaged of \(quantity) returned")
      }
      let note = try Text.checkedOptional(request.note, field: "--note")
      let document = try session.newDocument(
        .stockReturn, state: "posted", source: site.id, destination: warehouse.id, note: note)
      var lines: [PostedDocument.Line] = []
      if quantity > damaged {
        lines += try session.move(
          item, quantity: quantity - damaged, selection: .firstExpiryFirstOut, from: site,
          to: warehouse, document: document)
      }
      if damaged > 0 {
        lines += try session.move(
          item, quantity: damaged, selection: .firstExpiryFirstOut, from: site,
          to: try session.systemAccount(.lost), document: document)
      }
      try session.record(
        subject: document.number, action: "return.post", document: document, to: "posted",
        payload: Payload(lines: lines, note: note))
      return PostedDocument(document, lines: lines)
    }
  }
}
