import Crypto
import Foundation
import Macros

/// The hash chains over movements and document events.
///
/// Each entry's hash is SHA-256 of the previous entry's hash followed by a canonical,
/// versioned encoding of every field of the entry; the first entry follows 32 zero bytes.
/// Changing, removing, inserting or reordering a row behind the program's back therefore
/// breaks the chain at the first entry affected.
package enum HashChain {
  package static let genesis = Data(repeating: 0, count: 32)

  package static func next(after previous: Data, encoding: CanonicalEncoding) -> Data {
    var hasher = SHA256()
    hasher.update(data: previous)
    hasher.update(data: encoding.bytes)
    return Data(hasher.finalize())
  }
}

/// A length-prefixed field encoding: the same fields always give the same bytes, and no
/// two different field lists give the same bytes.
package struct CanonicalEncoding {
  private(set) var bytes: [UInt8] = []

  package init(tag: String) {
    bytes.reserveCapacity(256)
    append(tag)
  }

  package mutating func append(_ text: String?) {
    guard var text else {
      bytes.append(0x2D)  // "-": absent
      return
    }
    text.withUTF8 { utf8 in
      appendDigits(of: UInt64(utf8.count))
      bytes.append(0x3A)  // ":"
      bytes.append(contentsOf: utf8)
    }
  }

  /// Appends a number exactly as `append(String(number))` would, without making the string.
  package mutating func append(_ number: Int64?) {
    guard let number else {
      bytes.append(0x2D)
      return
    }
    let magnitude = number.magnitude
    let length = Self.digitCount(magnitude) + (number < 0 ? 1 : 0)
    appendDigits(of: UInt64(length))
    bytes.append(0x3A)
    if number < 0 { bytes.append(0x2D) }
    appendDigits(of: magnitude)
  }

  package mutating func append(_ data: Data?) {
    append(data.map(\.hexadecimal))
  }

  private mutating func appendDigits(of value: UInt64) {
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = 0x30 + UInt8(rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      bytes.append(contentsOf: buffer[(20 - count)...])
    }
  }

  private static func digitCount(_ value: UInt64) -> Int {
    var count = 1
    var rest = value
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }
}

/// The lot fields that each movement's hash also covers, so a lot's identity cannot change
/// after stock moved in it.
@MemberwiseInit
package struct LotIdentity {
  package var number: String?
  package var expiry: Day?
  package var sourceAccountId: Int64
}

/// How entries are encoded: format 1 for the rows written before the office's envelopes
/// began, format 2 (which also names the office) from then on.
@MemberwiseInit
package struct ChainFormat {
  package var office: String
  package var legacyMovements: Int64
  package var legacyEvents: Int64
  package var legacyImages: Int64

  package func office(forMovement id: Int64) -> String? { id > legacyMovements ? office : nil }
  package func office(forEvent id: Int64) -> String? { id > legacyEvents ? office : nil }
}

/// The SHA-256 of a run of entries' encodings: what an envelope signs of the rows it wrote.
package struct RangeDigest {
  private var hasher = SHA256()

  package init() {}

  package mutating func add(_ encoding: CanonicalEncoding) {
    hasher.update(data: encoding.bytes)
  }

  package func finalize() -> Data { Data(hasher.finalize()) }
}

/// One row image as the image digest covers it.
package func imageEncoding(id: Int64, table: String, key: String, image: String?, office: String)
  -> CanonicalEncoding
{
  var encoding = CanonicalEncoding(tag: "depot.image.v1")
  encoding.append(office)
  encoding.append(id)
  encoding.append(table)
  encoding.append(key)
  encoding.append(image)
  return encoding
}

extension MovementRecord {
  /// The entry's encoding; `office` is nil for a format-1 entry.
  package func canonicalEncoding(lot: LotIdentity, office: String?) -> CanonicalEncoding {
    var encoding = CanonicalEncoding(tag: office == nil ? "depot.movement.v1" : "depot.movement.v2")
    if let office { encoding.append(office) }
    encoding.append(id)
    encoding.append(itemId)
    encoding.append(lotId)
    encoding.append(lot.number)
    encoding.append(lot.expiry?.description)
    encoding.append(lot.sourceAccountId)
    encoding.append(fromAccountId)
    encoding.append(toAccountId)
    encoding.append(quantity)
    encoding.append(value)
    encoding.append(documentId)
    encoding.append(actorId)
    encoding.append(effectiveDate.description)
    encoding.append(recordedAt.description)
    encoding.append(reversesMovementId)
    return encoding
  }
}

extension DocumentEventRecord {
  /// The entry's encoding; `office` is nil for a format-1 entry.
  package func canonicalEncoding(office: String?) -> CanonicalEncoding {
    var encoding = CanonicalEncoding(tag: office == nil ? "depot.event.v1" : "depot.event.v2")
    if let office { encoding.append(office) }
    encoding.append(id)
    encoding.append(documentId)
    encoding.append(subject)
    encoding.append(action)
    encoding.append(fromState)
    encoding.append(toState)
    encoding.append(actorId)
    encoding.append(recordedAt.description)
    encoding.append(reason)
    encoding.append(payload)
    encoding.append(signatureVersion.map { Int64($0) })
    encoding.append(keyId)
    encoding.append(signature)
    return encoding
  }
}

extension Data {
  /// Lower-case hexadecimal digits, two per byte.
  public var hexadecimal: String {
    let digits = Array("0123456789abcdef".utf8)
    var characters = [UInt8]()
    characters.reserveCapacity(count * 2)
    for byte in self {
      characters.append(digits[Int(byte >> 4)])
      characters.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: characters, as: UTF8.self)
  }
}

/// Follows one hash chain row by row, in id order: ids must run 1, 2, 3… without a gap and each
/// row's hash must chain from the previous row's. After the first break it stops judging, since
/// every later row would be reported for the same one.
package struct ChainFollower {
  /// Where a chain first breaks.
  package enum Break: Equatable {
    /// The row's id is not the next one; `expected` is.
    case sequence(expected: Int64)
    /// The row's stored hash is not the hash of its contents after the previous row's.
    case altered
  }

  private var previousHash = HashChain.genesis
  private var expected: Int64 = 1
  private var intact = true

  package init() {}

  /// Takes the next row; returns the break it shows, if it is the first.
  package mutating func follow(id: Int64, encoding: CanonicalEncoding, hash: Data) -> Break? {
    defer {
      previousHash = hash
      expected = id + 1
    }
    guard intact else { return nil }
    if id != expected {
      intact = false
      return .sequence(expected: expected)
    }
    if HashChain.next(after: previousHash, encoding: encoding) != hash {
      intact = false
      return .altered
    }
    return nil
  }
}
