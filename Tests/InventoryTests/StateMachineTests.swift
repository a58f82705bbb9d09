import GRDB
import Ledger
import Testing

@testable import Inventory
@testable import LedgerSQLite

/// The documents' state machines: every kind has one, every state of it can be reached and
/// finished, every step the engine takes is one of them, and a step outside them is refused.
@Suite struct StateMachineTests {
  /// The states no step leaves, per kind.
  static let finalStates: [DocumentKind: [DocumentState]] = [
    .purchaseRequest: [.rejected, .cancelled, .ordered],
    .purchaseOrder: [.cancelled, .closed],
    .receipt: [.posted], .donation: [.posted], .transfer: [.posted], .use: [.posted],
    .stockReturn: [.posted], .reversal: [.posted],
    .issuanceRequest: [.rejected, .cancelled, .closed],
    .count: [.closed],
    .adjustment: [.approved, .rejected],
    .wasteBatch: [.disposed],
    .wasteManifest: [.disposed],
  ]

  @Test func theStoredStatesAndKindsAreTheStringsTheDatabaseHolds() {
    #expect(
      DocumentState.allCases.map(\.rawValue) == [
        "requested", "approved", "rejected", "cancelled", "ordered", "partially received",
        "received", "shipped", "confirmed", "closed", "posted", "pending", "awaiting-collection",
        "collected", "stored", "handed-over", "discrepancy", "disposed",
      ])
    #expect(
      DocumentKind.allCases.map(\.rawValue) == [
        "PR", "PO", "RCV", "DON", "REQ", "TRF", "CNT", "ADJ", "WST", "MAN", "USE", "RET",
        "REV",
      ])
    #expect(Tracking.allCases.map(\.rawValue) == ["none", "lot", "serial"])
    #expect(AdjustmentKind.allCases.map(\.rawValue) == ["writeoff", "count"])
  }

  @Test(arguments: DocumentKind.allCases)
  func everyStateOfAKindIsReachableAndCanFinish(_ kind: DocumentKind) throws {
    let table = kind.transitions
    let states = Set(table.keys)
    #expect(!kind.initialStates.isEmpty)
    #expect(kind.initialStates.isSubset(of: states))
    #expect(table.values.allSatisfy { $0.isSubset(of: states) }, "a step leads out of the table")
    #expect(reachable(from: kind.initialStates, in: table) == states)
    let finals = try #require(Self.finalStates[kind])
    #expect(kind.states.filter { table[$0]?.isEmpty == true } == finals)
    #expect(kind.states.filter { !kind.isOpen($0) } == finals)
    for state in kind.states {
      #expect(
        !reachable(from: [state], in: table).isDisjoint(with: finals),
        "\(kind.rawValue) \(state.rawValue) can never finish")
    }
  }

  @Test func everyStateBelongsToSomeKind() {
    let used = Set(DocumentKind.allCases.flatMap(\.states))
    #expect(DocumentState.allCases.filter { !used.contains($0) } == [])
  }

  /// Runs every workflow through every step its state machine has, then reads back every
  /// event: each opening is into a first state of its kind, each step is in the kind's table,
  /// and together they take every step of every table.
  @Test func everyStepTheEngineTakesIsInItsTableAndEveryStepIsTaken() throws {
    let office = try Self.officeThroughEveryStep()
    let events = try office.sqlite.queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT document.kind, document.number, document.state AS current, event.action,
            event.from_state, event.to_state
          FROM document_event AS event JOIN document ON document.id = event.document_id
          ORDER BY event.id
          """)
    }
    var openings: [DocumentKind: Set<DocumentState>] = [:]
    var steps: [DocumentKind: [DocumentState: Set<DocumentState>]] = [:]
    for event in events {
      let kind = try DocumentKind(stored: event["kind"])
      let number: String = event["number"]
      let action: String = event["action"]
      #expect(kind.states.contains(try DocumentState(stored: event["current"])))
      guard let target = try (event["to_state"] as String?).map(DocumentState.init(stored:))
      else {
        #expect(event["from_state"] as String? == nil, "\(number) \(action) leaves a state")
        continue
      }
      if let source = try (event["from_state"] as String?).map(DocumentState.init(stored:)) {
        #expect(
          kind.allows(source, to: target),
          "\(number) \(action) went from \(source.rawValue) to \(target.rawValue)")
        steps[kind, default: [:]][source, default: []].insert(target)
      } else {
        #expect(
          kind.initialStates.contains(target),
          "\(number) \(action) opened it \(target.rawValue)")
        openings[kind, default: []].insert(target)
      }
    }
    for kind in DocumentKind.allCases {
      #expect(openings[kind] == kind.initialStates, "\(kind.rawValue) openings")
      #expect(
        steps[kind, default: [:]] == kind.transitions.filter { !$0.value.isEmpty },
        "\(kind.rawValue) steps")
    }
    #expect(try office.verify().ok)
  }

  @Test func aStepOutsideTheTableIsRefusedAndWritesNothing() throws {
    let office = try TestOffice()
    let receipt = try office.receive("GLOVE", 10).number
    let request = try office.request([("GLOVE", 5)]).number
    let events = try office.sqlite.read { try $0.chainHeads().event?.id }
    try office.sqlite.write { transaction in
      let session = try Session(
        transaction: transaction, actorName: "wang", clock: office.clock, effectiveDate: nil)
      var posted = try #require(try transaction.document(number: receipt))
      #expect(
        throws: DepotError.transitionNotAllowed(document: receipt, from: .posted, to: .closed)
      ) {
        try session.move(&posted, to: .closed, action: "receipt.close", payload: Payload([]))
      }
      var requested = try #require(try transaction.document(number: request))
      #expect(
        throws: DepotError.transitionNotAllowed(
          document: request, from: .requested, to: .shipped)
      ) {
        try session.move(&requested, to: .shipped, action: "issue.ship", payload: Payload([]))
      }
      #expect(requested.state == .requested)
      #expect(throws: DepotError.initialStateNotAllowed(kind: .count, state: .requested)) {
        try session.newDocument(.count, state: .requested)
      }
    }
    #expect(try office.sqlite.read { try $0.chainHeads().event?.id } == events)
    #expect(try office.depot.issuance(request, as: "audit").state == "requested")
    #expect(
      DepotError.transitionNotAllowed(document: receipt, from: .posted, to: .closed).description
        == "RCV-2026-000001 cannot go from posted to closed: its state machine has no such step, "
        + "so depot refused its own mistake and wrote nothing; please report it")
    #expect(
      DepotError.initialStateNotAllowed(kind: .wasteBatch, state: .stored).description
        == "a new WST document cannot start as stored: its state machine starts it as "
        + "awaiting-collection or collected, so depot refused its own mistake and wrote nothing; "
        + "please report it")
  }

  @Test func aStateNoDepotWritesIsADamagedDatabaseThatVerifyReports() throws {
    let office = try TestOffice()
    let request = try office.request([("GLOVE", 5)]).number
    try office.execute(
      "UPDATE document SET state = 'lost in the post' WHERE number = ?", [request])
    #expect(
      throws: DepotError.damagedDatabase(
        "a stored document state is 'lost in the post', which this depot does not know")
    ) {
      try office.depot.issuance(request, as: "audit")
    }
    let report = try office.verify()
    #expect(!report.ok)
    #expect(
      report.checks.first { $0.name == "document states (I4)" }?.problem
        == "\(request) is 'lost in the post' but its events last moved it to 'requested'")
  }

  /// The states reachable from `start` in `table`, `start` included.
  private func reachable(
    from start: Set<DocumentState>, in table: [DocumentState: Set<DocumentState>]
  ) -> Set<DocumentState> {
    var seen = start
    var frontier = Array(start)
    while let state = frontier.popLast() {
      for next in table[state] ?? [] where seen.insert(next).inserted {
        frontier.append(next)
      }
    }
    return seen
  }

  /// An office whose documents between them take every step of every state machine.
  static func officeThroughEveryStep() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("GLOVE", 200)
    try office.receive("MASK-SURG", 50, lot: "L1", expiry: "2028-01-31")
    try issueEveryWay(office)
    try procureEveryWay(office)
    try wasteEveryWay(office)
    try office.donate("GLOVE", 10)
    try office.transfer("GLOVE", 5)
    _ = try office.depot.reportUse(
      UseReport(site: "SITE-CP3", item: "GLOVE", quantity: QuantityAmount(digits: 1)),
      office.context("li"))
    _ = try office.depot.returnStock(
      StockReturn(
        site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "GLOVE",
        quantity: QuantityAmount(digits: 1)), office.context("wang"))
    try countEveryWay(office)
    try reverseEveryWay(office)
    return office
  }

  /// Receipts reversed: an order received at once goes back to ordered; one received in two
  /// parts goes back to partially received, then to ordered.
  private static func reverseEveryWay(_ office: TestOffice) throws {
    let order = try office.order([("GLOVE", 10)], prices: [price("GLOVE", 10)]).number
    let reverse = { (number: String) in
      _ = try office.depot.reverse(
        ReversalRequest(document: number, reason: "mistake"), office.context("zhang"))
    }
    try reverse(try office.receive("GLOVE", 10, against: order).number)
    let first = try office.receive("GLOVE", 4, against: order).number
    try reverse(try office.receive("GLOVE", 6, against: order).number)
    try reverse(first)
  }

  /// Requests rejected, cancelled before and after approval, closed, shipped in parts and
  /// confirmed in parts, and released in part by a recall while approved and confirmed.
  private static func issueEveryWay(_ office: TestOffice) throws {
    try office.decide(.reject, office.request([("GLOVE", 1)]).number)
    try office.decide(.cancel, office.request([("GLOVE", 1)]).number)
    for kind in [IssueDecisionKind.cancel, .close] {
      let number = try office.request([("GLOVE", 1)]).number
      try office.approve(number)
      try office.decide(kind, number)
    }
    let parts = try office.request([("GLOVE", 10)]).number
    try office.approve(parts)
    try office.ship(parts, [("GLOVE", 4)])
    try office.ship(parts, [("GLOVE", 2)])
    try office.confirm(parts)
    try office.ship(parts)
    try office.confirm(parts)
    let confirmed = try office.request([("GLOVE", 2), ("MASK-SURG", 10)]).number
    try office.approve(confirmed)
    try office.ship(confirmed, [("GLOVE", 2)])
    try office.confirm(confirmed)
    try office.approve(office.request([("MASK-SURG", 5)]).number)
    _ = try office.depot.recall(
      LotRecall(lot: "L1", item: "MASK-SURG", reason: "notice"), office.context("zhang"))
    try office.decide(.close, confirmed)
  }

  /// Purchase requests rejected and cancelled before and after approval, and approved in
  /// part then approved more; orders cancelled, received at once, received in parts and
  /// settled, and short-closed.
  private static func procureEveryWay(_ office: TestOffice) throws {
    let part = try office.depot.requestPurchase(
      PurchaseRequestInput(items: office.amounts([("GLOVE", 10)]), reason: "stock"),
      office.context("wang"))
    for quantity: Int64 in [6, 4] {
      _ = try office.depot.approvePurchase(
        PurchaseApproval(number: part.number, items: office.amounts([("GLOVE", quantity)])),
        office.context("zhang"))
    }
    for kind in [PurchaseRequestDecisionKind.reject, .cancel] {
      let request = try office.depot.requestPurchase(
        PurchaseRequestInput(items: office.amounts([("GLOVE", 10)]), reason: "stock"),
        office.context("wang"))
      _ = try office.depot.decidePurchase(
        PurchaseRequestDecision(kind, number: request.number, reason: "not now"),
        office.context("zhang"))
    }
    _ = try office.depot.decidePurchase(
      PurchaseRequestDecision(
        .cancel, number: try office.requestAndApprove([("GLOVE", 10)]), reason: "not now"),
      office.context("zhang"))
    let prices = [price("GLOVE", 10)]
    let settled = try office.order([("GLOVE", 100)], prices: prices).number
    for quantity: Int64 in [60, 20, 20] { try office.receive("GLOVE", quantity, against: settled) }
    try office.invoice(settled, "INV-1", fen: 1000)
    try office.pay(settled, fen: 1000)
    _ = try office.depot.decideOrder(
      PurchaseOrderDecision(
        .cancel, number: try office.order([("GLOVE", 10)], prices: prices).number,
        reason: "supplier out"), office.context("zhang"))
    for quantity: Int64 in [10, 4] {
      let order = try office.order([("GLOVE", 10)], prices: prices).number
      try office.receive("GLOVE", quantity, against: order)
      _ = try office.depot.decideOrder(
        PurchaseOrderDecision(.close, number: order, reason: "enough"), office.context("zhang"))
    }
  }

  /// A write-off rejected and one approved into a batch that is weighed, stored, handed over
  /// and disposed of; a site's batch handed over with a discrepancy that is resolved.
  private static func wasteEveryWay(_ office: TestOffice) throws {
    try office.decideWriteOff(
      .reject, office.writeOff("GLOVE", 2, reason: .damaged).number, reason: "not torn")
    let writeOff = try office.decideWriteOff(
      .approve, office.writeOff("GLOVE", 5, reason: .damaged).number)
    let opened = try #require(writeOff.wasteBatch)
    let site = try office.collect(grams: 1200).number
    try office.store(site)
    let discrepancy = try office.handOver([site], grams: 1000, containers: 1).number
    _ = try office.depot.resolveManifest(
      WasteResolution(manifest: discrepancy, reason: "re-weighed"), office.context("zhang"))
    try office.dispose(discrepancy)
    try office.weigh(opened, grams: 500)
    try office.store(opened)
    try office.dispose(
      office.handOver([opened], grams: 500, containers: 1, manifest: "3401-2026-119").number)
  }

  /// A count that finds what the books say, and one whose variance is rejected.
  private static func countEveryWay(_ office: TestOffice) throws {
    for (place, counted) in [("WH-TOWN", Int64(5)), ("WH-CENTRAL", 1)] {
      let count = try office.depot.count(
        CountRequest(
          location: place,
          lines: [CountedLine(item: "GLOVE", lot: nil, counted: QuantityAmount(digits: counted))],
          reason: .lost), office.context("wang"))
      for adjustment in count.adjustments {
        try office.decideWriteOff(.reject, adjustment, reason: "count again")
      }
    }
  }
}
