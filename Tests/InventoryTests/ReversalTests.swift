import GRDB
import Ledger
import Testing

@testable import Inventory
@testable import LedgerSQLite

/// `depot reverse`: a REV document mirrors a receipt, donation, transfer, use or return
/// exactly, gives a receipt's order back what it received, and is refused where the goods
/// have moved on (SPEC §10, §3 I3).
@Suite struct ReversalTests {
  /// An office with a second approver, qian, to reverse what zhang recorded.
  func office() throws -> TestOffice {
    let office = try TestOffice()
    try office.addUser("qian", roles: [.approver])
    return office
  }

  @discardableResult
  func reverse(
    _ office: TestOffice, _ number: String, as user: String = "zhang", date: Day? = nil,
    ref: String? = nil
  ) throws -> PostedDocument {
    try office.depot.reverse(
      ReversalRequest(document: number, reason: "entered twice"),
      office.context(user, ref: ref, date: date))
  }

  /// Every non-zero balance, summed from the movement rows themselves (not the engine's
  /// balances): "account/lot" to quantity and value in fen.
  func balances(_ office: TestOffice) throws -> [String: [Int64]] {
    try office.sqlite.queue.read { db in
      var result: [String: [Int64]] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT account_id, lot_id, sum(quantity) AS quantity, sum(value) AS value FROM (
            SELECT to_account_id AS account_id, lot_id, quantity, value FROM movement
            UNION ALL SELECT from_account_id, lot_id, -quantity, -value FROM movement)
          GROUP BY account_id, lot_id HAVING sum(quantity) <> 0 OR sum(value) <> 0
          """)
      {
        result["\(row["account_id"] as Int64)/\(row["lot_id"] as Int64)"] = [
          row["quantity"], row["value"],
        ]
      }
      return result
    }
  }

  /// The movements of a document as (lot, from, to, quantity, value, reverses) rows.
  func movements(_ office: TestOffice, of number: String) throws -> [[Int64?]] {
    try office.sqlite.queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT m.lot_id, m.from_account_id, m.to_account_id, m.quantity, m.value,
            m.reverses_movement_id, m.id
          FROM movement AS m JOIN document ON document.id = m.document_id
          WHERE document.number = ? ORDER BY m.id
          """, arguments: [number]
      ).map { row in (0..<7).map { row[$0] as Int64? } }
    }
  }

  @Test func aReceiptAgainstAnOrderIsReversedAndTheOrderTakesBackWhatItReceived() throws {
    let office = try office()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 50)]).number
    try office.receive("GLOVE", 60, against: order)
    let before = try balances(office)
    let twice = try office.receive("GLOVE", 40, against: order).number
    #expect(try office.depot.purchaseOrder(order).state == "received")
    let reversal = try reverse(office, twice)
    #expect(reversal.number == "REV-2026-000001")
    #expect(reversal.reverses == twice)
    #expect(reversal.reason == "entered twice")
    #expect(
      reversal.lines.map { [$0.item, $0.from, $0.to, "\($0.quantity)", $0.value] } == [
        ["GLOVE", "WH-CENTRAL", "SUP-JX", "40", "20.00"]
      ])
    let original = try movements(office, of: twice)
    let mirrored = try movements(office, of: reversal.number)
    #expect(
      mirrored.map { [$0[0], $0[2], $0[1], $0[3], $0[4], $0[5]] }
        == original.map { [$0[0], $0[1], $0[2], $0[3], $0[4], $0[6]] },
      "same lots, quantities and values, accounts swapped, each pointing to its original")
    #expect(try balances(office) == before)
    let view = try office.depot.purchaseOrder(order)
    #expect(view.state == "partially received")
    #expect(view.lines.map { [$0.received, $0.outstanding] } == [[60, 40]])
    #expect(view.totals.received == "30.00")
    #expect(
      view.receipts.map { "\($0.document) \($0.quantity)" } == [
        "RCV-2026-000001 60", "\(twice) 40", "REV-2026-000001 -40",
      ])
    let row = try #require(try office.payables("SUP-JX").suppliers.first)
    #expect(row.receivedNotInvoiced == "30.00")
    #expect(try office.depot.postedDocument(twice, as: "audit").reversedBy == reversal.number)
    #expect(try office.depot.postedDocument(reversal.number, as: "audit") == reversal)
    let card = try office.depot.card(CardQuery(item: "GLOVE", location: "WH-CENTRAL"), as: "audit")
    #expect(card.entries.map(\.document) == ["RCV-2026-000001", twice, reversal.number])
    #expect(card.balance == 60)
    try office.receive("GLOVE", 40, against: order)
    #expect(try office.depot.purchaseOrder(order).state == "received", "the order takes 40 again")
    #expect(try office.verify().ok)
  }

  @Test func reversingAnOrdersOnlyReceiptTakesItBackToOrdered() throws {
    let office = try office()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 50)]).number
    let receipt = try office.receive("GLOVE", 100, against: order, rejected: 5, reason: "torn")
    try reverse(office, receipt.number)
    let view = try office.depot.purchaseOrder(order)
    #expect(view.state == "ordered")
    #expect(view.lines.map { [$0.received, $0.rejected, $0.outstanding] } == [[0, 0, 100]])
    #expect(view.rejections == [])
    #expect(try office.payables("SUP-JX").suppliers.first?.receivedNotInvoiced == "0.00")
    #expect(try balances(office) == [:])
    #expect(try office.verify().ok)
  }

  @Test func atAPricePerPackTheLatestReceiptIsReversedFirst() throws {
    let office = try office()
    let order = try office.order([("GLOVE", 10)], prices: [price("GLOVE", 333, per: "box")])
      .number
    let first = try office.receive("GLOVE", 2, against: order).number  // 0.07
    let second = try office.receive("GLOVE", 2, against: order).number  // 0.13 - 0.07
    #expect(
      throws: DepotError.reversalOutOfOrder(document: first, order: order, later: second)
    ) { try reverse(office, first) }
    try reverse(office, second)
    try reverse(office, first)
    #expect(try office.depot.purchaseOrder(order).state == "ordered")
    #expect(try office.verify().ok)
  }

  @Test func aTransferIsReversedAndBothPlacesHoldWhatTheyHeldBefore() throws {
    let office = try office()
    try office.receive("MASK-SURG", 50, lot: "L1", expiry: "2028-01-31", value: 5_000)
    let before = try balances(office)
    let transfer = try office.transfer("MASK-SURG", 30).number
    let reversal = try reverse(office, transfer)
    #expect(
      reversal.lines.map { [$0.lot ?? "", $0.from, $0.to, "\($0.quantity)", $0.value] } == [
        ["L1", "WH-TOWN", "WH-CENTRAL", "30", "30.00"]
      ])
    #expect(try balances(office) == before)
    let card = try office.depot.card(CardQuery(item: "MASK-SURG", location: "WH-TOWN"), as: "audit")
    #expect(
      card.entries.map { [$0.document, "\($0.balance)"] } == [
        [transfer, "30"], [reversal.number, "0"],
      ])
    #expect(try office.verify().ok)
  }

  @Test func aReversedDonationLeavesTheDonorReport() throws {
    let office = try office()
    let donation = try office.donate("GLOVE", 10, value: 1_000, rejected: 2, reason: "wet")
    #expect(try office.depot.donors(donor: nil, as: "audit").donors.map(\.donor) == ["DON-RC"])
    try reverse(office, donation.number)
    #expect(try office.depot.donors(donor: nil, as: "audit").donors == [])
    #expect(try balances(office) == [:])
    let shown = try office.depot.postedDocument(donation.number, as: "audit")
    #expect(shown.reversedBy == "REV-2026-000001")
    #expect(shown.rejections?.map(\.quantity) == [2], "the donation keeps its own record")
    #expect(try office.verify().ok)
  }

  @Test func aReceiptReversedTheSameDayIsNoArrivalOfThatDay() throws {
    let office = try office()
    let donation = try office.donate("GLOVE", 10, value: 1_000)
    let kept = try office.donate("GLOVE", 4, value: 400)
    #expect(
      try office.depot.dailyReport(on: nil, as: "audit").received.map(\.document) == [
        donation.number, kept.number,
      ])
    try reverse(office, donation.number)
    #expect(
      try office.depot.dailyReport(on: nil, as: "audit").received.map(\.document) == [
        kept.number
      ])
    #expect(try office.verify().ok)
  }

  /// An attacker who can write the file makes a reversal give back less value than the
  /// receipt brought: verify names the reversal's movement, besides the broken chain.
  @Test func verifyFindsAReversalThatNoLongerMirrorsItsDocument() throws {
    let office = try office()
    let donation = try office.donate("GLOVE", 10, value: 1_000)
    try reverse(office, donation.number)
    let reversed = try movements(office, of: "REV-2026-000001")
    try office.execute("DROP TRIGGER movement_is_append_only_update")
    try office.execute("UPDATE movement SET value = 900 WHERE id = \(reversed[0][6]!)")
    let report = try office.verify()
    #expect(
      report.checks.first { $0.name == "reversals (I3)" }?.problem
        == "movement \(reversed[0][6]!) of REV-2026-000001 moves back no movement of what it "
        + "reverses")
    try office.execute(
      "UPDATE movement SET value = 1000, quantity = 10 WHERE id = \(reversed[0][6]!)")
    #expect(try office.verify().checks.first { $0.name == "reversals (I3)" }?.ok == true)
  }

  @Test func useAndAReturnAreReversed() throws {
    let office = try office()
    try office.receive("GLOVE", 20)
    let request = try office.request([("GLOVE", 10)]).number
    try office.approve(request)
    try office.ship(request)
    try office.confirm(request)
    let before = try balances(office)
    let use = try office.depot.reportUse(
      UseReport(site: "SITE-CP3", item: "GLOVE", quantity: QuantityAmount(digits: 3)),
      office.context("li"))
    try reverse(office, use.number)
    #expect(try balances(office) == before)
    let back = try office.depot.returnStock(
      StockReturn(
        site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "GLOVE",
        quantity: QuantityAmount(digits: 4)), office.context("wang"))
    let reversal = try reverse(office, back.number)
    #expect(reversal.number == "REV-2026-000002")
    #expect(try balances(office) == before)
    #expect(try office.onHand("GLOVE", at: "SITE-CP3") == 10)
    #expect(try office.verify().ok)
  }

  @Test func whoeverRecordedADocumentMayNotReverseIt() throws {
    let office = try office()
    let receipt = try office.receive("GLOVE", 10).number
    let refusal = DepotError.reversalByRecorder(user: "zhang", document: receipt)
    #expect(throws: refusal) { try reverse(office, receipt) }
    #expect(refusal.category == .notPermitted)
    #expect(
      refusal.description
        == "zhang recorded \(receipt) and so may not reverse it: another approver must")
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "reverse documents", roles: [.approver])
    ) {
      try reverse(office, receipt, as: "wang")
    }
    try reverse(office, receipt, as: "qian")
  }

  @Test func goodsThatMovedOnBlockTheReversalNamingTheLotThePlaceAndTheDocument() throws {
    let office = try office()
    let receipt = try office.receive("MASK-SURG", 50, lot: "L1", expiry: "2028-01-31").number
    let transfer = try office.transfer("MASK-SURG", 30).number
    let events = try office.eventCount()
    let refusal = DepotError.reversalBlocked(
      document: receipt, item: "MASK-SURG", lot: "L1", location: "WH-CENTRAL", by: transfer)
    #expect(throws: refusal) { try reverse(office, receipt, as: "qian") }
    #expect(
      refusal.description
        == "\(receipt) cannot be reversed: MASK-SURG lot L1 at WH-CENTRAL has moved on with "
        + "\(transfer); undo \(transfer) first")
    #expect(try office.eventCount() == events, "nothing written")
    try reverse(office, transfer)
    try reverse(office, receipt, as: "qian")
    #expect(try balances(office) == [:])
  }

  @Test func aReservationOrAWriteOffOfTheGoodsBlocksTheReversal() throws {
    let office = try office()
    let receipt = try office.receive("GLOVE", 10).number
    let request = try office.request([("GLOVE", 8)]).number
    try office.approve(request)
    #expect(
      throws: DepotError.reversalBlocked(
        document: receipt, item: "GLOVE", lot: nil, location: "WH-CENTRAL", by: request)
    ) { try reverse(office, receipt, as: "qian") }
    try office.decide(.cancel, request)
    let writeOff = try office.depot.writeOff(
      WriteOffRequest(
        location: "WH-CENTRAL", item: "GLOVE", quantity: QuantityAmount(digits: 1),
        reason: .damaged), office.context("wang"))
    #expect(
      throws: DepotError.reversalBlocked(
        document: receipt, item: "GLOVE", lot: nil, location: "WH-CENTRAL", by: writeOff.number)
    ) { try reverse(office, receipt, as: "qian") }
  }

  @Test func aDocumentIsReversedOnceAndAReversalIsNeverReversed() throws {
    let office = try office()
    let donation = try office.donate("GLOVE", 10).number
    let reversal = try reverse(office, donation).number
    #expect(throws: DepotError.alreadyReversed(document: donation, reversal: reversal)) {
      try reverse(office, donation, as: "qian")
    }
    #expect(throws: DepotError.reversalOfReversal(document: reversal, reverses: donation)) {
      try reverse(office, reversal, as: "qian")
    }
    #expect(
      DepotError.alreadyReversed(document: donation, reversal: reversal).description
        == "\(donation) was already reversed by \(reversal); a document is reversed only once")
  }

  @Test func aReplayWithTheSameReferencePostsOnce() throws {
    let office = try office()
    let donation = try office.donate("GLOVE", 10).number
    let first = try reverse(office, donation, ref: "rev-1")
    var replay = try reverse(office, donation, ref: "rev-1")
    #expect(replay.replayed == true)
    replay.replayed = nil
    #expect(replay == first)
    #expect(try balances(office) == [:])
  }

  @Test func aReversalIsNeverInAClosedPeriodNorBeforeTheDocument() throws {
    let office = try office()
    let october = Day("2026-10-15")!
    let receipt = try office.receive("GLOVE", 5, as: "zhang", date: october).number
    _ = try office.depot.closePeriod(PeriodCloseInput(period: "2026-10"), office.context("sun"))
    let closedDay = Day("2026-10-20")!
    #expect(
      throws: DepotError.stepInClosedPeriod(
        document: receipt, step: "reversed", date: closedDay, period: "2026-10")
    ) { try reverse(office, receipt, as: "qian", date: closedDay) }
    let late = try office.receive("GLOVE", 5, date: Day("2026-11-20")!).number
    let tooEarly = Day("2026-11-10")!
    #expect(
      throws: DepotError.stepBeforeEarlierStep(
        document: late, step: "reversed", date: tooEarly, earlier: "posted",
        earlierDate: Day("2026-11-20")!)
    ) { try reverse(office, late, as: "qian", date: tooEarly) }
    let reversal = try reverse(office, late, as: "qian", date: Day("2026-11-21")!)
    #expect(reversal.date == "2026-11-21")
    #expect(try office.verify().ok)
  }

  @Test func anUnknownDocumentOrOneOfAnotherKindIsRefused() throws {
    let office = try office()
    #expect(throws: DepotError.unknownDocument("RCV-2026-000099")) {
      try reverse(office, "RCV-2026-000099")
    }
    try office.receive("GLOVE", 10)
    let request = try office.request([("GLOVE", 1)]).number
    let refusal = DepotError.notReversible(document: request, kind: .issuanceRequest)
    #expect(throws: refusal) { try reverse(office, request) }
    #expect(
      refusal.description
        == "\(request) is a REQ document and cannot be reversed: only RCV, DON, TRF, USE, RET "
        + "documents can; correct it through its own steps")
  }
}
