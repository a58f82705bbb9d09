import Ledger

extension Depot {
  /// A requester asks a warehouse for supplies for one of their sites.
  public func requestIssue(_ request: IssueRequest, _ context: WriteContext) throws
    -> IssuanceView
  {
    try perform(request, context, roles: [.requester], action: "request supplies") { session in
      let source = try session.location(request.source, kind: .warehouse)
      let site = try session.location(request.site, kind: .site)
      try session.requireBinding(to: site)
      guard !request.items.isEmpty else {
        throw DepotError.invalidOption(field: .item, reason: "must name at least one item")
      }
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let quantities = try session.quantities(request.items, field: .item)
      let document = try session.newDocument(
        .issuanceRequest, state: .requested, source: source.id, destination: site.id, note: note)
      try session.transaction.insertIssuance(
        IssuanceRequestRecord(
          documentId: document.id, priority: request.priority.rawValue,
          neededBy: request.neededBy, requestedAt: session.effectiveMoment),
        lines: quantities.enumerated().map { index, entry in
          IssuanceLineRecord(
            documentId: document.id, itemId: entry.item.id, position: index + 1,
            requested: entry.quantity)
        })
      try session.recordOpening(
        of: document, action: "issue.request",
        payload: Payload(
          [("priority", request.priority.rawValue), ("neededBy", request.neededBy?.description)]
            + quantities.map { ("line", "\($0.item.code)=\($0.quantity)") } + [("note", note)]))
      return try session.issuanceView(document)
    }
  }

  /// An approver decides a request's lines: approves them in full or in part, reserving the
  /// stock at the warehouse, and declines some with a reason; what is left awaits a later
  /// decision, which may approve more while the request is open (SPEC §10).
  public func approveIssue(_ request: IssueApproval, _ context: WriteContext) throws
    -> IssuanceView
  {
    try perform(request, context, roles: [.approver], action: "approve requests") { session in
      var document = try session.document(
        request.number, kind: .issuanceRequest,
        allowing: [.requested, .approved, .shipped, .confirmed], to: "approved")
      var lines = try session.transaction.issuanceLines(documentID: document.id)
      try session.requireFourEyes(on: document, earlierStep: "requested", by: document.createdBy)
      let reason = try Text.checkedOptional(request.reason, field: .reason, lineBreaks: true)
      if request.overrideFloor && reason == nil {
        throw DepotError.reasonRequired(action: "override a reserve floor")
      }
      let source = try session.account(document.sourceAccountId)
      var overridden: [String] = []
      let decided = try session.decide(&lines, of: document, request.lines) { item, approved in
        let available = try session.available(item, at: source)
        guard available >= approved else {
          throw DepotError.insufficientStock(
            item: item.code, location: source.code, available: available, requested: approved)
        }
        if source.isReserve,
          let floor = try session.transaction.reserveLevel(itemID: item.id, accountID: source.id)?
            .floor, available - approved < floor
        {
          guard request.overrideFloor else {
            throw DepotError.belowReserveFloor(
              item: item.code, location: source.code, left: available - approved, floor: floor)
          }
          overridden.append("\(item.code) left \(available - approved) under floor \(floor)")
        }
      }
      for line in lines { try session.transaction.update(line) }
      var issuance = try session.issuanceRecord(document)
      if issuance.approvedAt == nil {
        issuance.approvedAt = session.effectiveMoment
        issuance.approvalEnteredLate = session.isBackdated
      }
      if !overridden.isEmpty { issuance.floorOverrideReason = reason }
      try session.transaction.update(issuance)
      try session.move(
        &document, to: document.state == .requested ? .approved : document.state,
        action: "issue.approve", reason: reason,
        payload: session.dated(
          Payload(
            [("document", document.number), ("decision", "approve")] + decided
              + overridden.map { ("override", $0) })))
      return try session.issuanceView(document)
    }
  }

  /// An approver rejects, cancels or closes a request, with a signed reason; whatever is
  /// still reserved is released.
  public func decideIssue(_ request: IssueDecision, _ context: WriteContext) throws
    -> IssuanceView
  {
    try decide(request, context) { session, document in
      if request.kind == .reject {
        try session.requireFourEyes(
          on: document, earlierStep: "requested", by: document.createdBy)
      }
      let reason = try request.requiredReason()
      var released: [(String, String?)] = []
      var lines = try session.transaction.issuanceLines(documentID: document.id)
      for index in lines.indices {
        let item = try session.item(id: lines[index].itemId)
        if lines[index].inTransit > 0 {
          throw DepotError.stillInTransit(
            document: document.number, item: item.code, quantity: lines[index].inTransit)
        }
        if lines[index].reserved > 0 {
          released.append(("released", "\(item.code)=\(lines[index].reserved)"))
          lines[index].released += lines[index].reserved
        }
      }
      if request.kind != .cancel { released += try session.declineRest(of: &lines, reason) }
      for line in lines { try session.transaction.update(line) }
      if request.kind == .close {
        var issuance = try session.issuanceRecord(document)
        issuance.closedAt = session.now
        try session.transaction.update(issuance)
      }
      return DecisionOutcome(reason: reason, details: released)
    } then: { session, document in
      try session.issuanceView(document)
    }
  }

  /// A clerk ships approved stock, first expiry first, into transit towards the site.
  public func shipIssue(_ request: IssueShipment, _ context: WriteContext) throws -> IssuanceView {
    try perform(request, context, roles: [.clerk], action: "ship requests") { session in
      var (document, lines) = try session.issuance(
        request.number, allowing: [.approved, .shipped, .confirmed], to: .shipped)
      let partial = try session.quantities(request.items, field: .item)
      for item in partial where !lines.contains(where: { $0.itemId == item.item.id }) {
        throw DepotError.notOnDocument(document: document.number, item: item.item.code)
      }
      let source = try session.account(document.sourceAccountId)
      let transit = try session.systemAccount(.transit)
      var moved: [PostedDocument.Line] = []
      for line in lines where line.reserved == 0 && line.declined > 0 {
        if let named = partial.first(where: { $0.item.id == line.itemId }) {
          throw DepotError.lineDeclined(
            document: document.number, item: named.item.code, declined: line.declined,
            reason: line.declineReason, step: "shipped")
        }
      }
      for index in lines.indices where lines[index].reserved > 0 {
        let item = try session.item(id: lines[index].itemId)
        let named = partial.first { $0.item.id == item.id }?.quantity
        if !partial.isEmpty && named == nil { continue }
        let quantity = named ?? lines[index].reserved
        guard quantity <= lines[index].reserved else {
          throw DepotError.exceedsReserved(
            document: document.number, item: item.code, reserved: lines[index].reserved,
            asked: quantity)
        }
        let heldBack = try session.heldBack(
          forShipping: quantity, of: item, from: document, at: source)
        moved += try session.move(
          item, quantity: quantity, selection: .firstExpiryFirstOut, from: source, to: transit,
          document: document, heldBack: heldBack)
        lines[index].shipped += quantity
        try session.transaction.update(lines[index])
      }
      guard !moved.isEmpty else {
        throw DepotError.nothingLeft(document: document.number, action: "ship")
      }
      var issuance = try session.issuanceRecord(document)
      if issuance.firstShippedAt == nil {
        issuance.firstShippedAt = session.effectiveMoment
        issuance.shipmentEnteredLate = session.isBackdated
      }
      try session.transaction.update(issuance)
      try session.move(
        &document, to: .shipped, action: "issue.ship", payload: Payload(lines: moved))
      return try session.issuanceView(document)
    }
  }

  /// The site confirms what arrived: intact goods enter its stock, damaged goods are received
  /// there and written off (a write-off awaiting approval, then a waste batch from the site),
  /// missing goods go to `lost`; the difference stays on record.
  public func confirmIssue(_ request: IssueConfirmation, _ context: WriteContext) throws
    -> IssuanceView
  {
    try perform(request, context, roles: [.requester], action: "confirm deliveries") { session in
      var (document, lines) = try session.issuance(
        request.number, allowing: [.shipped], to: .confirmed)
      let site = try session.account(document.destinationAccountId)
      try session.requireBinding(to: site)
      let note = try Text.checkedOptional(request.note, field: .note, lineBreaks: true)
      let received = try session.quantities(request.received, field: .received)
      let damaged = try session.quantities(request.damaged, field: .damaged)
      for entry in received + damaged where !lines.contains(where: { $0.itemId == entry.item.id }) {
        throw DepotError.notOnDocument(document: document.number, item: entry.item.code)
      }
      let transit = try session.systemAccount(.transit)
      let lost = try session.systemAccount(.lost)
      var moved: [PostedDocument.Line] = []
      var damagedLots: [WriteOffLot] = []
      for index in lines.indices where lines[index].inTransit > 0 {
        let item = try session.item(id: lines[index].itemId)
        let inTransit = lines[index].inTransit
        let broken = damaged.first { $0.item.id == item.id }?.quantity ?? 0
        let intact = received.first { $0.item.id == item.id }?.quantity ?? (inTransit - broken)
        guard intact >= 0, intact + broken <= inTransit else {
          throw DepotError.exceedsInTransit(
            document: document.number, item: item.code, inTransit: inTransit,
            asked: Swift.max(intact, 0) + broken)
        }
        var inFlight = try session.transaction.lotFlows(
          documentID: document.id, itemID: item.id, accountID: transit.id
        ).map { (lot: $0.lot, quantity: $0.quantity) }
        let shortage = "\(document.number) records more \(item.code) in transit than it moved"
        var arrived = try take(intact + broken, from: &inFlight, shortage: shortage)
        let moves = try session.moveLots(arrived, of: item, from: transit, to: site, document)
        damagedLots += try take(broken, from: &arrived, shortage: shortage).map {
          WriteOffLot(item: item, lot: $0.lot, quantity: $0.quantity)
        }
        let vanished = try session.moveLots(
          take(inTransit - intact - broken, from: &inFlight, shortage: shortage), of: item,
          from: transit, to: lost, document)
        moved += moves + vanished
        lines[index].received += intact
        lines[index].damaged += broken
        lines[index].missing += inTransit - intact - broken
        try session.transaction.update(lines[index])
      }
      let writeOffs =
        damagedLots.isEmpty
        ? [] : try session.reportDamaged(damagedLots, at: site, origin: document)
      let done = lines.allSatisfy {
        $0.inTransit == 0 && $0.reserved == 0 && $0.awaitingDecision == 0
      }
      let target: DocumentState = done ? .closed : .confirmed
      var issuance = try session.issuanceRecord(document)
      issuance.confirmedAt = session.effectiveMoment
      issuance.confirmationEnteredLate = session.isBackdated
      if done { issuance.closedAt = session.now }
      try session.transaction.update(issuance)
      try session.move(
        &document, to: target, action: "issue.confirm", reason: note,
        payload: Payload(lines: moved, note: note, writeOffs: writeOffs))
      return try session.issuanceView(document)
    }
  }

  /// One request as it stands (every registered user).
  public func issuance(_ number: String, as actor: String?) throws -> IssuanceView {
    try read(as: actor) { session in
      try session.issuanceView(session.document(number, kind: .issuanceRequest))
    }
  }
}

/// Takes `quantity` from the front of `lots`, splitting a lot when needed; refused as a
/// damaged database, saying what `shortage` says, when the lots hold less.
func take(
  _ quantity: Int64, from lots: inout [(lot: LotRecord, quantity: Int64)],
  shortage: @autoclosure () -> String
) throws -> [(lot: LotRecord, quantity: Int64)] {
  var remaining = quantity
  var taken: [(lot: LotRecord, quantity: Int64)] = []
  while remaining > 0, !lots.isEmpty {
    let part = Swift.min(remaining, lots[0].quantity)
    taken.append((lots[0].lot, part))
    remaining -= part
    lots[0].quantity -= part
    if lots[0].quantity == 0 { lots.removeFirst() }
  }
  guard remaining == 0 else { throw DepotError.damagedDatabase(shortage()) }
  return taken
}
