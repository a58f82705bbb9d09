import Crypto
import Foundation

/// The hash chains over movements and document events.
///
/// Each entry's hash is SHA-256 of the previous entry's hash followed by a canonical,
/// versioned encoding of every field of the entry; the first entry follows 32 zero bytes.
/// Changing, removing, inserting or reordering a row behind the program's back therefore
/// breaks the chain at the first entry affected.
enum HashChain {
  static let genesis = Data(repeating: 0, count: 32)

  static func next(after previous: Data, encoding: CanonicalEncoding) -> Data {
    var hasher = SHA256()
    hasher.update(data: previous)
    hasher.update(data: encoding.bytes)
    return Data(hasher.finalize())
  }
}

/// A length-prefixed field encoding: the same fields always give the same bytes, and no
/// two different field lists give the same bytes.
struct CanonicalEncoding {
  private(set) var bytes: [UInt8] = []

  init(tag: String) {
    bytes.reserveCapacity(256)
    append(tag)
  }

  mutating func append(_ text: String?) {
    guard let text else {
      bytes.append(0x2D)  // "-": absent
      return
    }
    let utf8 = text.utf8
    bytes.append(contentsOf: String(utf8.count).utf8)
    bytes.append(0x3A)  // ":"
    bytes.append(contentsOf: utf8)
  }

  mutating func append(_ number: Int64?) {
    append(number.map { String($0) })
  }

  mutating func append(_ data: Data?) {
    append(data.map(\.hexadecimal))
  }
}

/// The lot fields that each movement's hash also covers, so a lot's identity cannot change
/// after stock moved in it.
struct LotIdentity {
  var number: String?
  var expiry: String?
  var sourceAccountId: Int64
}

extension MovementRecord {
  func canonicalEncoding(lot: LotIdentity) -> CanonicalEncoding {
    var encoding = CanonicalEncoding(tag: "depot.movement.v1")
    encoding.append(id)
    encoding.append(itemId)
    encoding.append(lotId)
    encoding.append(lot.number)
    encoding.append(lot.expiry)
    encoding.append(lot.sourceAccountId)
    encoding.append(fromAccountId)
    encoding.append(toAccountId)
    encoding.append(quantity)
    encoding.append(value)
    encoding.append(documentId)
    encoding.append(actorId)
    encoding.append(effectiveDate)
    encoding.append(recordedAt)
    encoding.append(reversesMovementId)
    return encoding
  }
}

extension DocumentEventRecord {
  var canonicalEncoding: CanonicalEncoding {
    var encoding = CanonicalEncoding(tag: "depot.event.v1")
    encoding.append(id)
    encoding.append(documentId)
    encoding.append(subject)
    encoding.append(action)
    encoding.append(fromState)
    encoding.append(toState)
    encoding.append(actorId)
    encoding.append(recordedAt)
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
