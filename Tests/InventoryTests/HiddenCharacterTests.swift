import Testing

@testable import Inventory

/// Issue 12: characters that hide or reorder text are refused in numbers and codes that people
/// compare by eye, and accepted (to be shown escaped) in names, notes and reasons.
@Suite struct HiddenCharacterTests {
  static let hidden: [UInt32] =
    Array(0x202A...0x202E) + Array(0x2066...0x2069) + Array(0x200B...0x200F)
    + [0xFEFF, 0x2028, 0x2029]

  @Test(arguments: hidden)
  func aLotNumberWithAHiddenCharacterIsRefusedNamingIt(_ codePoint: UInt32) throws {
    let text = "L23" + String(Unicode.Scalar(codePoint)!) + "01"
    #expect(throws: DepotError.hiddenCharacter(field: .lot, codePoint: codePoint)) {
      try Text.checkedIdentifier(text, field: .lot, maximumLength: 64)
    }
    #expect(throws: DepotError.hiddenCharacter(field: .code, codePoint: codePoint)) {
      try Text.checkedCode("GLO" + String(Unicode.Scalar(codePoint)!) + "VE", field: .code)
    }
  }

  @Test func theSentenceNamesTheFieldAndTheCharacter() {
    #expect(
      DepotError.hiddenCharacter(field: .lot, codePoint: 0x202E).description(naming: DashedKeys())
        == "'--lot' contains the invisible character U+202E, which can hide or reorder text; "
        + "type the value again without it")
    #expect(
      DepotError.hiddenCharacter(field: .ref, codePoint: 0xFEFF).description.contains(
        "U+FEFF"))
  }

  @Test func namesKeepTheirHiddenCharactersToBeShownEscaped() throws {
    #expect(try Text.checked("口罩\u{202E}gnp.exe", field: .name) == "口罩\u{202E}gnp.exe")
    #expect(try Text.checkedIdentifier("L2301-甲", field: .lot) == "L2301-甲")
  }

  @Test func aReceiptWithAHiddenCharacterInItsLotPostsNothing() throws {
    let office = try TestOffice()
    let before = try office.onHand()
    #expect(throws: DepotError.hiddenCharacter(field: .lot, codePoint: 0x2066)) {
      try office.receive("MASK-SURG", 50, lot: "L\u{2066}2301", expiry: "2028-01-31")
    }
    #expect(throws: DepotError.hiddenCharacter(field: .serial, codePoint: 0x200B)) {
      try office.receive("THERMO-IR", 1, serials: ["IR\u{200B}-1"])
    }
    #expect(try office.onHand() == before)
    #expect(try office.verify().ok)
  }
}
