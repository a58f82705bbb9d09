import Foundation
import Testing

/// Procurement and finance end to end through the `depot` binary.
@Suite struct ProcurementCLITests {
  @Test func aPurchaseGoesFromRequestToAClosedOrderWithNothingOwed() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    let request = try sandbox.json([
      "procure", "request", "--item", "MASK-N95=20000", "--item", "GOGGLES=50box", "--reason",
      "N95 reserve below floor", "--needed-by", "2026-12-10", "--as", "li",
    ])
    #expect(request["number"] as? String == "PR-2026-000001")
    #expect(request["state"] as? String == "requested")
    try sandbox.expectRefused(
      ["procure", "approve", "PR-2026-000001", "--as", "li"], exit: 2,
      naming: ["li may not approve purchase requests", "approver"])
    let approved = try sandbox.json(["procure", "approve", "PR-2026-000001", "--as", "zhang"])
    #expect(approved["state"] as? String == "approved")

    let order = try sandbox.json([
      "procure", "order", "PR-2026-000001", "--supplier", "SUP-JX", "--price", "MASK-N95=3.20",
      "--price", "GOGGLES=150.00/box", "--contract", "FC-2026-07", "--as", "zhang",
    ])
    #expect(order["number"] as? String == "PO-2026-000001")
    #expect(order["state"] as? String == "ordered")
    #expect((order["totals"] as? [String: Any])?["ordered"] as? String == "71500.00")

    let receive = [
      "receive", "--order", "PO-2026-000001", "--to", "WH-CENTRAL", "--item", "MASK-N95",
    ]
    let first = try sandbox.succeed(
      receive + [
        "--qty", "12000", "--lot", "N95-A1", "--expiry", "2028-03-01", "--rejected", "200",
        "--reason", "ear loops broken", "--as", "wang",
      ])
    #expect(
      first.outputLines.first
        == "RCV-2026-000001 posted, effective 2026-11-29, against PO-2026-000001")
    #expect(
      first.stdout.contains("N95-A1  2028-03-01  SUP-JX  WH-CENTRAL     12000  piece  38400.00"))
    #expect(
      first.stdout.contains(
        "Rejected at inspection: 200 piece MASK-N95 of lot N95-A1 (ear loops broken)"))
    try sandbox.expectRefused(
      receive + ["--qty", "8001", "--lot", "N95-A2", "--expiry", "2028-03-01", "--as", "wang"],
      exit: 1,
      naming: ["cannot accept 8001 MASK-N95 on PO-2026-000001: 8000 ordered and not yet received"])
    try sandbox.succeed(
      receive + ["--qty", "8000", "--lot", "N95-A2", "--expiry", "2028-03-01", "--as", "wang"])
    #expect(
      try sandbox.json(["procure", "show", "PO-2026-000001", "--as", "sun"])["state"] as? String
        == "partially received")
    try sandbox.succeed([
      "receive", "--order", "PO-2026-000001", "--to", "WH-CENTRAL", "--item", "GOGGLES", "--qty",
      "50", "--unit", "box", "--as", "wang",
    ])
    #expect(
      try sandbox.json(["procure", "show", "PO-2026-000001", "--as", "sun"])["state"] as? String
        == "received")
    var payables = try sandbox.payables()
    #expect(payables["receivedNotInvoiced"] as? String == "71500.00")

    try sandbox.succeed([
      "invoice", "add", "--order", "PO-2026-000001", "--number", "INV-88812", "--amount",
      "71500.00", "--as", "sun",
    ])
    payables = try sandbox.payables()
    #expect(payables["receivedNotInvoiced"] as? String == "0.00")
    #expect(payables["invoicedNotPaid"] as? String == "71500.00")
    try sandbox.succeed([
      "pay", "--order", "PO-2026-000001", "--amount", "40000.00", "--reference", "bank slip 5521",
      "--as", "sun",
    ])
    try sandbox.expectRefused(
      [
        "pay", "--order", "PO-2026-000001", "--amount", "31500.01", "--reference", "slip", "--as",
        "sun",
      ], exit: 1, naming: ["cannot pay 31500.01 on PO-2026-000001", "31500.00"])
    let settled = try sandbox.json([
      "pay", "--order", "PO-2026-000001", "--amount", "31500.00", "--reference", "bank slip 5530",
      "--as", "sun",
    ])
    #expect(settled["state"] as? String == "closed")
    payables = try sandbox.payables()
    #expect(payables["receivedNotInvoiced"] as? String == "0.00")
    #expect(payables["invoicedNotPaid"] as? String == "0.00")
    #expect(payables["advances"] as? String == "0.00")

    let shown = try sandbox.succeed(["procure", "show", "PO-2026-000001", "--as", "chen"])
    for fragment in [
      "PO-2026-000001 closed: from SUP-JX __超市, for PR-2026-000001, contract FC-2026-07",
      "RCV-2026-000002", "ear loops broken", "INV-88812", "bank slip 5530", "order.settle",
    ] {
      #expect(shown.stdout.contains(fragment), "\(fragment): \(shown.stdout)")
    }
    let listed = try sandbox.succeed(["procure", "list", "--as", "chen"])
    #expect(listed.outputLines.count == 4)
    let verify = try sandbox.succeed(["ledger", "verify", "--as", "chen"])
    #expect(verify.outputLines.contains("ok      orders and payables (I5)"))
  }

  @Test func aGreenChannelOrderIsSignedAndMayBePrepaid() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    try sandbox.succeed([
      "procure", "request", "--item", "MASK-N95=10000", "--reason", "outbreak at CP3", "--as",
      "wang",
    ])
    try sandbox.succeed(["procure", "approve", "PR-2026-000001", "--as", "zhang"])
    try sandbox.expectRefused(
      [
        "procure", "order", "PR-2026-000001", "--supplier", "SUP-JX", "--price",
        "MASK-N95=3.50", "--emergency", "--as", "zhang",
      ], exit: 64, naming: ["'--emergency' and '--justification' go together"])
    let order = try sandbox.json([
      "procure", "order", "PR-2026-000001", "--supplier", "SUP-JX", "--price", "MASK-N95=3.50",
      "--emergency", "--justification", "framework stock exhausted", "--as", "zhang",
    ])
    #expect(order["emergency"] as? Bool == true)
    let history = try #require(order["history"] as? [[String: Any]])
    #expect(history.first?["action"] as? String == "order.emergency")
    #expect(history.first?["signed"] as? Bool == true)
    try sandbox.succeed([
      "pay", "--order", "PO-2026-000001", "--amount", "10000.00", "--reference", "advance",
      "--prepayment", "--as", "sun",
    ])
    let payables = try sandbox.payables()
    #expect(payables["advances"] as? String == "10000.00")
    let report = try sandbox.succeed(["report", "payables", "--as", "sun"])
    #expect(report.stdout.contains("SUP-JX    __超市"), report.transcript)
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func aReceiptWithoutAnOrderIsAnApproversSignedEmergencyReceipt() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    let line = [
      "receive", "--from", "SUP-JX", "--to", "WH-CENTRAL", "--item", "GOGGLES", "--qty", "10",
      "--value", "300.00",
    ]
    try sandbox.expectRefused(
      line + ["--as", "wang"], exit: 1,
      naming: ["a receipt names its purchase order with --order", "--emergency --justification"])
    let emergency = ["--emergency", "--justification", "goggles for the night shift"]
    try sandbox.expectRefused(
      line + emergency + ["--as", "wang"], exit: 2,
      naming: ["wang may not record emergency receipts", "approver"])
    let receipt = try sandbox.succeed(line + emergency + ["--as", "zhang"])
    #expect(receipt.outputLines.first == "RCV-2026-000001 posted, effective 2026-11-29")
    let verify = try sandbox.succeed(["ledger", "verify", "--as", "chen"])
    #expect(verify.stdout.contains("25 signatures checked"), verify.transcript)
    #expect(try sandbox.payables()["receivedWithoutOrder"] as? String == "300.00")
  }

  @Test func afterAPeriodIsClosedNothingPostsInItAndTheRefusalNamesIt() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpProcurement()
    let december = "2026-12-02T02:00:00.000Z"
    try sandbox.expectRefused(
      ["period", "close", "2026-11", "--as", "sun"], exit: 1,
      naming: ["the period 2026-11 has not ended yet (today is 2026-11-29)"])
    let closed = try sandbox.succeed(["period", "close", "2026-11", "--as", "sun"], now: december)
    #expect(
      closed.stdout == "Closed 2026-11: nothing may be posted on or before 2026-11-30 any more\n")
    let donation = [
      "donation", "receive", "--from", "DON-RC", "--to", "WH-CENTRAL", "--item", "GOGGLES", "--qty",
      "10", "--value", "0", "--as", "wang",
    ]
    try sandbox.expectRefused(
      donation + ["--date", "2026-11-30"], exit: 1,
      naming: ["the date 2026-11-30 falls in or before the closed period 2026-11"], now: december)
    try sandbox.expectRefused(
      ["period", "close", "2026-10", "--as", "sun"], exit: 1,
      naming: ["the period 2026-10 is already closed"], now: december)
    try sandbox.succeed(donation + ["--date", "2026-12-01"], now: december)
  }

  @Test func theDonorReportFollowsTheRedCrossMasks() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let report = try sandbox.json(["report", "donors", "--donor", "DON-RC", "--as", "wang"])
    let donors = try #require(report["donors"] as? [[String: Any]])
    let items = try #require(donors.first?["items"] as? [[String: Any]])
    #expect(items.first?["item"] as? String == "MASK-SURG")
    #expect(items.first?["received"] as? Int == 10000)
    #expect(items.first?["left"] as? Int == 10000, "the transfer kept them in the warehouses")
    let text = try sandbox.succeed(["report", "donors", "--as", "wang"])
    #expect(text.outputLines.first == "DON-RC 区红十字会")
    #expect(text.stdout.contains("MASK-SURG  一次性医用口罩  warehouses     10000"), text.transcript)
  }
}
