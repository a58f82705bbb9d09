import Crypto
import Foundation
import Ledger

/// Signs what a write will do (SPEC §7). The command line signs with the key file; a server or
/// a browser supplies a signer of its own. The engine never reads a private key itself.
public protocol EnvelopeSigner: Sendable {
  /// The raw Ed25519 public key this signer signs with.
  func publicKey() throws -> Data
  /// An Ed25519 signature over `message`.
  func sign(_ message: Data) throws -> Data
  /// Where the key is kept, as refusals name it (a key file's path).
  var keyLocation: String { get }
}

extension EnvelopeSigner {
  public var keyLocation: String { "the signer" }
}

/// A signer holding its private key in memory (a key just generated, or a test's).
public struct MemorySigner: EnvelopeSigner {
  private let raw: Data

  public init(_ key: Curve25519.Signing.PrivateKey) { raw = key.rawRepresentation }

  public func publicKey() throws -> Data {
    try Curve25519.Signing.PrivateKey(rawRepresentation: raw).publicKey.rawRepresentation
  }

  public func sign(_ message: Data) throws -> Data {
    try Curve25519.Signing.PrivateKey(rawRepresentation: raw).signature(for: message)
  }
}

/// One write, fully resolved, as its actor signs it: the office, who, with which key, the use
/// case and its inputs, the roles it needs, the hash of the document event it builds on, the
/// time and a nonce, and the ranges and digests of every movement, event and row image it
/// writes (so every item, lot, quantity, value, account, date and state it posts or changes).
public struct Envelope: Sendable, Equatable {
  /// The version of the signed encoding.
  public static let version = 1

  public var office: String
  public var actor: String
  public var fingerprint: String
  public var useCase: String
  public var inputs: String
  public var roles: [Role]
  public var baseHash: Data?
  public var signedAt: Moment
  public var nonce: Data
  public var written: WrittenRanges

  /// The exact bytes signed.
  public var message: Data {
    Self.message(
      office: office, actor: actor, fingerprint: fingerprint, useCase: useCase, inputs: inputs,
      roles: roles.map(\.rawValue).joined(separator: ","), baseHash: baseHash,
      signedAt: signedAt, nonce: nonce, written: written)
  }

  /// The signed bytes of an envelope's fields (`verify` rebuilds them from the stored row).
  static func message(
    office: String, actor: String, fingerprint: String, useCase: String, inputs: String,
    roles: String, baseHash: Data?, signedAt: Moment, nonce: Data, written: WrittenRanges
  ) -> Data {
    var fields: [(String, String?)] = [
      ("office", office), ("actor", actor), ("key", fingerprint), ("use", useCase),
      ("inputs", inputs), ("roles", roles), ("builds-on", baseHash?.hexadecimal ?? "-"),
      ("time", signedAt.description), ("nonce", nonce.hexadecimal),
    ]
    for (name, range) in [
      ("movements", written.movements), ("events", written.events), ("images", written.images),
    ] {
      fields.append((name, "\(range.first)+\(range.count):\(range.digest.hexadecimal)"))
    }
    return Data(("depot.envelope.v\(version)\n" + Payload(fields).text).utf8)
  }
}

/// A public key's fingerprint: the full SHA-256, lower-case hexadecimal.
func fingerprint(of publicKey: Data) -> String {
  Data(SHA256.hash(data: publicKey)).hexadecimal
}

/// A fingerprint shown for people to read out: groups of four digits.
public func groupedFingerprint(_ hexadecimal: String) -> String {
  var groups: [String] = []
  var rest = Substring(hexadecimal)
  while !rest.isEmpty {
    groups.append(String(rest.prefix(4)))
    rest = rest.dropFirst(4)
  }
  return groups.joined(separator: " ")
}
