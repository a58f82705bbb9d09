import Foundation
import Testing

@testable import Inventory

/// The engine names fields by `Field`, never by a command line's option text, and records
/// inputs under the fields' keys while still reading the option names older versions wrote.
@Suite struct FieldTests {
  /// Every Swift file of the engine, read from the package's source.
  static func engineSources() throws -> [(name: String, text: String)] {
    let sources = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/Inventory")
    var found: [(name: String, text: String)] = []
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard file.pathExtension == "swift" else { continue }
      found.append((file.lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
    }
    return found
  }

  @Test func theEngineSourceHoldsNoOptionNameLiteral() throws {
    let sources = try Self.engineSources()
    #expect(sources.count >= 80, "the source scan found \(sources.count) files")
    var literals: [String] = []
    for source in sources {
      for (index, line) in source.text.split(separator: "\n").enumerated()
      where line.contains("\"--") {
        literals.append("\(source.name):\(index + 1): \(line)")
      }
    }
    #expect(literals == [])
  }

  @Test func aRecordedKeyNamesItsFieldWhetherWrittenNowOrByAnOlderVersion() {
    #expect(Field.recorded("qty", among: [.item, .quantity]) == .quantity)
    #expect(Field.recorded("--qty", among: [.item, .quantity]) == .quantity)
    #expect(Field.recorded("--qty", among: []) == .quantity)
    #expect(Field.recorded("--needed-by", among: []) == .neededBy)
    #expect(Field.recorded("date", among: []) == .date)
    #expect(Field.recorded("name", among: [.user, .role, .site]) == .user)
    #expect(Field.recorded("user", among: [.user, .role, .site]) == .user)
    #expect(Field.recorded("--name", among: [.code, .name, .kind]) == .name)
    #expect(Field.recorded("name", among: [.code, .name, .kind]) == .name)
    #expect(Field.recorded("number", among: [.number, .reason]) == .number)
    #expect(Field.recorded("--number", among: [.order, .invoice, .amount]) == .invoice)
    #expect(Field.recorded("--manifest", among: [.batch, .manifestNumber]) == .manifestNumber)
    #expect(Field.recorded("manifest", among: [.manifest, .reason]) == .manifest)
    #expect(Field.recorded("lot", among: [.recalledLot, .item, .reason]) == .recalledLot)
    #expect(Field.recorded("item", among: [.reserveItem, .location]) == .reserveItem)
    #expect(Field.recorded("--colour", among: [.item]) == nil)
    #expect(Field.recorded("", among: [.item]) == nil)
  }

  @Test func inputsAreRecordedUnderTheFieldsKeys() throws {
    let office = try TestOffice()
    try office.donate("GLOVE", 100, value: 500, ref: "r-1")
    #expect(
      try office.recordedInputs("r-1")
        == "from=DON-RC\nto=WH-CENTRAL\nitem=GLOVE\nqty=100\nvalue=5.00")
  }

  @Test func aReferenceRecordedUnderOptionNamesByAnOlderVersionReplays() throws {
    let office = try TestOffice()
    let first = try office.donate("GLOVE", 100, value: 500, ref: "r-1")
    try office.execute(
      "UPDATE request_log SET inputs = ? WHERE ref = 'r-1'",
      ["--from=DON-RC\n--to=WH-CENTRAL\n--item=GLOVE\n--qty=100\n--value=5.00"])
    var replay = try office.donate("GLOVE", 100, value: 500, ref: "r-1")
    #expect(replay.replayed == true)
    replay.replayed = nil
    #expect(replay == first)
    #expect(try office.onHand("GLOVE", at: "WH-CENTRAL") == 100)
    #expect(
      throws: DepotError.referenceReused(
        reference: "r-1", command: "donation receive",
        differences: [.input(.quantity, earlier: "100", now: "101")])
    ) {
      try office.donate("GLOVE", 101, value: 500, ref: "r-1")
    }
  }

  @Test func anArgumentRecordedByAnOlderVersionReplaysUnderItsNewField() throws {
    let office = try TestOffice()
    let first = try office.depot.changeUser(
      UserChange(.add, name: "ma", roles: [.clerk]), office.context("chen", ref: "u-1"))
    #expect(try office.recordedInputs("u-1", of: "chen") == "user=ma\nrole=clerk")
    try office.execute(
      "UPDATE request_log SET inputs = ? WHERE ref = 'u-1'", ["name=ma\n--role=clerk"])
    #expect(
      try office.depot.changeUser(
        UserChange(.add, name: "ma", roles: [.clerk]), office.context("chen", ref: "u-1")) == first)
    #expect(
      throws: DepotError.referenceReused(
        reference: "u-1", command: "user add",
        differences: [.input(.user, earlier: "ma", now: "mo")])
    ) {
      try office.depot.changeUser(
        UserChange(.add, name: "mo", roles: [.clerk]), office.context("chen", ref: "u-1"))
    }
  }

  @Test func anUnreadableRecordedKeyRefusesTheReplay() throws {
    let office = try TestOffice()
    try office.donate("GLOVE", 100, value: 500, ref: "r-1")
    try office.execute("UPDATE request_log SET inputs = 'colour=red' WHERE ref = 'r-1'")
    #expect(throws: DepotError.storedResultUnreadable(reference: "r-1")) {
      try office.donate("GLOVE", 100, value: 500, ref: "r-1")
    }
  }

  @Test func aRefusalNamesFieldsAsTheNamingInUseDoes() {
    let refusal = DepotError.invalidOption(
      field: .from, reason: "must not be after \(Field.to) (2026-11-28)")
    #expect(refusal.field == .from)
    #expect(refusal.description == "'from' must not be after to (2026-11-28)")
    #expect(
      refusal.description(naming: DashedKeys()) == "'--from' must not be after --to (2026-11-28)")
    #expect(DepotError.unknownItem("X").field == nil)
  }
}

extension TestOffice {
  /// The inputs recorded with a user's client reference, as stored.
  func recordedInputs(_ reference: String, of user: String = "wang") throws -> String? {
    let id = try userID(user)
    return try depot.store.read { try $0.requestLog(userID: id, reference: reference)?.inputs }
  }
}
