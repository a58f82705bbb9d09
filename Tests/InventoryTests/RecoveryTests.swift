import Testing

@testable import Inventory

@Suite struct RecoveryTests {
  /// Four sites, each with a requester, that all received protective gloves today.
  func officeWithFourSites() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive("GLOVE", 50_000)
    try office.receive("DISINF-84", 1000, lot: "D1", expiry: "2028-01-31")
    for (site, user) in [("SITE-HC1", "zhou"), ("SITE-VC2", "wu"), ("SITE-QH4", "zheng")] {
      _ = try office.depot.addLocation(
        NewLocation(code: site, name: site, kind: .site), office.admin)
      try office.addUser(user, roles: [.requester], sites: [site])
    }
    for (site, user, gloves) in [
      ("SITE-CP3", "li", 10_000), ("SITE-HC1", "zhou", 10_000), ("SITE-VC2", "wu", 10_000),
      ("SITE-QH4", "zheng", 4_000),
    ] as [(String, String, Int64)] {
      let requested = try office.depot.requestIssue(
        IssueRequest(
          source: "WH-CENTRAL", site: site,
          items: office.amounts([("GLOVE", gloves), ("DISINF-84", 10)])),
        office.context(user))
      try office.approve(requested.number)
      try office.ship(requested.number)
      try office.confirm(requested.number, as: user)
    }
    return office
  }

  @Test func sitesThatReturnLittleOrNoWasteStandOut() throws {
    let office = try officeWithFourSites()
    try office.collect(at: "SITE-VC2", grams: 300, as: "wang")
    office.clock.advance(hours: 8 * 24)
    try office.collect(at: "SITE-CP3", grams: 2_000, as: "wang")
    try office.collect(at: "SITE-HC1", grams: 1_800, as: "wang")
    try office.collect(at: "SITE-HC1", .sharps, grams: 5_000, as: "wang")
    let report = try office.depot.recovery(from: nil, to: nil, as: "zhang")
    #expect(report.from == "2026-11-08")
    #expect(report.to == "2026-12-07")
    let sites = Dictionary(uniqueKeysWithValues: report.sites.map { ($0.site, $0) })
    #expect(
      sites["SITE-CP3"].map { [$0.protectivePieces, $0.infectiousGrams] } == [10_000, 2_000])
    #expect(
      sites.mapValues(\.gramsPerThousand) == [
        "SITE-CP3": 200, "SITE-HC1": 180, "SITE-VC2": 30, "SITE-QH4": 0,
      ])
    #expect(report.medianGramsPerThousand == 105)
    #expect(sites["SITE-VC2"]?.daysWithoutWaste == 8)
    #expect(sites["SITE-VC2"]?.lastWaste == "2026-11-29")
    #expect(sites["SITE-CP3"]?.daysWithoutWaste == 0)
    #expect(report.listed == ["SITE-QH4", "SITE-VC2"])
    #expect(
      sites["SITE-QH4"]?.reasons == [
        "0 g per 1000 pieces, below a quarter of the office median",
        "no waste returned for 8 days",
      ])
    #expect(sites["SITE-VC2"]?.reasons == ["no waste returned for 8 days"])
  }

  @Test func aWeekWithoutWasteIsNotYetTooLong() throws {
    let office = try officeWithFourSites()
    for site in ["SITE-CP3", "SITE-HC1", "SITE-VC2", "SITE-QH4"] {
      try office.collect(at: site, grams: 1_000, as: "wang")
    }
    office.clock.advance(hours: 7 * 24)
    let report = try office.depot.recovery(from: nil, to: nil, as: "zhang")
    #expect(report.sites.map(\.daysWithoutWaste) == [7, 7, 7, 7])
    #expect(report.listed == [])
  }

  @Test func thePeriodLimitsWhatCounts() throws {
    let office = try officeWithFourSites()
    try office.collect(at: "SITE-CP3", grams: 2_000, as: "wang")
    let before = try office.depot.recovery(
      from: Day("2026-11-20"), to: Day("2026-11-28"), as: "zhang")
    #expect(before.sites.isEmpty)
    let today = try office.depot.recovery(from: Day("2026-11-29"), to: nil, as: "zhang")
    #expect(today.sites.count == 4)
    #expect(
      throws: DepotError.invalidOption(
        field: .from, reason: "must not be after \(Field.to) (2026-11-28)")
    ) {
      _ = try office.depot.recovery(from: Day("2026-11-29"), to: Day("2026-11-28"), as: "zhang")
    }
  }
}
