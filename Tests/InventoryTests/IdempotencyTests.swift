import Testing

@testable import Inventory

@Suite struct IdempotencyTests {
  @Test func aRetryWithTheSameReferencePostsOnceAndReportsTheFirstResult() throws {
    let office = try TestOffice()
    let first = try office.receive("GLOVE", 100, value: 500, ref: "r-1")
    office.clock.advance(hours: 30)
    var second = try office.receive("GLOVE", 100, value: 500, ref: "r-1")
    second.replayed = nil
    #expect(second == first)
    #expect(second.date == "2026-11-29", "defaults such as today's date are the first run's")
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
    #expect(try office.verify().ok)
  }

  @Test func theSameReferenceWithOtherInputsIsRefusedNamingWhatDiffers() throws {
    let office = try TestOffice()
    try office.donate("GLOVE", 100, value: 500, ref: "r-1")
    #expect(
      throws: DepotError.referenceReused(
        reference: "r-1", command: "donation receive",
        differences: [.input(.quantity, earlier: "100", now: "101")])
    ) {
      try office.donate("GLOVE", 101, value: 500, ref: "r-1")
    }
    #expect(
      throws: DepotError.referenceReused(
        reference: "r-1", command: "donation receive",
        differences: [.command(earlier: "donation receive", now: "transfer")])
    ) {
      try office.depot.transfer(
        TransferRequest(
          source: "WH-CENTRAL", destination: "WH-TOWN", item: "GLOVE",
          quantity: QuantityAmount(digits: 1)), office.context("wang", ref: "r-1"))
    }
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
  }

  @Test func referencesBelongToTheirUser() throws {
    let office = try TestOffice()
    try office.donate("GLOVE", 100, ref: "shared")
    try office.donate("GLOVE", 100, as: "zhao", ref: "shared")
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 200)
  }

  @Test func anExplicitDateIsPartOfTheInputs() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, ref: "d", date: Day("2026-11-20"))
    #expect(
      throws: DepotError.referenceReused(
        reference: "d", command: "receive",
        differences: [.input(.date, earlier: "2026-11-20", now: nil)])
    ) {
      try office.receive("GLOVE", 100, ref: "d")
    }
  }
}

@Suite struct UnreadableReplayTests {
  @Test func aRetryWhoseStoredResultCannotBeReadBackIsRefusedWithASentence() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100, value: 500, ref: "r-1")
    try office.execute("UPDATE request_log SET result = '{\"damaged' WHERE ref = 'r-1'")
    let error = DepotError.storedResultUnreadable(reference: "r-1")
    #expect(throws: error) {
      try office.receive("GLOVE", 100, value: 500, ref: "r-1")
    }
    #expect(
      error.description(naming: DashedKeys())
        == "the earlier result for --ref r-1 cannot be read back, so the database may be "
        + "damaged; run 'depot ledger verify', or use a new --ref")
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
  }
}
