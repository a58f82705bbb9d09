import Foundation
import Macros

/// What one write wrote, by id range and SHA-256 digest: its movements, events or row images.
@MemberwiseInit
public struct WrittenRange: Sendable, Equatable, Codable {
  /// The first id written (the next id when nothing was written).
  public var first: Int64
  public var count: Int64
  public var digest: Data

  /// The last id written; less than `first` when nothing was.
  public var last: Int64 { first + count - 1 }
}

/// Where the ledger's three append-only tables end before a write begins.
@MemberwiseInit
public struct WritePosition: Sendable, Equatable {
  public var movement: Int64
  public var event: Int64
  public var image: Int64
}

/// Everything one write wrote: what its envelope's signature covers besides its header.
@MemberwiseInit
public struct WrittenRanges: Sendable, Equatable {
  public var movements: WrittenRange
  public var events: WrittenRange
  public var images: WrittenRange
}

/// One signed write as stored (SPEC §7): who, with which key, what, on what it builds, when,
/// its nonce, the ranges and digests of what it wrote, and the signature over all of it.
public struct EnvelopeRecord: Sendable, Equatable {
  public var id: Int64
  public var version: Int
  public var office: String
  public var actorId: Int64
  public var keyId: Int64
  public var useCase: String
  public var inputs: String
  public var roles: String
  public var baseHash: Data?
  public var signedAt: Moment
  public var nonce: Data
  public var movements: WrittenRange
  public var events: WrittenRange
  public var images: WrittenRange
  public var signature: Data

  public init(
    id: Int64 = 0, version: Int, office: String, actorId: Int64, keyId: Int64, useCase: String,
    inputs: String, roles: String, baseHash: Data?, signedAt: Moment, nonce: Data,
    written: WrittenRanges, signature: Data
  ) {
    self.id = id
    self.version = version
    self.office = office
    self.actorId = actorId
    self.keyId = keyId
    self.useCase = useCase
    self.inputs = inputs
    self.roles = roles
    self.baseHash = baseHash
    self.signedAt = signedAt
    self.nonce = nonce
    self.movements = written.movements
    self.events = written.events
    self.images = written.images
    self.signature = signature
  }
}
