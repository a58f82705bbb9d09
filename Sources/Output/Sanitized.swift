/// Text made safe to print: control characters (line breaks, terminal escapes) and invisible
/// characters (bidirectional overrides and isolates, zero-width characters, the byte-order
/// mark, line and paragraph separators) that came in with a user's input are shown escaped
/// instead of acting on the terminal or hiding what the text says.
public enum Sanitized {
  /// `text` on one line: every control or invisible character written as `\n`, `\t`, `\r`
  /// or in the form `\u{202E}`.
  public static func line(_ text: String) -> String {
    escaping(text) { scalar in
      isInvisible(scalar) || scalar.properties.generalCategory == .control
    }
  }

  /// `text` as it is laid out (line breaks and the program's own colours kept), with every
  /// invisible character written in the form `\u{202E}`.
  public static func visible(_ text: String) -> String {
    escaping(text, where: isInvisible)
  }

  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .format, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }

  private static func escaping(_ text: String, where escapes: (Unicode.Scalar) -> Bool)
    -> String
  {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case _ where !escapes(scalar): result.unicodeScalars.append(scalar)
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return result
  }
}
