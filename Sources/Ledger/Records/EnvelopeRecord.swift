import Foundation
import GRDB

/// What one write wrote, by id range and SHA-256 digest: its movements, events or row images.
public struct WrittenRange: Sendable, Equatable, Codable {
  /// The first id written (the next id when nothing was written).
  public var first: Int64
  public var count: Int64
  public var digest: Data

  public init(first: Int64, count: Int64, digest: Data) {
    self.first = first
    self.count = count
    self.digest = digest
  }

  /// The last id written; less than `first` when nothing was.
  public var last: Int64 { first + count - 1 }
}

/// Where the ledger's three append-only tables end before a write begins.
public struct WritePosition: Sendable, Equatable {
  public var movement: Int64
  public var event: Int64
  public var image: Int64
}

/// Everything one write wrote: what its envelope's signature covers besides its header.
public struct WrittenRanges: Sendable, Equatable {
  public var movements: WrittenRange
  public var events: WrittenRange
  public var images: WrittenRange

  public init(movements: WrittenRange, events: WrittenRange, images: WrittenRange) {
    self.movements = movements
    self.events = events
    self.images = images
  }
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
  public var signedAt: String
  public var nonce: Data
  public var movements: WrittenRange
  public var events: WrittenRange
  public var images: WrittenRange
  public var signature: Data

  public init(
    id: Int64 = 0, version: Int, office: String, actorId: Int64, keyId: Int64, useCase: String,
    inputs: String, roles: String, baseHash: Data?, signedAt: String, nonce: Data,
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

  init(row: Row) {
    id = row["id"]
    version = row["version"]
    office = row["office"]
    actorId = row["actor_id"]
    keyId = row["key_id"]
    useCase = row["use_case"]
    inputs = row["inputs"]
    roles = row["roles"]
    baseHash = row["base_hash"]
    signedAt = row["signed_at"]
    nonce = row["nonce"]
    movements = WrittenRange(
      first: row["first_movement_id"], count: row["movement_count"],
      digest: row["movement_digest"])
    events = WrittenRange(
      first: row["first_event_id"], count: row["event_count"], digest: row["event_digest"])
    images = WrittenRange(
      first: row["first_image_id"], count: row["image_count"], digest: row["image_digest"])
    signature = row["signature"]
  }
}
