/// Writes a JSON array of flat objects as bytes, fast and in exactly the layout Foundation's
/// pretty-printing encoder uses with sorted keys, for outputs too large for the encoder
/// (`stock --json` on a big office). Callers give each object's fields in sorted key order.
public struct JSONArrayWriter {
  public private(set) var bytes: [UInt8] = []
  private var objects = 0
  private var fields = 0

  public init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
    bytes.append(UInt8(ascii: "["))
  }

  /// Starts the next object of the array.
  public mutating func beginObject() {
    bytes.append(contentsOf: objects == 0 ? Self.firstObject : Self.nextObject)
    objects += 1
    fields = 0
  }

  /// Ends the current object.
  public mutating func endObject() {
    bytes.append(contentsOf: Self.objectEnd)
  }

  /// Adds a string field, or null.
  public mutating func field(_ name: StaticString, _ value: String?) {
    key(name)
    guard var value else {
      bytes.append(contentsOf: Self.null)
      return
    }
    value.withUTF8 { appendQuoted($0) }
  }

  /// Adds an integer field.
  public mutating func field(_ name: StaticString, _ value: Int64) {
    key(name)
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var digits: [UInt8] = []
    var rest = value.magnitude
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    bytes.append(contentsOf: digits.reversed())
  }

  /// Ends the array and returns the document, with a final newline.
  public mutating func finish() -> [UInt8] {
    bytes.append(contentsOf: objects == 0 ? Array("\n\n]\n".utf8) : Array("\n]\n".utf8))
    return bytes
  }

  private mutating func key(_ name: StaticString) {
    bytes.append(contentsOf: fields == 0 ? Self.firstField : Self.nextField)
    fields += 1
    name.withUTF8Buffer { appendQuoted($0) }
    bytes.append(contentsOf: Self.colon)
  }

  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let firstObject = Array("\n  {".utf8)
  private static let nextObject = Array(",\n  {".utf8)
  private static let objectEnd = Array("\n  }".utf8)
  private static let firstField = Array("\n    ".utf8)
  private static let nextField = Array(",\n    ".utf8)
  private static let colon = Array(" : ".utf8)
  private static let null = Array("null".utf8)
}
