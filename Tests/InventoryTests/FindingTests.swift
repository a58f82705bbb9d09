import Ledger
import Testing

@testable import Inventory

/// SPEC §10 "Finding things": the one rule by which a typed text names an item, location,
/// party or user, and documents named by number in any case or by a manifest's paper number.
@Suite struct FindingTests {
  @Test func aCodeInAnyLetterCaseNamesItsEntry() throws {
    let office = try TestOffice()
    let posted = try office.receive(
      "mask-surg", 10, lot: "L1", expiry: "2028-01-31", into: "wh-Central")
    #expect(posted.lines.map { "\($0.item) \($0.to)" } == ["MASK-SURG WH-CENTRAL"])
  }

  @Test func aUniqueExactNameNamesItsEntry() throws {
    let office = try TestOffice()
    let posted = try office.receive("一次性手套", 10, into: "WH-TOWN 仓库")
    #expect(posted.lines.map { "\($0.item) \($0.to)" } == ["GLOVE WH-TOWN"])
    let keys = try office.depot.keys(of: "WANG", as: "audit")
    #expect(keys.user == "wang")
  }

  @Test func aNameThatTwoEntriesBearIsRefusedWithBoth() throws {
    let office = try TestOffice()
    for code in ["SITE-OB2", "SITE-OB1"] {
      _ = try office.depot.addLocation(
        NewLocation(code: code, name: "观察点", kind: .site), office.admin)
    }
    #expect(
      throws: DepotError.ambiguousName(.location, name: "观察点", codes: ["SITE-OB1", "SITE-OB2"])
    ) {
      try office.depot.stock(StockQuery(location: "观察点"), as: "audit")
    }
  }

  @Test func anUnknownTextIsRefusedWithTheClosestCodesAndNames() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.unknownLocation(
        "WH-CENTRL", closest: [Candidate(code: "WH-CENTRAL", name: "WH-CENTRAL 仓库")])
    ) {
      try office.receive("GLOVE", 10, into: "WH-CENTRL")
    }
    #expect(
      throws: DepotError.unknownItem(
        "一次性口罩",
        closest: [
          Candidate(code: "GLOVE", name: "一次性手套"), Candidate(code: "MASK-SURG", name: "一次性医用口罩"),
        ])
    ) {
      try office.receive("一次性口罩", 10)
    }
    #expect(throws: DepotError.unknownUser("wnag", closest: [Candidate(code: "wang")])) {
      try office.depot.keys(of: "wnag", as: "audit")
    }
    #expect(throws: DepotError.unknownItem("QQQ-ZZZ")) { try office.receive("QQQ-ZZZ", 10) }
  }

  @Test func aCodeWinsOverAnotherEntrysEqualName() throws {
    let office = try TestOffice()
    _ = try office.depot.addItem(
      NewItem(code: "GAUZE", name: "纱布", category: .protective, unit: "piece"), office.admin)
    _ = try office.depot.addItem(
      NewItem(code: "BANDAGE", name: "GAUZE", category: .protective, unit: "piece"),
      office.admin)
    #expect(try office.receive("GAUZE", 1).lines.map(\.item) == ["GAUZE"])
    #expect(try office.receive("gauze", 1).lines.map(\.item) == ["GAUZE"])
  }

  @Test func aDocumentIsShownByItsNumberInAnyCase() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 10)
    guard case .posted(let view) = try office.depot.show("rcv-2026-000001", as: "audit") else {
      Issue.record("a receipt is shown in the generic document view")
      return
    }
    #expect(
      [view.number, view.kind, view.state, view.recordedBy] == [
        "RCV-2026-000001", "receipt", "posted", "zhang",
      ])
    #expect(
      view.lines.map { "\($0.item) \($0.from) \($0.to) \($0.quantity)" } == [
        "GLOVE SUP-JX WH-CENTRAL 10"
      ])
    #expect(view.history.map(\.actor) == ["zhang"])
    #expect(throws: DepotError.unknownDocument("RCV-2026-000009", closest: ["RCV-2026-000001"])) {
      try office.depot.show("RCV-2026-000009", as: "audit")
    }
  }

  @Test func aManifestIsNamedByItsPaperNumber() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.collect(grams: 2_000)
    try office.store("WST-2026-000001")
    try office.handOver(["WST-2026-000001"], grams: 2_000, containers: 1)
    #expect(try office.dispose("3401-2026-118").state == "disposed")
    #expect(
      throws: DepotError.unknownPaperNumber(
        "3401-2026-119", closest: [Candidate(code: "3401-2026-118", name: "MAN-2026-000001")])
    ) {
      try office.dispose("3401-2026-119")
    }
    #expect(throws: DepotError.unknownPaperNumber("XYZ", closest: [])) {
      try office.dispose("XYZ")
    }
  }

  @Test func theEditDistanceCountsCharactersIgnoringCase() {
    #expect(EditDistance.between("SITE-CP4", "site-cp3") == 1)
    #expect(EditDistance.between("高速卡口4号", "高速卡口3号") == 1)
    #expect(EditDistance.between("", "abc") == 3)
    #expect(EditDistance.between("kitten", "sitting") == 3)
  }
}
