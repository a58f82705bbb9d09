import Testing

@testable import Inventory

@Suite struct PayablesTests {
  /// The only supplier's row of the payables.
  func supplierRow(_ office: TestOffice) throws -> PayablesReport.Supplier {
    try #require(try office.payables("SUP-JX").suppliers.first)
  }

  @Test func payablesSplitIntoReceivedNotInvoicedAndInvoicedNotPaid() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 1_000)], prices: [price("GLOVE", 50)]).number
    #expect(try supplierRow(office).receivedNotInvoiced == "0.00")
    try office.receive("GLOVE", 600, against: order)
    var row = try supplierRow(office)
    #expect([row.receivedNotInvoiced, row.invoicedNotPaid] == ["300.00", "0.00"])
    try office.invoice(order, "INV-1", fen: 30_000)
    row = try supplierRow(office)
    #expect([row.receivedNotInvoiced, row.invoicedNotPaid] == ["0.00", "300.00"])
    try office.receive("GLOVE", 400, against: order)
    try office.pay(order, fen: 10_000)
    row = try supplierRow(office)
    #expect([row.receivedNotInvoiced, row.invoicedNotPaid] == ["200.00", "200.00"])
    #expect(row.orders.map(\.flag) == ["invoiced 300.00 but received 500.00"])
    try office.invoice(order, "INV-2", fen: 20_000)
    try office.pay(order, fen: 40_000)
    row = try supplierRow(office)
    #expect(
      [row.receivedNotInvoiced, row.invoicedNotPaid, row.advances] == ["0.00", "0.00", "0.00"])
    #expect(row.orders.map(\.flag) == [nil])
    #expect(row.orders.map(\.state) == ["closed"], "a settled order closes")
    let closing = try office.depot.purchaseOrder(order).history.last
    #expect(closing?.action == "order.settle")
    #expect(try office.verify().ok)
  }

  @Test func anInvoiceThatDisagreesWithWhatWasReceivedIsFlagged() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 50)]).number
    try office.receive("GLOVE", 100, against: order)
    let view = try office.invoice(order, "INV-9", fen: 5_100)
    #expect(view.flag == "invoiced 51.00 but received 50.00")
    #expect(try supplierRow(office).orders.first?.flag == "invoiced 51.00 but received 50.00")
    #expect(throws: DepotError.duplicateInvoice(supplier: "SUP-JX", number: "INV-9")) {
      try office.invoice(order, "INV-9", fen: 100)
    }
  }

  @Test func aPaymentAboveWhatIsInvoicedOrReceivedIsRefused() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 50)]).number
    #expect(
      throws: DepotError.paymentExceedsPayable(document: order, payable: 0, asked: 1)
    ) {
      try office.pay(order, fen: 1)
    }
    try office.receive("GLOVE", 40, against: order)
    try office.pay(order, fen: 1_500)
    #expect(
      throws: DepotError.paymentExceedsPayable(document: order, payable: 500, asked: 501)
    ) {
      try office.pay(order, fen: 501)
    }
    #expect(throws: DepotError.prepaymentNeedsEmergency(document: order)) {
      try office.pay(order, fen: 100, prepayment: true)
    }
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "record payments", roles: [.finance])
    ) {
      try office.depot.pay(
        PaymentInput(order: order, amount: 1, reference: "x"), office.context("wang"))
    }
  }

  @Test func aPrepaymentOnAnEmergencyOrderShowsAsAnAdvance() throws {
    let office = try TestOffice()
    let order = try office.order(
      [("GLOVE", 1_000)], prices: [price("GLOVE", 50)], emergency: "outbreak"
    ).number
    try office.pay(order, fen: 20_000, prepayment: true)
    var row = try supplierRow(office)
    #expect(
      [row.receivedNotInvoiced, row.invoicedNotPaid, row.advances] == ["0.00", "0.00", "200.00"])
    #expect(row.orders.first?.prepaid == "200.00")
    try office.receive("GLOVE", 600, against: order)
    row = try supplierRow(office)
    #expect(
      [row.receivedNotInvoiced, row.invoicedNotPaid, row.advances] == ["100.00", "0.00", "0.00"])
    #expect(
      throws: DepotError.prepaymentExceedsOrder(document: order, unpaid: 30_000, asked: 30_001)
    ) {
      try office.pay(order, fen: 30_001, prepayment: true)
    }
    try office.receive("GLOVE", 400, against: order)
    try office.invoice(order, "INV-1", fen: 50_000)
    try office.pay(order, fen: 30_000)
    row = try supplierRow(office)
    #expect(
      [row.receivedNotInvoiced, row.invoicedNotPaid, row.advances] == ["0.00", "0.00", "0.00"])
    #expect(row.orders.first?.state == "closed")
    #expect(try office.verify().ok)
  }

  @Test func aShortClosedOrderOwesWhatArrivedOnly() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 1_000)], prices: [price("GLOVE", 50)]).number
    try office.receive("GLOVE", 300, against: order)
    _ = try office.depot.decideOrder(
      PurchaseOrderDecision(.close, number: order, reason: "the rest is not coming"),
      office.context("zhang"))
    #expect(try supplierRow(office).receivedNotInvoiced == "150.00")
    try office.invoice(order, "INV-1", fen: 15_000)
    try office.pay(order, fen: 15_000)
    let row = try supplierRow(office)
    #expect([row.receivedNotInvoiced, row.invoicedNotPaid] == ["0.00", "0.00"])
    #expect(row.orders.first?.ordered == "500.00")
    #expect(row.orders.first?.state == "closed")
  }

  @Test func perPackPricesGiveEachReceiptItsValue() throws {
    let office = try TestOffice()
    let order = try office.order(
      [("MASK-SURG", 3_000), ("DISINF-84", 1_500)],
      prices: [price("MASK-SURG", 35_000, per: "carton"), price("DISINF-84", 480_000, per: "t")])
    #expect(order.lines.map(\.price) == ["350.00/carton", "4800.00/t"])
    #expect(order.totals.ordered == "8250.00")
    let masks = try office.receive(
      "MASK-SURG", 1_000, against: order.number, lot: "L1", expiry: "2028-01-31")
    #expect(masks.lines.map(\.value) == ["350.00"])
    let disinfectant = try office.receive(
      "DISINF-84", 1_500, against: order.number, lot: "D1", expiry: "2027-11-07")
    #expect(disinfectant.lines.map(\.value) == ["7200.00"])
    #expect(try supplierRow(office).receivedNotInvoiced == "7550.00")
  }

  @Test func emergencyReceiptsWithoutAnOrderAreShownApart() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10, value: 1_234)
    let row = try supplierRow(office)
    #expect(row.receivedWithoutOrder == "12.34")
    #expect(row.receivedNotInvoiced == "0.00")
  }

  @Test func payablesAsOfADayCountOnlyWhatWasDatedByThen() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 50)]).number
    try office.receive("GLOVE", 100, against: order)
    office.clock.advance(hours: 72)
    try office.invoice(order, "INV-1", fen: 5_000)
    let then = try office.depot.payables(supplier: nil, asOf: Day("2026-11-30"), as: "audit")
    #expect(then.receivedNotInvoiced == "50.00")
    #expect(then.invoicedNotPaid == "0.00")
    #expect(try office.payables().invoicedNotPaid == "50.00")
  }

  @Test func verifyFindsAPaymentChangedBehindTheProgramsBack() throws {
    let office = try TestOffice()
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 50)]).number
    try office.receive("GLOVE", 100, against: order)
    try office.pay(order, fen: 5_000)
    try office.execute("DROP TRIGGER payment_is_append_only_update")
    try office.execute("UPDATE payment SET amount = 500")
    let report = try office.verify()
    report.expect(
      failing: [
        VerificationTests.ordersCheck, VerificationTests.signedCheck,
        VerificationTests.triggersCheck,
      ], VerificationTests.ordersCheck,
      problem: "payment 1 differs from what its event recorded")
  }
}
