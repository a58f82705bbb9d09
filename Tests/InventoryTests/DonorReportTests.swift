import Testing

@testable import Inventory

@Suite struct DonorReportTests {
  @Test func aDonorsGoodsAreFollowedToEachSiteAndWhatIsLeft() throws {
    let office = try TestOffice()
    try office.donate(
      "MASK-SURG", 1_000, lot: "RC-77", expiry: "2027-06-30", value: 0, rejected: 50,
      reason: "wet cartons")
    try office.receive("MASK-SURG", 500, lot: "L1", expiry: "2027-01-31", value: 10_000)
    let request = try office.request([("MASK-SURG", 800)])
    try office.approve(request.number)
    try office.ship(request.number)
    try office.confirm(request.number)
    _ = try office.depot.reportUse(
      UseReport(site: "SITE-CP3", item: "MASK-SURG", quantity: QuantityAmount(digits: 300)),
      office.context("li"))
    let report = try office.depot.donors(donor: "DON-RC", as: "audit")
    let donor = try #require(report.donors.first)
    #expect(report.donors.count == 1)
    #expect(donor.donor == "DON-RC")
    let masks = try #require(donor.items.first)
    #expect(masks.received == 1_000)
    #expect(masks.rejected == 50)
    #expect(masks.value == "0.00")
    #expect(masks.sites.map(\.site) == ["SITE-CP3"])
    #expect(masks.sites.map(\.delivered) == [300], "first expiry first: L1 went before RC-77")
    #expect(masks.sites.map(\.used) == [0])
    #expect(masks.sites.map(\.onHand) == [300])
    #expect(masks.left == 700)
  }

  @Test func everyDonorIsListedWithWhatWasRefusedAndTheDeclaredValue() throws {
    let office = try TestOffice()
    try office.donate("GLOVE", 10, value: 100, rejected: 5, reason: "torn")
    let everyone = try office.depot.donors(donor: nil, as: "wang")
    #expect(everyone.donors.map(\.donor) == ["DON-RC"])
    #expect(everyone.donors.first?.items.map(\.rejected) == [5])
    #expect(everyone.donors.first?.items.map(\.value) == ["1.00"])
    #expect(throws: DepotError.wrongKind(code: "SUP-JX", kind: "supplier", expected: "donor")) {
      try office.depot.donors(donor: "SUP-JX", as: "wang")
    }
  }
}
