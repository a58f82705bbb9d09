import Ledger

extension Depot {
  /// What waits on the acting user's roles, oldest first (every registered user; a role
  /// without waiting steps adds nothing): for an approver the requests, purchase requests
  /// and adjustments that others made, uncovered reservations and manifests in discrepancy;
  /// for a clerk the requests to ship, waste batches 40 hours or more old and not handed
  /// over, reserves below their floor (a clerk proposes the purchase) and lots that expire
  /// within the warning window or have expired; for a requester the shipments to confirm at
  /// their sites.
  public func inbox(as actor: String?) throws -> Inbox {
    try read(as: actor) { session in
      var entries: [InboxEntry] = []
      if session.roles.contains(.approver) { entries += try session.decisionsWaiting() }
      if session.roles.contains(.clerk) { entries += try session.clerkWorkWaiting() }
      if session.roles.contains(.requester) { entries += try session.deliveriesWaiting() }
      let ordered = entries.enumerated().sorted {
        ($0.element.since, $0.offset) < ($1.element.since, $1.offset)
      }
      return Inbox(user: session.actor.name, entries: ordered.map(\.element))
    }
  }
}

/// How far ahead of a waste batch's 48-hour deadline the inbox lists it.
private let wasteWarningHours: Int64 = 40

extension Session {
  /// What an approver decides or repairs: never what they made themselves (four eyes).
  fileprivate func decisionsWaiting() throws -> [InboxEntry] {
    var entries: [InboxEntry] = []
    // A request decided in part still waits for a decision on the rest while it is open.
    for state in [DocumentState.requested, .approved, .shipped, .confirmed] {
      for row in try transaction.issuances(state: state, siteID: nil, priority: nil)
      where row.document.createdBy != actor.id {
        guard try state == .requested || issuanceView(row.document).awaitsDecision else {
          continue
        }
        entries.append(
          InboxEntry(
            .decideRequest, since: row.request.requestedAt, document: row.document.number,
            state: row.document.state, location: row.siteCode))
      }
    }
    for row in try transaction.procurementDocuments(states: [.requested, .approved])
    where row.document.kind == .purchaseRequest && row.document.createdBy != actor.id {
      guard
        try row.document.state == .requested
          || purchaseRequestView(row.document).awaitsDecision
      else { continue }
      entries.append(
        InboxEntry(
          .decidePurchase, since: row.document.createdAt, document: row.document.number,
          state: row.document.state))
    }
    for document in try transaction.adjustments(state: .requested)
    where document.createdBy != actor.id {
      entries.append(
        InboxEntry(
          .decideAdjustment, since: document.createdAt, document: document.number,
          state: document.state,
          location: try account(adjustmentRecord(document).accountId).code))
    }
    for reservation in try uncoveredReservations() {
      entries.append(
        InboxEntry(
          .repointReservation, since: reservation.since, document: reservation.document,
          state: .approved, item: try item(reservation.item), location: reservation.location,
          quantity: reservation.uncovered))
    }
    for manifest in try transaction.manifests() {
      guard let document = try transaction.document(id: manifest.manifest.documentId),
        document.state == .discrepancy
      else { continue }
      entries.append(
        InboxEntry(
          .resolveManifest, since: manifest.manifest.handedOverAt, document: document.number,
          state: document.state))
    }
    return entries
  }

  /// Every reserve whose available stock is below its floor, with how much it is short.
  private func reservesBelowFloor() throws -> [InboxEntry] {
    try reserveStatuses(PlanningSettings()).compactMap { status in
      guard let floor = status.floor, status.available < floor else { return nil }
      let item = try item(status.item)
      let warehouse = try location(status.location, kind: .warehouse)
      let moved = try transaction.cardLines(itemID: item.id, accountID: warehouse.id, lotIDs: nil)
        .last?.recordedAt
      let levelSet = try transaction.events(subject: "reserve \(item.code)@\(warehouse.code)")
        .last?.recordedAt
      return InboxEntry(
        .restock, since: [moved, levelSet].compactMap { $0 }.max() ?? now, item: item,
        location: warehouse.code, quantity: floor - status.available)
    }
  }

  /// What a clerk ships (what usable stock covers of the reservations), moves on and uses up.
  fileprivate func clerkWorkWaiting() throws -> [InboxEntry] {
    var entries: [InboxEntry] = []
    var uncovered: [String: Int64] = [:]
    for reservation in try uncoveredReservations() {
      uncovered[reservation.document, default: 0] += reservation.uncovered
    }
    for row in try transaction.issuances(state: nil, siteID: nil, priority: nil)
    where [.approved, .shipped, .confirmed].contains(row.document.state) {
      let reserved = try transaction.issuanceLines(documentID: row.document.id)
        .reduce(0) { $0 + $1.reserved }
      guard reserved > uncovered[row.document.number, default: 0] else { continue }
      entries.append(
        InboxEntry(
          .ship, since: row.request.approvedAt ?? row.document.createdAt,
          document: row.document.number, state: row.document.state, location: row.sourceCode))
    }
    for batch in try registerEntries(WasteRegisterFilter(states: WasteClock.notHandedOver))
    where now >= batch.openedAt.adding(hours: wasteWarningHours) {
      entries.append(
        InboxEntry(
          .moveWaste, since: batch.openedAt, document: batch.batch,
          state: try DocumentState(stored: batch.state),
          location: batch.storagePoint ?? batch.source, due: batch.deadline,
          overdue: batch.overdue))
    }
    return entries + (try reservesBelowFloor()) + (try lotsToUseUp())
  }

  /// The lots at warehouses, not yet held by a write-off, that expire within the warning
  /// window or have expired.
  private func lotsToUseUp() throws -> [InboxEntry] {
    var held: [LotKey: Int64] = [:]
    for hold in try transaction.holds() {
      held[LotKey(lot: hold.lotId, location: hold.accountId)] = hold.quantity
    }
    let horizon = today.adding(days: Int64(ExpiringReport.warningDays))
    var entries: [InboxEntry] = []
    for position in try transaction.stockPositions(itemID: nil, accountID: nil, asOf: nil)
    where position.accountKind == .warehouse {
      guard let expiry = position.expiry, expiry <= horizon else { continue }
      let free =
        position.quantity - (held[LotKey(lot: position.lotId, location: position.accountId)] ?? 0)
      guard free > 0 else { continue }
      let expired = expiry < today
      let since =
        expired
        ? expiry.adding(days: 1) : expiry.adding(days: -Int64(ExpiringReport.warningDays))
      entries.append(
        InboxEntry(
          expired ? .writeOffExpired : .useBeforeExpiry,
          since: Moment.start(of: since, in: timeZone),
          item: try item(id: position.itemId), lot: position.lotNumber, expiry: expiry,
          location: position.accountCode, quantity: free))
    }
    return entries
  }

  /// The shipments on their way to the requester's sites.
  fileprivate func deliveriesWaiting() throws -> [InboxEntry] {
    var entries: [InboxEntry] = []
    for site in try transaction.sites(ofUser: actor.id) {
      for row in try transaction.issuances(state: .shipped, siteID: site.id, priority: nil) {
        entries.append(
          InboxEntry(
            .confirm, since: row.request.firstShippedAt ?? row.document.createdAt,
            document: row.document.number, state: row.document.state, location: site.code))
      }
    }
    return entries
  }
}
