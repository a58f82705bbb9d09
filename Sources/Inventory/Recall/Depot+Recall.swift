import Ledger
import Macros

/// `depot recall`: a lot that must come off the shelves.
@MemberwiseInit
public struct LotRecall: DepotRequest {
  public typealias Result = RecallReport
  public var lot: String
  /// The item, needed when the lot number exists for more than one.
  public var item: String? = nil
  public var reason: String

  public var command: String { "recall" }
  public var inputs: [(Field, String)] {
    [(.recalledLot, lot)] + (item.map { [(.item, $0)] } ?? []) + [(.reason, reason)]
  }
}

/// Where a recalled lot went, from the ledger: every place it reached with what it still
/// holds there, and every arrival at a site from an issuance.
public struct RecallReport: Codable, Sendable, Equatable {
  /// A physical place the lot reached.
  public struct Place: Codable, Sendable, Equatable {
    public var location: String
    public var kind: String
    /// Everything of the lot that ever came in.
    public var received: Int64
    /// What was reported used there.
    public var used: Int64
    /// What is still there, unused.
    public var onHand: Int64
  }

  /// One arrival of the lot at a site, confirmed from an issuance.
  public struct Issue: Codable, Sendable, Equatable {
    public var date: String
    public var document: String
    public var site: String
    public var quantity: Int64
  }

  /// What the recall did to one open request's reservation at a warehouse that held the lot.
  public struct Reservation: Codable, Sendable, Equatable {
    public var document: String
    public var location: String
    /// What had rested on the recalled lot and now rests on other usable lots.
    public var repointed: Int64
    /// What no usable lot covers any more, released from the request.
    public var released: Int64
    /// What the request still reserves of the item there.
    public var stillReserved: Int64
  }

  public var item: String
  public var itemName: String
  public var lot: String
  public var unit: String
  public var reason: String
  public var recalledAt: Moment?
  public var recalledBy: String
  public var places: [Place]
  public var issued: [Issue]
  /// What is still on hand anywhere (warehouses, sites, in transit, waste points).
  public var stillHeld: Int64
  /// The reservations the recall re-pointed to other lots or released, oldest first.
  public var reservations: [Reservation]
}

extension Depot {
  /// An approver recalls a lot (signed): from now on it cannot be shipped, transferred or
  /// used, only written off; the answer lists every place it reached from the ledger.
  /// Reservations that rested on the lot are re-pointed to the other usable lots of the item
  /// at the warehouse, or released where those do not cover them, in the same transaction.
  public func recall(_ request: LotRecall, _ context: WriteContext) throws -> RecallReport {
    try perform(request, context, roles: [.approver], action: "recall lots") { session in
      let number = try Text.checkedIdentifier(request.lot, field: .recalledLot, maximumLength: 64)
      let reason = try Text.checked(
        request.reason, field: .reason, maximumLength: 2000, lineBreaks: true)
      try session.checkPostingDate()
      var lots = try session.transaction.lots(number: number)
      if let code = request.item {
        let item = try session.item(code)
        lots = lots.filter { $0.itemId == item.id }
        guard !lots.isEmpty else {
          throw DepotError.lotNotHere(item: item.code, lot: number, location: "any location")
        }
      }
      guard let first = lots.first else { throw DepotError.unknownLot(number) }
      let itemIDs = Set(lots.map(\.itemId))
      guard itemIDs.count == 1 else {
        throw DepotError.ambiguousLot(
          lot: number, items: try itemIDs.map { try session.item(id: $0).code }.sorted())
      }
      let item = try session.item(id: first.itemId)
      let fresh = try lots.filter { try session.transaction.recall(lotID: $0.id) == nil }
      guard !fresh.isEmpty else {
        let earlier = try session.transaction.recall(lotID: first.id)
        throw DepotError.alreadyRecalled(
          item: item.code, lot: number,
          on: earlier?.recalledAt.day(in: session.timeZone)
            ?? session.today)
      }
      let reservations = try session.reservationsUnderRecall(of: item, lots: fresh)
      for lot in fresh {
        try session.transaction.insertRecall(
          LotRecallRecord(
            lotId: lot.id, reason: reason, recalledBy: session.actor.id,
            recalledAt: session.now))
      }
      try session.record(
        subject: "lot \(item.code) \(number)", action: "lot.recall",
        reason: reason,
        payload: Payload(
          [("item", item.code), ("lot", number)] + fresh.map { ("lotId", String($0.id)) }
            + reservations.map {
              (
                "reservation",
                "\($0.document.number)@\($0.warehouse.code) repointed="
                  + "\($0.change.repointed) released=\($0.change.released)"
              )
            }))
      try session.release(
        reservations, of: item, recall: "\(item.code) \(number)", reason: reason)
      return try session.recallReport(
        item, lots: lots, reservations: reservations.map(\.reported))
    }
  }
}

extension Session {
  /// Where the lots went, from their movements, with what the recall did to reservations.
  func recallReport(
    _ item: ItemRecord, lots: [LotRecord], reservations: [RecallReport.Reservation]
  ) throws -> RecallReport {
    var places: [Int64: RecallReport.Place] = [:]
    var order: [Int64] = []
    var issued: [RecallReport.Issue] = []
    var kinds: [Int64: AccountRecord.Kind] = [:]
    func kind(_ id: Int64) throws -> AccountRecord.Kind {
      if let known = kinds[id] { return known }
      let found = try account(id).kind
      kinds[id] = found
      return found
    }
    for line in try transaction.cardLines(itemID: item.id, accountID: nil, lotIDs: lots.map(\.id)) {
      if line.toHoldsStock {
        if places[line.toAccountId] == nil {
          order.append(line.toAccountId)
          places[line.toAccountId] = RecallReport.Place(
            location: line.toCode, kind: try kind(line.toAccountId).rawValue, received: 0,
            used: 0, onHand: 0)
        }
        places[line.toAccountId]?.received += line.quantity
        places[line.toAccountId]?.onHand += line.quantity
      }
      if line.fromHoldsStock {
        places[line.fromAccountId]?.onHand -= line.quantity
        if try kind(line.toAccountId) == .consumed {
          places[line.fromAccountId]?.used += line.quantity
        }
      }
      if try kind(line.fromAccountId) == .transit, try kind(line.toAccountId) == .site {
        issued.append(
          RecallReport.Issue(
            date: line.effectiveDate.description, document: line.documentNumber, site: line.toCode,
            quantity: line.quantity))
      }
    }
    let recall = try lots.compactMap { try transaction.recall(lotID: $0.id) }.first
    let reached = order.compactMap { places[$0] }
    return RecallReport(
      item: item.code, itemName: item.name, lot: lots.first?.number ?? "-", unit: item.baseUnit,
      reason: recall?.reason ?? "", recalledAt: recall?.recalledAt,
      recalledBy: try recall.flatMap { try transaction.user(id: $0.recalledBy)?.name } ?? "",
      places: reached, issued: issued, stillHeld: reached.reduce(0) { $0 + $1.onHand },
      reservations: reservations)
  }
}
