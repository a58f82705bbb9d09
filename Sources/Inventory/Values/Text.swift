/// Checks on text that people type: names, notes, reasons and codes.
public enum Text {
  /// Accepts printable UTF-8 text of `1...maximumLength` characters, trimmed; with
  /// `lineBreaks`, text written over several lines (a note, a reason), its line breaks kept as
  /// `\n`.
  public static func checked(
    _ text: String, field: Field, maximumLength: Int = 200, lineBreaks: Bool = false
  ) throws(DepotError) -> String {
    let lines = lineBreaks ? text.replacing("\r\n", with: "\n") : text
    let trimmed = String(lines.trimmingWhitespace)
    guard !trimmed.isEmpty else { throw .invalidText(field: field, reason: "must not be empty") }
    if trimmed.utf8.count <= maximumLength, trimmed.utf8.allSatisfy({ (0x20...0x7E).contains($0) })
    {
      return trimmed
    }
    guard trimmed.count <= maximumLength else {
      throw .invalidText(field: field, reason: "is longer than \(maximumLength) characters")
    }
    if trimmed.unicodeScalars.contains("\u{FFFD}") {
      throw .invalidText(field: field, reason: "is not valid UTF-8 text")
    }
    if trimmed.unicodeScalars.contains(where: {
      $0.properties.generalCategory == .control && !(lineBreaks && $0 == "\n")
    }) {
      throw .invalidText(field: field, reason: "must not contain control characters")
    }
    return trimmed
  }

  /// Like `checked`, for optional text: nil stays nil.
  public static func checkedOptional(
    _ text: String?, field: Field, maximumLength: Int = 2000, lineBreaks: Bool = false
  ) throws(DepotError) -> String? {
    guard let text else { return nil }
    return try checked(text, field: field, maximumLength: maximumLength, lineBreaks: lineBreaks)
  }

  /// Like `checked`, for a number or reference that people compare by eye (a lot or serial
  /// number, an invoice or manifest number, a `--ref`): it also refuses the invisible
  /// characters that can make two different values look the same (see `hidesText`).
  public static func checkedIdentifier(_ text: String, field: Field, maximumLength: Int = 200)
    throws(DepotError) -> String
  {
    try refuseHiddenCharacters(text, field: field)
    return try checked(text, field: field, maximumLength: maximumLength)
  }

  /// Like `checkedIdentifier`, for an optional value: nil stays nil.
  public static func checkedOptionalIdentifier(
    _ text: String?, field: Field, maximumLength: Int = 200
  ) throws(DepotError) -> String? {
    guard let text else { return nil }
    return try checkedIdentifier(text, field: field, maximumLength: maximumLength)
  }

  /// Whether a character hides or reorders text on screen: the bidirectional embeddings,
  /// overrides and isolates (U+202A–U+202E, U+2066–U+2069), the zero-width characters and
  /// direction marks (U+200B–U+200F), the byte-order mark (U+FEFF) and the line and
  /// paragraph separators (U+2028, U+2029).
  public static func hidesText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B...0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

  private static func refuseHiddenCharacters(_ text: String, field: Field) throws(DepotError) {
    if let hidden = text.unicodeScalars.first(where: hidesText) {
      throw .hiddenCharacter(field: field, codePoint: hidden.value)
    }
  }

  /// Accepts a code: 1 to 32 ASCII letters, digits, `-`, `_` or `.`, starting with a letter
  /// or digit.
  public static func checkedCode(_ code: String, field: Field) throws(DepotError) -> String {
    try refuseHiddenCharacters(code, field: field)
    let scalars = code.unicodeScalars
    guard let first = scalars.first, (1...32).contains(scalars.count),
      ("A"..."Z").contains(first) || ("a"..."z").contains(first) || ("0"..."9").contains(first),
      scalars.allSatisfy({
        ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
          || $0 == "-" || $0 == "_" || $0 == "."
      })
    else {
      throw .invalidText(
        field: field,
        reason: "must be 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit")
    }
    return code
  }

  /// Accepts a unit or pack name: 1 to 16 letters.
  public static func checkedUnit(_ unit: String, field: Field) throws(DepotError) -> String {
    guard (1...16).contains(unit.count), unit.allSatisfy(\.isLetter) else {
      throw .invalidText(field: field, reason: "must be 1 to 16 letters")
    }
    return unit
  }
}
