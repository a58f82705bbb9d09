import Foundation
import GRDB
import Ledger

extension SQLiteTransaction {
  /// The chains' format and the office's code, read once per transaction.
  func chainFormat() throws -> ChainFormat {
    if let format = formatCache.format { return format }
    let row = try Row.fetchOne(
      cached(
        """
        SELECT (SELECT code FROM office WHERE id = 1) AS office, legacy_movements,
          legacy_events, legacy_images FROM ledger_format WHERE id = 1
        """))
    let format = ChainFormat(
      office: row?["office"] ?? "main", legacyMovements: row?["legacy_movements"] ?? 0,
      legacyEvents: row?["legacy_events"] ?? 0, legacyImages: row?["legacy_images"] ?? 0)
    if row?["office"] as String? != nil { formatCache.format = format }
    return format
  }

  /// The office's code.
  public func officeCode() throws -> String {
    try chainFormat().office
  }

  /// Where the movements, events and row images end now: a write's envelope covers what
  /// comes after.
  public func writePosition() throws -> WritePosition {
    let row = try Row.fetchOne(
      cached(
        """
        SELECT (SELECT ifnull(max(id), 0) FROM movement), (SELECT ifnull(max(id), 0)
          FROM document_event), (SELECT ifnull(max(id), 0) FROM row_image)
        """))!
    return WritePosition(movement: row[0], event: row[1], image: row[2])
  }

  /// The ranges and digests of everything written since `position`, encoded exactly as
  /// `verify` encodes the same rows again.
  public func written(since position: WritePosition) throws -> WrittenRanges {
    let format = try chainFormat()
    var movements = RangeDigest()
    var movementCount: Int64 = 0
    let movementRows = try Row.fetchCursor(
      cached(Self.movementSelect + " WHERE m.id > ? ORDER BY m.id"),
      arguments: [position.movement])
    while let row = try movementRows.next() {
      let (movement, identity) = try Self.movement(row)
      movements.add(
        movement.canonicalEncoding(lot: identity, office: format.office(forMovement: movement.id)))
      movementCount += 1
    }
    var events = RangeDigest()
    var eventCount: Int64 = 0
    let eventRows = try Row.fetchCursor(
      cached(Self.eventSelect + " WHERE id > ? ORDER BY id"), arguments: [position.event])
    while let row = try eventRows.next() {
      let event = try Self.event(row)
      events.add(event.canonicalEncoding(office: format.office(forEvent: event.id)))
      eventCount += 1
    }
    var images = RangeDigest()
    var imageCount: Int64 = 0
    let imageRows = try Row.fetchCursor(
      cached("SELECT id, table_name, row_key, image FROM row_image WHERE id > ? ORDER BY id"),
      arguments: [position.image])
    while let row = try imageRows.next() {
      images.add(
        imageEncoding(id: row[0], table: row[1], key: row[2], image: row[3], office: format.office))
      imageCount += 1
    }
    return WrittenRanges(
      movements: WrittenRange(
        first: position.movement + 1, count: movementCount, digest: movements.finalize()),
      events: WrittenRange(
        first: position.event + 1, count: eventCount, digest: events.finalize()),
      images: WrittenRange(
        first: position.image + 1, count: imageCount, digest: images.finalize()))
  }

  /// The hash of the newest event of a document written before `position`, if any: what a
  /// write to that document builds on.
  public func latestEventHash(ofDocument documentID: Int64, before position: WritePosition)
    throws -> Data?
  {
    try Data.fetchOne(
      cached(
        """
        SELECT hash FROM document_event WHERE document_id = ? AND id <= ?
        ORDER BY id DESC LIMIT 1
        """), arguments: [documentID, position.event])
  }

  /// The documents that the events since `position` concern, in the order first written.
  public func documentsWritten(since position: WritePosition) throws -> [Int64] {
    try Int64.fetchAll(
      cached(
        """
        SELECT document_id FROM document_event WHERE id > ? AND document_id IS NOT NULL
        GROUP BY document_id ORDER BY min(id)
        """), arguments: [position.event])
  }

  /// Whether an envelope already used this nonce.
  public func nonceUsed(_ nonce: Data) throws -> Bool {
    try Bool.fetchOne(
      cached("SELECT EXISTS (SELECT 1 FROM envelope WHERE nonce = ?)"), arguments: [nonce])
      ?? false
  }

  /// Stores a signed envelope and returns its id.
  @discardableResult
  public func insertEnvelope(_ envelope: EnvelopeRecord) throws -> Int64 {
    try execute(
      sql: """
        INSERT INTO envelope (version, office, actor_id, key_id, use_case, inputs, roles,
          base_hash, signed_at, nonce, first_movement_id, movement_count, movement_digest,
          first_event_id, event_count, event_digest, first_image_id, image_count, image_digest,
          signature)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        envelope.version, envelope.office, envelope.actorId, envelope.keyId, envelope.useCase,
        envelope.inputs, envelope.roles, envelope.baseHash, envelope.signedAt, envelope.nonce,
        envelope.movements.first, envelope.movements.count, envelope.movements.digest,
        envelope.events.first, envelope.events.count, envelope.events.digest,
        envelope.images.first, envelope.images.count, envelope.images.digest,
        envelope.signature,
      ])
    return db.lastInsertedRowID
  }

  /// Every envelope, oldest first, streamed.
  public func forEachEnvelope(_ body: (EnvelopeRecord) throws -> Void) throws {
    let cursor = try Row.fetchCursor(cached("SELECT * FROM envelope ORDER BY id"))
    while let row = try cursor.next() { try body(try EnvelopeRecord(row: row)) }
  }

  /// How many movements, events and row images predate envelopes.
  public func legacyCounts() throws -> WritePosition {
    let format = try chainFormat()
    return WritePosition(
      movement: format.legacyMovements, event: format.legacyEvents, image: format.legacyImages)
  }

  /// A nonce used by two envelopes, if any (the table's uniqueness could have been removed).
  public func repeatedNonce() throws -> Int64? {
    try Int64.fetchOne(
      cached(
        """
        SELECT max(id) FROM envelope GROUP BY nonce HAVING count(*) > 1 ORDER BY max(id) LIMIT 1
        """))
  }

  static let movementSelect = """
    SELECT m.id, m.item_id, m.lot_id, m.from_account_id, m.to_account_id, m.quantity,
      m.value, m.document_id, m.actor_id, m.effective_date, m.recorded_at,
      m.reverses_movement_id, m.hash, lot.item_id, lot.number, lot.expiry,
      lot.source_account_id
    FROM movement AS m LEFT JOIN lot ON lot.id = m.lot_id
    """

  static func movement(_ row: Row) throws -> (MovementRecord, LotIdentity) {
    (
      MovementRecord(
        id: row[0], itemId: row[1], lotId: row[2], fromAccountId: row[3], toAccountId: row[4],
        quantity: row[5], value: row[6], documentId: row[7], actorId: row[8],
        effectiveDate: try row.decode(atIndex: 9),
        recordedAt: try row.decode(atIndex: 10), reversesMovementId: row[11], hash: row[12]),
      LotIdentity(
        number: row[14], expiry: try row.decode(atIndex: 15), sourceAccountId: row[16] ?? 0)
    )
  }

  static let eventSelect = """
    SELECT id, document_id, subject, action, from_state, to_state, actor_id, recorded_at,
      reason, payload, signature_version, key_id, signature, hash
    FROM document_event
    """

  static func event(_ row: Row) throws -> DocumentEventRecord {
    DocumentEventRecord(
      id: row[0], documentId: row[1], subject: row[2], action: row[3], fromState: row[4],
      toState: row[5], actorId: row[6], recordedAt: try row.decode(atIndex: 7), reason: row[8],
      payload: row[9],
      signatureVersion: row[10], keyId: row[11], signature: row[12], hash: row[13])
  }
}

/// The chain format, once read in a transaction.
final class ChainFormatCache {
  var format: ChainFormat?
}
