import Foundation

/// Keys and signed envelopes: who may sign, and what each write signed.
public protocol TrustLedger {
  /// A user's keys, oldest first.
  func keys(ofUser userID: Int64) throws -> [UserKeyRecord]

  /// Every key, oldest first.
  func allKeys() throws -> [UserKeyRecord]

  /// Registers a public key and returns it as stored.
  func insertKey(
    userID: Int64, publicKey: Data, state: UserKeyRecord.State, createdAt: Moment, label: String?
  ) throws -> UserKeyRecord

  /// Retires a key for good because it was revoked.
  func revokeKey(_ keyID: Int64, at moment: Moment) throws

  /// Activates a pending key or retires an active one.
  func setKeyState(_ state: UserKeyRecord.State, ofKey keyID: Int64, at moment: Moment) throws

  /// The office's code.
  func officeCode() throws -> String

  /// Where the movements, events and row images end now: a write's envelope covers what
  /// comes after.
  func writePosition() throws -> WritePosition

  /// The ranges and digests of everything written since `position`, encoded exactly as
  /// `verify` encodes the same rows again.
  func written(since position: WritePosition) throws -> WrittenRanges

  /// The hash of the newest event of a document written before `position`, if any: what a
  /// write to that document builds on.
  func latestEventHash(ofDocument documentID: Int64, before position: WritePosition) throws -> Data?

  /// The documents that the events since `position` concern, in the order first written.
  func documentsWritten(since position: WritePosition) throws -> [Int64]

  /// Whether an envelope already used this nonce.
  func nonceUsed(_ nonce: Data) throws -> Bool

  /// Stores a signed envelope and returns its id.
  @discardableResult
  func insertEnvelope(_ envelope: EnvelopeRecord) throws -> Int64

  /// Every envelope, oldest first, streamed.
  func forEachEnvelope(_ body: (EnvelopeRecord) throws -> Void) throws

  /// How many movements, events and row images predate envelopes.
  func legacyCounts() throws -> WritePosition

  /// A nonce used by two envelopes, if any (the table's uniqueness could have been removed).
  func repeatedNonce() throws -> Int64?
}
