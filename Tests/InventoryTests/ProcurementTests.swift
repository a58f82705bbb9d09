import Testing

@testable import Inventory

@Suite struct ProcurementTests {
  @Test func aRequestApprovedByAnotherIsOrderedAtItsPrices() throws {
    let office = try TestOffice()
    let request = try office.depot.requestPurchase(
      PurchaseRequestInput(
        items: office.amounts([("MASK-SURG", 20_000), ("GLOVE", 5_000)]),
        reason: "reserve below floor", neededBy: Day("2026-12-10")), office.context("li"))
    #expect(request.number == "PR-2026-000001")
    #expect(request.state == "requested")
    #expect(request.lines.map(\.quantity) == [20_000, 5_000])
    let approved = try office.depot.approvePurchase(
      PurchaseApproval(number: request.number), office.context("zhang"))
    #expect(approved.state == "approved")
    #expect(approved.history.map(\.signed) == [true, true])
    let order = try office.depot.placeOrder(
      PurchaseOrderInput(
        request: request.number, supplier: "SUP-JX",
        prices: [price("MASK-SURG", 1_600, per: "box"), price("GLOVE", 12)],
        contract: "FC-2026-07"), office.context("zhang"))
    #expect(order.number == "PO-2026-000001")
    #expect(order.state == "ordered")
    #expect(order.contract == "FC-2026-07")
    #expect(order.lines.map(\.price) == ["16.00/box", "0.12"])
    #expect(order.lines.map(\.orderedValue) == ["6400.00", "600.00"])
    #expect(order.totals.ordered == "7000.00")
    #expect(!order.emergency)
    let shown = try office.depot.procurement(request.number, as: "audit")
    #expect(shown == .request(try office.depot.purchaseRequest(request.number)))
    guard case .request(let ordered) = shown else { return }
    #expect(ordered.state == "ordered")
    #expect(ordered.order == "PO-2026-000001")
    #expect(try office.verify().ok)
  }

  @Test func nobodyApprovesWhatTheyRequested() throws {
    let office = try TestOffice()
    _ = try office.depot.changeUser(
      UserChange(.grant, name: "wang", roles: [.approver]), office.admin)
    let request = try office.depot.requestPurchase(
      PurchaseRequestInput(items: office.amounts([("GLOVE", 10)]), reason: "gloves"),
      office.context("wang"))
    #expect(
      throws: DepotError.fourEyes(user: "wang", document: request.number, earlierStep: "requested")
    ) {
      try office.depot.approvePurchase(
        PurchaseApproval(number: request.number), office.context("wang"))
    }
    let reject = PurchaseRequestDecision(.reject, number: request.number, reason: "not needed")
    #expect(
      throws: DepotError.fourEyes(user: "wang", document: request.number, earlierStep: "requested")
    ) {
      try office.depot.decidePurchase(reject, office.context("wang"))
    }
    #expect(try office.depot.purchaseRequest(request.number) == request)
    #expect(try office.depot.decidePurchase(reject, office.context("zhang")).state == "rejected")
    #expect(
      throws: DepotError.missingRole(
        user: "sun", action: "request purchases", roles: [.requester, .clerk])
    ) {
      try office.depot.requestPurchase(
        PurchaseRequestInput(items: office.amounts([("GLOVE", 10)]), reason: "x"),
        office.context("sun"))
    }
  }

  @Test func rejectingOrCancellingARequestNeedsAReasonAndIsSigned() throws {
    let office = try TestOffice()
    let request = try office.depot.requestPurchase(
      PurchaseRequestInput(items: office.amounts([("GLOVE", 10)]), reason: "gloves"),
      office.context("li"))
    #expect(throws: DepotError.reasonRequired(action: "reject \(request.number)")) {
      try office.depot.decidePurchase(
        PurchaseRequestDecision(.reject, number: request.number), office.context("zhang"))
    }
    let rejected = try office.depot.decidePurchase(
      PurchaseRequestDecision(.reject, number: request.number, reason: "donation covers it"),
      office.context("zhang"))
    #expect(rejected.state == "rejected")
    #expect(rejected.history.last?.reason == "donation covers it")
    #expect(rejected.history.last?.signed == true)
    #expect(
      throws: DepotError.wrongState(document: request.number, state: "rejected", action: "ordered")
    ) {
      try office.depot.placeOrder(
        PurchaseOrderInput(
          request: request.number, supplier: "SUP-JX", prices: [price("GLOVE", 1)]),
        office.context("zhang"))
    }
    #expect(try office.verify().ok)
  }

  @Test func everyRequestedItemNeedsAPriceAndNoOtherItemMayHaveOne() throws {
    let office = try TestOffice()
    let request = try office.requestAndApprove([("GLOVE", 100), ("MASK-SURG", 50)])
    #expect(throws: DepotError.priceMissing(document: request, item: "MASK-SURG")) {
      try office.depot.placeOrder(
        PurchaseOrderInput(request: request, supplier: "SUP-JX", prices: [price("GLOVE", 10)]),
        office.context("zhang"))
    }
    #expect(throws: DepotError.notOnDocument(document: request, item: "DISINF-84")) {
      try office.depot.placeOrder(
        PurchaseOrderInput(
          request: request, supplier: "SUP-JX",
          prices: [price("GLOVE", 10), price("MASK-SURG", 5), price("DISINF-84", 1)]),
        office.context("zhang"))
    }
    #expect(throws: DepotError.wrongKind(code: "DON-RC", kind: "donor", expected: "supplier")) {
      try office.depot.placeOrder(
        PurchaseOrderInput(
          request: request, supplier: "DON-RC", prices: [price("GLOVE", 10), price("MASK-SURG", 5)]
        ), office.context("zhang"))
    }
  }

  @Test func partialReceiptsAddUpExactlyToTheLinesValueAtAPerPackPrice() throws {
    let office = try TestOffice()
    let order = try office.order(
      [("MASK-SURG", 1_000)], prices: [price("MASK-SURG", 1_799, per: "box")])
    #expect(order.totals.ordered == "359.80")
    var values: [String] = []
    for (index, quantity) in [333, 333, 334].enumerated() {
      let receipt = try office.receive(
        "MASK-SURG", Int64(quantity), against: order.number, lot: "L\(index)",
        expiry: "2028-01-31")
      #expect(receipt.order == order.number)
      values += receipt.lines.map(\.value)
    }
    #expect(values == ["119.81", "119.82", "120.17"])
    let shown = try office.depot.purchaseOrder(order.number)
    #expect(shown.state == "received")
    #expect(shown.totals.received == "359.80")
    #expect(shown.receipts.map(\.quantity) == [333, 333, 334])
    #expect(try office.verify().ok)
  }

  @Test func anOrderIsPartiallyReceivedUntilEveryLineIsIn() throws {
    let office = try TestOffice()
    let order = try office.order(
      [("GLOVE", 100), ("MASK-SURG", 50)], prices: [price("GLOVE", 10), price("MASK-SURG", 30)])
    try office.receive("GLOVE", 100, against: order.number)
    #expect(try office.depot.purchaseOrder(order.number).state == "partially received")
    try office.receive("MASK-SURG", 20, against: order.number, lot: "L1", expiry: "2028-01-31")
    #expect(try office.depot.purchaseOrder(order.number).state == "partially received")
    try office.receive("MASK-SURG", 30, against: order.number, lot: "L1", expiry: "2028-01-31")
    let received = try office.depot.purchaseOrder(order.number)
    #expect(received.state == "received")
    #expect(received.lines.map(\.outstanding) == [0, 0])
    #expect(
      received.history.map(\.action) == [
        "order.place", "order.receive", "order.receive", "order.receive",
      ])
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 50)
    let lots = try office.depot.stock(StockQuery(item: "MASK-SURG", byLot: true), as: "audit")
    #expect(lots.count == 1, "both deliveries of L1 are one lot of the order")
  }

  @Test func acceptingMoreThanIsOrderedAndNotYetReceivedIsRefused() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    try office.receive("GLOVE", 60, against: order.number)
    #expect(
      throws: DepotError.exceedsOrdered(
        document: order.number, item: "GLOVE", outstanding: 40, asked: 41)
    ) {
      try office.receive("GLOVE", 41, against: order.number)
    }
    #expect(throws: DepotError.notOnDocument(document: order.number, item: "MASK-SURG")) {
      try office.receive("MASK-SURG", 1, against: order.number, lot: "X", expiry: "2028-01-01")
    }
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 60)
  }

  @Test func rejectedGoodsAreRecordedButNeverEnterStock() throws {
    let office = try TestOffice()
    let order = try office.order([("MASK-SURG", 1_000)], prices: [price("MASK-SURG", 40)])
    let receipt = try office.receive(
      "MASK-SURG", 600, against: order.number, lot: "N1", expiry: "2028-03-01", rejected: 200,
      reason: "ear loops broken")
    #expect(
      receipt.rejections == [
        .init(
          item: "MASK-SURG", lot: "N1", quantity: 200, unit: "piece", reason: "ear loops broken")
      ])
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 600)
    let shown = try office.depot.purchaseOrder(order.number)
    #expect(shown.lines.map(\.rejected) == [200])
    #expect(shown.lines.map(\.outstanding) == [400], "the supplier still owes what was refused")
    #expect(shown.rejections.map(\.reason) == ["ear loops broken"])
    #expect(throws: DepotError.reasonRequired(action: "reject goods at inspection")) {
      try office.receive(
        "MASK-SURG", 1, against: order.number, lot: "N1", expiry: "2028-03-01", rejected: 1)
    }
    #expect(try office.verify().ok)
  }

  @Test func aDeliveryRefusedWholeAtInspectionIsRecordedWithoutStockOrLot() throws {
    let office = try TestOffice()
    let order = try office.order([("MASK-SURG", 1_000)], prices: [price("MASK-SURG", 40)])
    func refusedWhole(lot: String?, reason: String?) throws -> PostedDocument {
      try office.depot.receive(
        ReceiptRequest(
          order: order.number, source: nil, warehouse: "WH-CENTRAL", item: "MASK-SURG",
          quantity: nil, lot: lot, expiry: nil, rejected: QuantityAmount(digits: 1_000),
          rejectionReason: reason),
        office.context("wang"))
    }
    #expect(throws: DepotError.reasonRequired(action: "reject goods at inspection")) {
      try refusedWhole(lot: "N1", reason: nil)
    }
    let receipt = try refusedWhole(lot: "N1", reason: "soaked in transit")
    #expect(receipt.lines.isEmpty)
    #expect(
      receipt.rejections == [
        .init(
          item: "MASK-SURG", lot: "N1", quantity: 1_000, unit: "piece",
          reason: "soaked in transit")
      ])
    #expect(try office.onHand("MASK-SURG", at: "WH-CENTRAL") == 0)
    let shown = try office.depot.purchaseOrder(order.number)
    #expect(shown.lines.map(\.received) == [0])
    #expect(shown.lines.map(\.outstanding) == [1_000], "the supplier still owes all of it")
    #expect(shown.state == "partially received", "a delivery arrived, none of it accepted")
    let later = try office.receive(
      "MASK-SURG", 1_000, against: order.number, lot: "N1", expiry: "2028-03-01")
    #expect(later.lines.map(\.quantity) == [1_000], "the refused lot number was never made a lot")
    #expect(try office.verify().ok)
  }

  @Test func aReceiptWithoutAnOrderNeedsAnApproversSignedEmergencyReceipt() throws {
    let office = try TestOffice()
    let plain = ReceiptRequest(
      source: "SUP-JX", warehouse: "WH-CENTRAL", item: "GLOVE",
      quantity: QuantityAmount(digits: 10), value: 100)
    #expect(throws: DepotError.orderRequired) {
      try office.depot.receive(plain, office.context("wang"))
    }
    var emergency = plain
    emergency.emergencyJustification = "outbreak at CP3, supplier delivered before the order"
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "record emergency receipts", roles: [.approver])
    ) {
      try office.depot.receive(emergency, office.context("wang"))
    }
    let receipt = try office.depot.receive(emergency, office.context("zhang"))
    #expect(receipt.lines.map(\.value) == ["1.00"])
    let before = try office.verify().signatures
    #expect(before == 29, "28 writes of the set-up, one emergency receipt")
    #expect(try office.verify().ok)
  }

  @Test func aReceiptAgainstAnOrderTakesNoValueAndOnlyTheOrdersSupplier() throws {
    let office = try TestOffice()
    _ = try office.depot.addParty(
      NewParty(code: "SUP-PH", name: "医药公司", kind: .supplier), office.admin)
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    var request = ReceiptRequest(
      order: order.number, source: "SUP-PH", warehouse: "WH-CENTRAL", item: "GLOVE",
      quantity: QuantityAmount(digits: 10))
    #expect(
      throws: DepotError.wrongSupplier(document: order.number, supplier: "SUP-JX", given: "SUP-PH")
    ) {
      try office.depot.receive(request, office.context("wang"))
    }
    request.source = "SUP-JX"
    request.value = 100
    #expect(
      throws: DepotError.invalidOption(
        field: .value, reason: "comes from the prices of \(order.number); leave it out")
    ) {
      try office.depot.receive(request, office.context("wang"))
    }
  }

  @Test func theSameLotNumberUnderAnotherOrderIsAnotherLot() throws {
    let office = try TestOffice()
    let first = try office.order([("MASK-SURG", 10)], prices: [price("MASK-SURG", 30)])
    let second = try office.order([("MASK-SURG", 10)], prices: [price("MASK-SURG", 50)])
    try office.receive("MASK-SURG", 10, against: first.number, lot: "L1", expiry: "2028-01-31")
    try office.receive("MASK-SURG", 10, against: second.number, lot: "L1", expiry: "2029-01-31")
    let lots = try office.depot.stock(StockQuery(item: "MASK-SURG", byLot: true), as: "audit")
    #expect(lots.map(\.expiry) == ["2028-01-31", "2029-01-31"])
    #expect(lots.map(\.value) == ["3.00", "5.00"])
  }

  @Test func aShortClosedOrderTakesNoMoreGoods() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    #expect(
      throws: DepotError.wrongState(document: order.number, state: "ordered", action: "closed")
    ) {
      try office.depot.decideOrder(
        PurchaseOrderDecision(.close, number: order.number, reason: "x"), office.context("zhang"))
    }
    try office.receive("GLOVE", 70, against: order.number)
    let closed = try office.depot.decideOrder(
      PurchaseOrderDecision(
        .close, number: order.number, reason: "supplier cannot deliver the rest"),
      office.context("zhang"))
    #expect(closed.state == "closed")
    #expect(closed.history.last?.signed == true)
    #expect(closed.history.last?.reason == "supplier cannot deliver the rest")
    #expect(
      throws: DepotError.wrongState(
        document: order.number, state: "closed", action: "received against")
    ) {
      try office.receive("GLOVE", 30, against: order.number)
    }
    #expect(try office.verify().ok)
  }

  @Test func anOrderIsCancelledOnlyBeforeAnythingArrived() throws {
    let office = try TestOffice()
    let untouched = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    let cancelled = try office.depot.decideOrder(
      PurchaseOrderDecision(.cancel, number: untouched.number, reason: "duplicate"),
      office.context("zhang"))
    #expect(cancelled.state == "cancelled")
    let started = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    try office.receive("GLOVE", 1, against: started.number)
    #expect(
      throws: DepotError.wrongState(
        document: started.number, state: "partially received", action: "cancelled")
    ) {
      try office.depot.decideOrder(
        PurchaseOrderDecision(.cancel, number: started.number, reason: "x"),
        office.context("zhang"))
    }
    let listed = try office.depot.procurements(state: .open, as: "audit").map(\.number)
    #expect(listed == [started.number])
    #expect(try office.verify().ok)
  }

  @Test func anEmergencyOrderIsSignedWithItsJustification() throws {
    let office = try TestOffice()
    let order = try office.order(
      [("GLOVE", 100)], prices: [price("GLOVE", 10)], emergency: "outbreak at CP3")
    #expect(order.emergency)
    #expect(order.justification == "outbreak at CP3")
    #expect(order.history.first?.action == "order.emergency")
    #expect(order.history.first?.signed == true)
    #expect(try office.verify().ok)
  }

  /// An attacker raises what the approver approved before the order is placed.
  @Test func verifyFindsAnApprovedQuantityRaisedBehindTheProgramsBack() throws {
    let office = try TestOffice()
    let request = try office.requestAndApprove([("GLOVE", 100)])
    try office.execute("DROP TRIGGER purchase_request_line_image_update")
    try office.execute("UPDATE purchase_request_line SET approved = 150, quantity = 150")
    let report = try office.verify()
    let problem = try #require(report.problem(of: "rows under verification (I4, I5)"))
    #expect(problem.hasPrefix("purchase_request_line row ["), "\(request): \(problem)")
    #expect(problem.hasSuffix("] differs from what its last signed write recorded"))
  }

  @Test func verifyFindsAnOrderLineChangedBehindTheProgramsBack() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    try office.receive("GLOVE", 40, against: order.number)
    try office.execute("UPDATE purchase_order_line SET received = 50")
    let report = try office.verify()
    report.expect(
      failing: [VerificationTests.ordersCheck, VerificationTests.signedCheck],
      VerificationTests.ordersCheck,
      problem: "\(order.number) records 50 GLOVE received but its receipts moved 40")
  }
}

extension Depot {
  /// A purchase order as `procure show` gives it.
  func purchaseOrder(_ number: String) throws -> PurchaseOrderView {
    guard case .order(let view) = try procurement(number, as: "audit") else {
      throw DepotError.unknownDocument(number)
    }
    return view
  }

  /// A purchase request as `procure show` gives it.
  func purchaseRequest(_ number: String) throws -> PurchaseRequestView {
    guard case .request(let view) = try procurement(number, as: "audit") else {
      throw DepotError.unknownDocument(number)
    }
    return view
  }
}
