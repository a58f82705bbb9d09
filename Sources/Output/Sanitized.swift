/// Text made safe to print: control characters (line breaks, terminal escapes) that came in
/// with a user's input are shown escaped instead of acting on the terminal.
public enum Sanitized {
  /// `text` with every control character written as `\n`, `\t`, `\r` or `\u{1B}`.
  public static func line(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.properties.generalCategory == .control {
          result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
