import Foundation
import Testing

/// Issue 6 end to end through the `depot` binary: a day's waste from two sites and a
/// write-off handed to the contractor, a discrepancy and its resolution, the refusals, the
/// 48-hour clock and a recall.
@Suite struct WasteCLITests {
  static let handover = [
    "waste", "handover", "WST-2026-000001", "WST-2026-000002", "WST-2026-000003",
    "--contractor", "ENV-CO", "--manifest", "3401-2026-118", "--weight", "27.9kg",
    "--containers", "6", "--driver", "赵师傅", "--vehicle", "皖N·12345", "--as", "wang",
  ]
  static let dispose = [
    "waste", "dispose", "MAN-2026-000001", "--certificate", "C-7781", "--method",
    "incineration", "--destination", "__焚烧厂", "--as", "wang",
  ]

  @Test func aDaysWasteFromTwoSitesAndAWriteOffReachesTheCertificate() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    let collected = try sandbox.succeed([
      "waste", "collect", "--at", "SITE-CP3", "--category", "infectious", "--containers", "3",
      "--weight", "12.4kg", "--as", "li",
    ])
    #expect(
      collected.outputLines.first
        == "WST-2026-000001 collected: infectious from SITE-CP3, 12.4 kg in 3 container(s); "
        + "hand over by 2026-12-01 10:00 +08:00", collected.transcript)
    try sandbox.succeed([
      "waste", "collect", "--at", "SITE-HC1", "--category", "sharps", "--containers", "2",
      "--weight", "8600g", "--as", "zhou",
    ])
    let writeOff = try sandbox.succeed([
      "writeoff", "--at", "WH-CENTRAL", "--item", "CAPS-XL", "--lot", "X1", "--qty", "40",
      "--reason", "expired", "--as", "wang",
    ])
    #expect(writeOff.outputLines.first?.hasPrefix("ADJ-2026-000001 requested") == true)
    let approved = try sandbox.succeed(["adjust", "approve", "ADJ-2026-000001", "--as", "zhang"])
    #expect(approved.stdout.contains("into WST-2026-000003 (pharmaceutical)"), approved.transcript)
    try sandbox.succeed([
      "waste", "collect", "WST-2026-000003", "--containers", "1", "--weight", "3.2kg", "--as",
      "wang",
    ])
    for batch in ["WST-2026-000001", "WST-2026-000002", "WST-2026-000003"] {
      try sandbox.succeed(["waste", "store", batch, "--at", "WP-1", "--as", "wang"])
    }
    let handed = try sandbox.succeed(Self.handover)
    #expect(handed.outputLines.first?.hasPrefix("MAN-2026-000001 discrepancy") == true)
    #expect(
      handed.stdout.contains("re-measured 27.9 kg against 24.2 kg collected, 15.3 % more"),
      handed.transcript)
    try sandbox.expectRefused(
      Self.dispose, exit: 1,
      naming: ["MAN-2026-000001 has an open discrepancy", "depot waste resolve MAN-2026-000001"])
    try sandbox.succeed([
      "waste", "resolve", "MAN-2026-000001", "--reason", "re-weighed at plant: 24.3 kg", "--as",
      "zhang",
    ])
    let disposed = try sandbox.succeed(Self.dispose)
    #expect(disposed.outputLines.first?.hasPrefix("MAN-2026-000001 disposed") == true)

    let batch = try sandbox.json(
      WasteBatchJSON.self, ["waste", "show", "WST-2026-000003", "--as", "zhang"])
    #expect(batch.state == "disposed")
    let row = batch.register
    #expect(
      [row.source, row.category, row.writeOff] == [
        "WH-CENTRAL", "pharmaceutical", "ADJ-2026-000001",
      ])
    #expect([row.weightGrams, row.containers] == [3_200, 1])
    #expect(
      [row.storagePoint, row.manifest, row.manifestNumber] == [
        "WP-1", "MAN-2026-000001", "3401-2026-118",
      ])
    #expect(
      [row.contractor, row.licence, row.driver, row.vehicle] == [
        "ENV-CO", "HW-3401-0021", "赵师傅", "皖N·12345",
      ])
    #expect(row.resolution == "re-weighed at plant: 24.3 kg")
    #expect(
      [row.disposalMethod, row.destination, row.certificate] == ["incineration", "__焚烧厂", "C-7781"])
    let report = try sandbox.json(WasteReportJSON.self, ["report", "waste", "--as", "zhang"])
    #expect(
      report.categories == [
        .init(category: "infectious", batches: 1, grams: 12_400),
        .init(category: "sharps", batches: 1, grams: 8_600),
        .init(category: "pharmaceutical", batches: 1, grams: 3_200),
      ])
    let card = try sandbox.json(StockCard.self, ["card", "CAPS-XL", "--as", "zhang"])
    #expect(card.entries.map(\.to) == ["WH-CENTRAL", "WP-1", "ENV-CO", "disposed"])
    #expect(
      try sandbox.stock(["--item", "CAPS-XL"]).map { "\($0.location) \($0.onHand)" }
        == ["WH-CENTRAL 60"])
    let verify = try sandbox.succeed(["ledger", "verify", "--as", "zhang"])
    #expect(verify.outputLines.contains("ok      waste register (I4)"), verify.transcript)
  }

  @Test func theWasteRefusalsNameTheProblemAndWriteNothing() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    for site in [("SITE-CP3", "li"), ("SITE-CP3", "li")] {
      try sandbox.succeed([
        "waste", "collect", "--at", site.0, "--category", "infectious", "--containers", "1",
        "--weight", "2kg", "--as", site.1,
      ])
    }
    try sandbox.succeed(["waste", "store", "WST-2026-000001", "--at", "WP-1", "--as", "wang"])
    func handover(_ batch: String, to contractor: String, manifest: String = "M-1") -> [String] {
      [
        "waste", "handover", batch, "--contractor", contractor, "--manifest", manifest,
        "--weight", "2kg", "--containers", "1", "--driver", "赵师傅", "--vehicle", "皖N·12345",
        "--as", "wang",
      ]
    }
    try sandbox.expectRefused(
      handover("WST-2026-000001", to: "NOBODY"), exit: 1, naming: ["unknown party 'NOBODY'"])
    try sandbox.expectRefused(
      handover("WST-2026-000001", to: "OLD-CO"), exit: 1,
      naming: ["HW-3401-0007 of OLD-CO expired on 2026-10-31", "valid licence"])
    try sandbox.expectRefused(
      handover("WST-2026-000002", to: "ENV-CO"), exit: 1,
      naming: ["WST-2026-000002 is collected, not stored", "depot waste store"])
    try sandbox.succeed(handover("WST-2026-000001", to: "ENV-CO"))
    try sandbox.succeed(["waste", "store", "WST-2026-000002", "--at", "WP-1", "--as", "wang"])
    try sandbox.expectRefused(
      handover("WST-2026-000002", to: "ENV-CO"), exit: 1,
      naming: ["manifest number M-1 was already used on MAN-2026-000001"])
    try sandbox.expectRefused(
      [
        "waste", "collect", "--at", "SITE-HC1", "--category", "infectious", "--containers", "1",
        "--weight", "2kg", "--as", "li",
      ], exit: 2, naming: ["li is not bound to site SITE-HC1"])
    try sandbox.expectRefused(
      [
        "waste", "collect", "--at", "SITE-CP3", "--category", "infectious", "--containers", "1",
        "--weight", "2.5", "--as", "li",
      ], exit: 64, naming: ["--weight", "12.4kg"])
  }

  @Test func aWriteOffIsNeverApprovedByWhoeverWroteItOff() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    try sandbox.succeed([
      "writeoff", "--at", "WH-CENTRAL", "--item", "CAPS-XL", "--lot", "X1", "--qty", "40",
      "--reason", "expired", "--as", "qian",
    ])
    try sandbox.expectRefused(
      ["adjust", "approve", "ADJ-2026-000001", "--as", "qian"], exit: 2,
      naming: ["qian wrote off ADJ-2026-000001", "another approver must"])
    try sandbox.expectRefused(
      [
        "writeoff", "--at", "WH-CENTRAL", "--item", "MASK-SURG", "--lot", "L2301", "--qty", "10",
        "--reason", "expired", "--as", "wang",
      ], exit: 1, naming: ["MASK-SURG lot L2301 expires on 2028-01-31 and has not expired"])
    try sandbox.succeed(["adjust", "approve", "ADJ-2026-000001", "--as", "zhang"])
  }

  @Test func aBatchIsFlaggedAfterFortyEightHoursNotAfterFortySeven() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    try sandbox.succeed([
      "waste", "collect", "--at", "SITE-CP3", "--category", "infectious", "--containers", "1",
      "--weight", "5kg", "--as", "li",
    ])
    let list = ["waste", "list", "--overdue", "--as", "wang"]
    let at47 = try sandbox.depot(list, now: "2026-12-01T01:00:00.000Z")
    #expect(at47.status == 0, at47.transcript)
    #expect(at47.stdout == "No overdue batches.\n")
    let at49 = try sandbox.depot(list, now: "2026-12-01T03:00:00.000Z")
    #expect(at49.status == 1, at49.transcript)
    #expect(at49.stdout.contains("WST-2026-000001"))
    #expect(at49.stdout.contains("OVERDUE"))
    expectErrorSentence(
      at49, naming: ["1 batch(es) not handed over within 48 hours: WST-2026-000001"])
    let report = try sandbox.json(
      WasteReportJSON.self, ["report", "waste", "--as", "wang"], now: "2026-12-01T03:00:00.000Z")
    #expect(report.overdue == ["WST-2026-000001"])
  }

  @Test func aRecalledLotIsNotShippedAndTheRecallSaysWhereItWent() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpWasteOffice()
    for (site, user) in [("SITE-CP3", "li"), ("SITE-HC1", "zhou")] {
      let requested = try sandbox.succeed([
        "issue", "request", "--from", "WH-TOWN", "--to", site, "--item", "MASK-SURG=50",
        "--json", "--as", user,
      ])
      let number = try #require(
        (try JSONSerialization.jsonObject(with: Data(requested.stdout.utf8)) as? [String: Any])?[
          "number"] as? String)
      try sandbox.succeed(["issue", "approve", number, "--as", "zhang"])
      try sandbox.succeed(["issue", "ship", number, "--as", "wang"])
      try sandbox.succeed(["issue", "confirm", number, "--as", user])
    }
    try sandbox.succeed([
      "issue", "request", "--from", "WH-TOWN", "--to", "SITE-CP3", "--item", "MASK-SURG=20",
      "--as", "li",
    ])
    try sandbox.succeed(["issue", "approve", "REQ-2026-000003", "--as", "zhang"])
    let recall = try sandbox.succeed([
      "recall", "RC-77", "--item", "MASK-SURG", "--reason", "manufacturer notice", "--json",
      "--as", "zhang",
    ])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(recall.stdout.utf8)) as? [String: Any])
    let issued = try #require(report["issued"] as? [[String: Any]])
    #expect(issued.map { $0["site"] as? String } == ["SITE-CP3", "SITE-HC1"])
    #expect(issued.map { $0["quantity"] as? Int } == [50, 50])
    #expect(report["stillHeld"] as? Int == 10_000)
    let reservations = try #require(report["reservations"] as? [[String: Any]])
    #expect(reservations.map { $0["document"] as? String } == ["REQ-2026-000003"])
    #expect(reservations.map { $0["location"] as? String } == ["WH-TOWN"])
    #expect(reservations.map { $0["repointed"] as? Int } == [0])
    #expect(reservations.map { $0["released"] as? Int } == [20], "no other lot covers it")
    #expect(reservations.map { $0["stillReserved"] as? Int } == [0])
    try sandbox.expectRefused(
      ["issue", "ship", "REQ-2026-000003", "--as", "wang"], exit: 1,
      naming: ["REQ-2026-000003 has nothing left to ship"])
  }
}
