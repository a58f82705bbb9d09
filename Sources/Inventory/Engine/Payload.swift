/// A canonical, line-per-field text of what an event decided: what the hash chain covers
/// and what signatures sign. Field order is fixed by the writer; values are escaped so that
/// no value can fake another line.
public struct Payload: Sendable, Equatable {
  public private(set) var fields: [(name: String, value: String)] = []

  public init(_ fields: [(String, String?)] = []) {
    for (name, value) in fields { append(name, value) }
  }

  /// Adds a field; absent values are left out.
  public mutating func append(_ name: String, _ value: String?) {
    guard let value else { return }
    fields.append((name, value))
  }

  /// The canonical text: `name=value` lines, with `\`, newline and carriage return escaped.
  public var text: String {
    fields.map { "\($0.name)=\(Self.escaped($0.value))" }.joined(separator: "\n")
  }

  /// Reads a canonical text back.
  public init(parsing text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
      let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      append(String(parts[0]), parts.count == 2 ? Self.unescaped(parts[1]) : "")
    }
  }

  /// The value of the first field with this name.
  public subscript(name: String) -> String? {
    fields.first { $0.name == name }?.value
  }

  public static func == (lhs: Payload, rhs: Payload) -> Bool { lhs.text == rhs.text }

  static func escaped(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x0D }) else {
      return value
    }
    var result = ""
    for character in value {
      switch character {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\r\n": result += "\\r\\n"
      default: result.append(character)
      }
    }
    return result
  }

  static func unescaped(_ value: some StringProtocol) -> String {
    var result = ""
    var escaping = false
    for character in value {
      if escaping {
        switch character {
        case "n": result += "\n"
        case "r": result += "\r"
        default: result.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
