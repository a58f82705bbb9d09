import Foundation
import Testing

/// The brief's scenario, end to end through the `depot` binary.
@Suite struct ScenarioTests {
  @Test func everyStepOfTheSetUpSaysWhatItAdded() throws {
    let sandbox = try DepotSandbox()
    for step in Scenario.setUp {
      let result = try sandbox.succeed(step.arguments)
      #expect(result.stdout.contains(step.prints), result.transcript)
      #expect(result.stderr.isEmpty, result.transcript)
    }
  }

  @Test func initWritesTheAdminsKeyOwnerOnlyUnderHome() throws {
    let sandbox = try DepotSandbox()
    let result = try sandbox.succeed(Scenario.setUp[0].arguments)
    let keyPath = sandbox.keyPath("chen")
    #expect(result.stdout.contains("Admin chen's private key: \(keyPath)"), result.transcript)
    let keyMode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions]
    #expect(keyMode as? Int == 0o600)
    let dbMode = try FileManager.default.attributesOfItem(atPath: sandbox.database)[
      .posixPermissions]
    #expect(dbMode as? Int == 0o600)
  }

  @Test func eachPostingPrintsItsDocumentNumberAndLines() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    var outputs: [String] = []
    for posting in Scenario.postings {
      let result = try sandbox.succeed(posting.arguments)
      #expect(
        result.outputLines.first == "\(posting.number) posted, effective 2026-11-29",
        result.transcript)
      outputs.append(result.stdout)
    }
    #expect(outputs[0].contains("L2301  2028-01-31  SUP-JX  WH-CENTRAL     40000  piece  14000.00"))
    #expect(outputs[1].contains("IR-0001"))
    #expect(outputs[1].contains("IR-0002"))
    #expect(outputs[1].contains("150.00"))
    #expect(outputs[2].contains("RC-77  2027-06-30  DON-RC  WH-CENTRAL     10000  piece   0.00"))
    #expect(outputs[3].contains("RC-77  2027-06-30  WH-CENTRAL  WH-TOWN       150  piece   0.00"))
  }

  @Test func aPostingAsJSONCarriesItsNumberStateAndLines() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let result = try sandbox.succeed(Scenario.receiveMasks + ["--json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["number"] as? String == "RCV-2026-000001")
    #expect(document["state"] as? String == "posted")
    #expect(document["date"] as? String == "2026-11-29")
    let lines = try #require(document["lines"] as? [[String: Any]])
    #expect(lines.count == 1)
    #expect(lines.first?["quantity"] as? Int == 40000)
    #expect(lines.first?["value"] as? String == "14000.00")
    #expect(lines.first?["lot"] as? String == "L2301")
  }

  @Test func theActorAndDatabaseMayComeFromTheEnvironment() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.start(
      DepotBinary.path, ["stock", "--at", "WH-TOWN", "--json"],
      environment: sandbox.environment(extra: [
        "DEPOT_USER": "wang", "DEPOT_DB": sandbox.database,
      ])
    ).finish()
    #expect(result.status == 0, result.transcript)
    let rows = try JSONDecoder().decode([StockRow].self, from: Data(result.stdout.utf8))
    #expect(rows.map(\.onHand) == [150])
  }

  @Test func stockJSONHoldsTheScenarioNumbers() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let rows = try sandbox.stock()
    #expect(
      rows == [
        StockRow(
          item: "MASK-SURG", itemName: "一次性医用口罩", location: "WH-CENTRAL", lot: nil, expiry: nil,
          onHand: 49850, reserved: 0, available: 49850, unusable: 0,
          unit: "piece", value: "14000.00"),
        StockRow(
          item: "MASK-SURG", itemName: "一次性医用口罩", location: "WH-TOWN", lot: nil, expiry: nil,
          onHand: 150, reserved: 0, available: 150, unusable: 0,
          unit: "piece", value: "0.00"),
        StockRow(
          item: "THERMO-IR", itemName: "额温枪", location: "WH-CENTRAL", lot: nil, expiry: nil,
          onHand: 2, reserved: 0, available: 2, unusable: 0,
          unit: "piece", value: "300.00"),
      ])
  }

  @Test func stockJSONRowsAreFlatWithNullLotWithoutLots() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.succeed(["stock", "--at", "WH-TOWN", "--json", "--as", "wang"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let row = try #require(rows.first)
    #expect(rows.count == 1)
    #expect(
      Set(row.keys) == [
        "item", "itemName", "location", "lot", "expiry", "onHand", "reserved", "available",
        "unusable", "unit", "value",
      ])
    #expect(row["lot"] is NSNull)
    #expect(row["expiry"] is NSNull)
    #expect(row["onHand"] as? Int == 150)
    #expect(row["value"] as? String == "0.00")
  }

  @Test func stockByLotShowsEachLotWithItsExpiry() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let rows = try sandbox.stock(["--at", "WH-CENTRAL", "--item", "MASK-SURG", "--lots"])
    let byLot = Dictionary(uniqueKeysWithValues: rows.map { ($0.lot ?? "-", $0) })
    #expect(rows.count == 2)
    #expect(byLot["L2301"]?.expiry == "2028-01-31")
    #expect(byLot["L2301"]?.onHand == 40000)
    #expect(byLot["L2301"]?.value == "14000.00")
    #expect(byLot["RC-77"]?.expiry == "2027-06-30")
    #expect(byLot["RC-77"]?.onHand == 9850)
    #expect(byLot["RC-77"]?.value == "0.00")
  }

  @Test func stockAsOfADayShowsWhatStoodAtItsEnd() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let tomorrow = try sandbox.stock(["--as-of", "2026-11-30", "--item", "MASK-SURG"])
    #expect(tomorrow.map(\.onHand) == [49850, 150])
    #expect(tomorrow.map(\.location) == ["WH-CENTRAL", "WH-TOWN"])
    let before = try sandbox.stock(["--as-of", "2026-11-28"])
    #expect(before.isEmpty)
  }

  @Test func stockTableAlignsChineseNames() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    for arguments in [["stock"], ["stock", "--lots"]] {
      let result = try sandbox.succeed(arguments + ["--as", "wang"])
      let lines = result.outputLines
      #expect(lines.count == (arguments.count == 1 ? 5 : 7), result.transcript)
      #expect(lines.first?.hasPrefix("Item       Name            Location") == true)
      let widths = Set(lines.map { displayWidth($0) })
      #expect(widths.count == 1, "every line has the same display width: \(lines)")
      let central = try #require(
        lines.first { $0.hasPrefix("MASK-SURG") && $0.contains("WH-CENTRAL") })
      #expect(central.hasPrefix("MASK-SURG  一次性医用口罩  WH-CENTRAL"))
      let thermometer = try #require(lines.first { $0.hasPrefix("THERMO-IR") })
      #expect(thermometer.hasPrefix("THERMO-IR  额温枪          WH-CENTRAL"))
    }
  }

  @Test func stockCardKeepsARunningBalance() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let atCentral = try card(sandbox, ["MASK-SURG", "--at", "WH-CENTRAL"])
    #expect(
      atCentral.entries.map(\.document) == [
        "RCV-2026-000001", "DON-2026-000001", "TRF-2026-000001",
      ])
    #expect(atCentral.entries.map(\.quantityIn) == [40000, 10000, 0])
    #expect(atCentral.entries.map(\.quantityOut) == [0, 0, 150])
    #expect(atCentral.entries.map(\.balance) == [40000, 50000, 49850])
    #expect(atCentral.entries.map(\.value) == ["14000.00", "0.00", "0.00"])
    #expect(atCentral.balance == 49850)
    #expect(atCentral.itemName == "一次性医用口罩")

    let wholeOffice = try card(sandbox, ["MASK-SURG"])
    #expect(wholeOffice.entries.map(\.balance) == [40000, 50000, 50000])
    #expect(wholeOffice.balance == 50000)

    let oneLot = try card(sandbox, ["MASK-SURG", "--at", "WH-CENTRAL", "--lot", "L2301"])
    #expect(oneLot.entries.map(\.balance) == [40000])
    #expect(oneLot.entries.map(\.actor) == ["chen"])

    let text = try sandbox.succeed(["card", "MASK-SURG", "--at", "WH-CENTRAL", "--as", "wang"])
    #expect(text.outputLines.first == "Stock card MASK-SURG 一次性医用口罩 (piece), at WH-CENTRAL")
    #expect(text.outputLines.last == "Balance: 49850 piece")
  }

  @Test func ledgerVerifyPrintsAnOkLineForEveryCheck() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let result = try sandbox.succeed(["ledger", "verify", "--as", "wang"])
    for check in [
      "movement chain (I3, I9)", "event chain (I4, I9)", "conservation (I1)",
      "no negative stock (I2)", "balances agree (I5)", "value conservation (I6)",
      "reservations (I2, I5)", "write-offs and waste stock (I2, I5)", "recalls (I4)",
      "waste register (I4)", "document states (I4)", "orders and payables (I5)",
      "signed writes (I4, I10)", "four eyes (I4)", "nonces (I10)",
      "rows under verification (I4, I5)",
      "ledger triggers (I3)", "dates (I2, backdating)", "reversals (I3)",
      "signatures and keys (I10)",
    ] {
      #expect(result.outputLines.contains("ok      \(check)"), result.transcript)
    }
    #expect(!result.stdout.contains("FAILED"))
    #expect(result.stdout.contains("5 movements, 22 events, 20 signatures checked; head 5:22:"))
    #expect(result.stderr.isEmpty)

    let json = try sandbox.succeed(["ledger", "verify", "--json", "--as", "wang"])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(report["ok"] as? Bool == true)
    #expect(report["movements"] as? Int == 5)
    #expect((report["checks"] as? [[String: Any]])?.count == 20)
  }

  @Test func aNotedHeadIsAcceptedByVerifyAlsoAfterMoreWork() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let head = try sandbox.succeed(["ledger", "head", "--as", "chen"])
    let tokenLine = try #require(head.outputLines.first { $0.hasPrefix("head ") })
    let token = String(tokenLine.split(separator: " ").last ?? "")
    #expect(token.hasPrefix("5:22:"))
    #expect(head.outputLines.first?.hasPrefix("movement 5 ") == true)

    let now = try sandbox.succeed(["ledger", "verify", "--head", token, "--as", "chen"])
    #expect(now.outputLines.contains("ok      noted head"), now.transcript)
    #expect(now.stdout.contains("head \(token)"))

    try sandbox.succeed(Scenario.transferBoxes)
    let later = try sandbox.succeed(["ledger", "verify", "--head", token, "--as", "chen"])
    #expect(later.outputLines.contains("ok      noted head"), later.transcript)
    #expect(!later.stdout.contains("head \(token)"), "the head moved on")
  }

  @Test func aRetryWithTheSameRefPostsOnce() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let transfer = Scenario.transferBoxes + ["--ref", "trf-7"]
    let first = try sandbox.succeed(transfer)
    #expect(first.outputLines.first == "TRF-2026-000002 posted, effective 2026-11-29")
    let stockAfterFirst = try sandbox.stock()
    let movements = try sandbox.count("movement")

    let retry = try sandbox.succeed(transfer)
    #expect(
      retry.stdout
        == first.stdout.replacing(
          "TRF-2026-000002 posted,", with: "already posted as TRF-2026-000002,"))
    #expect(try sandbox.stock() == stockAfterFirst)
    #expect(try sandbox.count("movement") == movements)
    #expect(stockAfterFirst.first { $0.location == "WH-TOWN" }?.onHand == 300)

    let nextDay = try sandbox.succeed(transfer, now: "2026-11-30T02:00:00.000Z")
    #expect(nextDay.outputLines.first == "already posted as TRF-2026-000002, effective 2026-11-29")
    #expect(try sandbox.count("movement") == movements)
  }

  @Test func theSameRefWithAnotherQuantityIsRefusedNamingQty() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.succeed(Scenario.transferBoxes + ["--ref", "trf-8"])
    let changed = Scenario.transferBoxes.map { $0 == "3" ? "4" : $0 } + ["--ref", "trf-8"]
    try sandbox.expectRefused(changed, exit: 1, naming: ["--ref trf-8", "--qty", "3 box", "4 box"])
    #expect(try sandbox.stock().first { $0.location == "WH-TOWN" }?.onHand == 300)
  }

  @Test func theSameRefIsAnotherUsersOwn() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.addUser("zhao", ["--role", "clerk"])
    try sandbox.succeed(Scenario.transferBoxes + ["--ref", "shared"])
    let zhao = Scenario.transferBoxes.map { $0 == "wang" ? "zhao" : $0 } + ["--ref", "shared"]
    let result = try sandbox.succeed(zhao)
    #expect(result.outputLines.first == "TRF-2026-000003 posted, effective 2026-11-29")
    #expect(try sandbox.stock().first { $0.location == "WH-TOWN" }?.onHand == 450)
  }

  private func card(_ sandbox: DepotSandbox, _ arguments: [String]) throws -> StockCard {
    let result = try sandbox.succeed(["card"] + arguments + ["--json", "--as", "wang"])
    return try JSONDecoder().decode(StockCard.self, from: Data(result.stdout.utf8))
  }
}
