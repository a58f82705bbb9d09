import Ledger
import Macros

/// `depot use`: a site reports what it used.
@MemberwiseInit
public struct UseReport: DepotRequest {
  public typealias Result = PostedDocument
  public var site: String
  public var item: String
  public var quantity: QuantityAmount
  public var note: String? = nil

  public var command: String { "use" }
  public var inputs: [(Field, String)] {
    [(.at, site), (.item, item), (.quantity, quantity.description)]
      + (note.map { [(.note, $0)] } ?? [])
  }
}

/// `depot return`: a site sends unused stock back to a warehouse; what is found damaged at
/// inspection is written off, and serial-numbered equipment comes back by serial number and
/// goes into disinfection.
@MemberwiseInit
public struct StockReturn: DepotRequest {
  public typealias Result = PostedDocument
  public var site: String
  public var warehouse: String
  public var item: String
  /// Nil when the quantity is the number of serials given.
  public var quantity: QuantityAmount?
  public var serials: [String] = []
  public var damaged: QuantityAmount? = nil
  public var note: String? = nil

  public var command: String { "return" }
  public var inputs: [(Field, String)] {
    [(.from, site), (.to, warehouse), (.item, item)]
      + (quantity.map { [(.quantity, $0.description)] } ?? []) + serials.map { (.serial, $0) }
      + (damaged.map { [(.damaged, $0.description)] } ?? [])
      + (note.map { [(.note, $0)] } ?? [])
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
      let quantity = try session.baseQuantity(of: request.quantity, item, field: .quantity)
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let document = try session.newDocument(.use, state: .posted, source: site.id, note: note)
      let lines = try session.move(
        item, quantity: quantity, selection: .firstExpiryFirstOut, from: site,
        to: try session.systemAccount(.consumed), document: document)
      try session.recordOpening(
        of: document, action: "use.post", payload: Payload(lines: lines, note: note))
      return PostedDocument(document, lines: lines)
    }
  }

  /// Takes stock back from a site into a warehouse (clerk). The damaged part comes back too,
  /// and is written off there (awaiting approval, then a waste batch); serial-numbered
  /// equipment comes back by serial number into disinfection, unavailable until it is done.
  public func returnStock(_ request: StockReturn, _ context: WriteContext) throws
    -> PostedDocument
  {
    try perform(request, context, roles: [.clerk], action: "take returns") { session in
      let site = try session.location(request.site, kind: .site)
      let warehouse = try session.location(request.warehouse, kind: .warehouse)
      let item = try session.item(request.item)
      let isEquipment = item.tracking == .serial
      let selection = try session.selection(for: item, lot: nil, serials: request.serials)
      let quantity = try session.quantity(request.quantity, serials: request.serials, of: item)
      let damaged =
        try request.damaged.map {
          try session.baseQuantity(of: $0, item, field: .damaged)
        } ?? 0
      guard !isEquipment || damaged == 0 else {
        throw DepotError.invalidOption(
          field: .damaged,
          reason: "does not apply to \(item.code): returned equipment goes into disinfection, "
            + "and a broken piece is written off afterwards with 'depot writeoff \(Field.serial)'")
      }
      guard damaged <= quantity else {
        throw DepotError.invalidQuantity(
          field: .damaged, reason: "\(damaged) damaged of \(quantity) returned")
      }
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let document = try session.newDocument(
        .stockReturn, state: .posted, source: site.id, destination: warehouse.id, note: note)
      var lines: [PostedDocument.Line] = []
      if quantity > damaged {
        lines += try session.move(
          item, quantity: quantity - damaged, selection: selection, from: site,
          to: warehouse, document: document)
      }
      var writeOffs: [String] = []
      if damaged > 0 {
        let damagedLots = try session.takeMovable(damaged, of: item, at: site)
        lines += try session.moveLots(
          damagedLots, of: item, from: site, to: warehouse, document)
        writeOffs = try session.reportDamaged(
          damagedLots.map { WriteOffLot(item: item, lot: $0.lot, quantity: $0.quantity) },
          at: warehouse, origin: document)
      }
      var payload = Payload(lines: lines, note: note, writeOffs: writeOffs)
      var disinfection: [String] = []
      if isEquipment {
        for flow in try session.transaction.lotFlows(
          documentID: document.id, itemID: item.id, accountID: warehouse.id)
        {
          try session.transaction.insertDisinfection(
            DisinfectionRecord(
              lotId: flow.lot.id, accountId: warehouse.id, returnDocumentId: document.id,
              startedAt: session.now))
          disinfection.append(flow.lot.number ?? "-")
          payload.append("disinfection", flow.lot.number)
        }
      }
      try session.recordOpening(of: document, action: "return.post", payload: payload)
      var posted = PostedDocument(document, lines: lines)
      posted.writeOffs = writeOffs.isEmpty ? nil : writeOffs
      posted.inDisinfection = disinfection.isEmpty ? nil : disinfection
      return posted
    }
  }
}

extension Session {
  /// Takes `quantity` of an item from the lots that may leave a place, first expiry first,
  /// or refuses with what is available.
  func takeMovable(_ quantity: Int64, of item: ItemRecord, at place: AccountRecord) throws
    -> [(lot: LotRecord, quantity: Int64)]
  {
    var lots = try movableHoldings(of: item, at: place).filter { $0.movable > 0 }
      .map { (lot: $0.holding.lot, quantity: $0.movable) }
    let available = lots.reduce(0) { $0 + $1.quantity }
    guard available >= quantity else {
      throw DepotError.insufficientStock(
        item: item.code, location: place.code, available: available, requested: quantity)
    }
    return try take(
      quantity, from: &lots, shortage: "the lots of \(item.code) at \(place.code) changed")
  }
}
