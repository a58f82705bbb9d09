import Testing

@testable import Inventory

/// What `ledger verify` finds when the write-off, recall and waste tables are changed behind
/// the engine's back (the sqlite3 shell, with the triggers dropped).
@Suite struct WasteVerificationTests {
  /// An office with a write-off batch handed over, a site batch disposed and a recall.
  func officeWithHistory() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("GLOVE", 100, value: 1_000)
    try office.receive("MASK-SURG", 100, lot: "L7", expiry: "2028-01-31")
    try office.writeOff("GLOVE", 10, reason: .damaged)
    try office.decideWriteOff(.approve, "ADJ-2026-000001")
    try office.weigh("WST-2026-000001", grams: 400)
    try office.store("WST-2026-000001")
    try office.collect(grams: 2_000)
    try office.store("WST-2026-000002")
    try office.handOver(["WST-2026-000001", "WST-2026-000002"], grams: 2_400, containers: 2)
    _ = try office.depot.recall(
      LotRecall(lot: "L7", reason: "notice"), office.context("zhang"))
    #expect(try office.verify().ok)
    return office
  }

  func dropTriggers(_ office: TestOffice, _ tables: [String]) throws {
    for table in tables {
      try office.execute("DROP TRIGGER \(table)_is_kept_update")
      try office.execute("DROP TRIGGER \(table)_is_kept_delete")
    }
  }

  @Test func aWeightChangedInTheRegisterIsFound() throws {
    let office = try officeWithHistory()
    try dropTriggers(office, ["waste_collection"])
    try office.execute("UPDATE waste_collection SET weight_grams = 200 WHERE weight_grams = 2000")
    let report = try office.verify()
    report.expect(
      failing: [
        "waste register (I4)", VerificationTests.signedCheck, VerificationTests.triggersCheck,
      ], "waste register (I4)",
      problem: "WST-2026-000002 in the waste register differs from its recorded history")
  }

  @Test func aManifestWhoseDriverWasChangedIsFound() throws {
    let office = try officeWithHistory()
    try dropTriggers(office, ["waste_manifest"])
    try office.execute("UPDATE waste_manifest SET driver = '某人'")
    #expect(
      try office.verify().problem(of: "waste register (I4)")
        == "MAN-2026-000001 in the waste register differs from its recorded history")
  }

  @Test func aDeletedRecallIsFound() throws {
    let office = try officeWithHistory()
    try dropTriggers(office, ["lot_recall"])
    try office.execute("DELETE FROM lot_recall")
    let report = try office.verify()
    #expect(
      report.failedChecks == [
        "recalls (I4)", VerificationTests.signedCheck, VerificationTests.triggersCheck,
      ])
    #expect(
      report.problem(of: "recalls (I4)")?.hasSuffix("is missing from the recall table") == true)
  }

  @Test func aWriteOffBatchWhoseStockWentAstrayIsFound() throws {
    let office = try officeWithHistory()
    try office.execute("UPDATE document SET state = 'stored' WHERE number = 'WST-2026-000001'")
    let report = try office.verify()
    #expect(report.failedChecks.contains("write-offs and waste stock (I2, I5)"))
    #expect(
      report.problem(of: "write-offs and waste stock (I2, I5)")
        == "WST-2026-000001 is stored and carries 10, but its movements moved 10 to a waste "
        + "point, 10 to the contractor, 0 to disposed and 0 elsewhere")
  }

  @Test func aHoldLargerThanTheStockIsFound() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.writeOff("GLOVE", 10, reason: .damaged)
    try dropTriggers(office, ["adjustment_line"])
    try office.execute("UPDATE adjustment_line SET quantity = 500")
    #expect(
      try office.verify().problem(of: "write-offs and waste stock (I2, I5)")
        == "500 of GLOVE (layer 1) are held by write-offs or disinfection at WH-CENTRAL but "
        + "only 100 are on hand")
  }
}
