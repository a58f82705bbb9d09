import Foundation
import Ledger
import Testing

/// What a write's envelope rests on (SPEC §7): entries that never change once written, write
/// positions and the ranges written since, and nonces that are used once for good.
@Suite struct EnvelopeContractTests {
  /// The interface has no call that changes or removes a movement or an event; whatever is
  /// written later, every entry reads back as it was written and keeps its place and hash.
  @Test(arguments: StorageImplementation.allCases)
  func entriesReadBackAsWrittenWhateverComesLater(_ implementation: StorageImplementation)
    throws
  {
    let ledger = try ContractLedger(implementation)
    try ledger.sealedWrite { transaction throws in
      let document = try transaction.insertDocument(.transfer, by: ledger.clerk)
      try transaction.post(ledger.draft(ledger.lotB, "WH-TOWN", "WH-CENTRAL", 10, 500, document))
      try transaction.setState(ContractDocument.state, ofDocument: ledger.transfer.id)
    }
    #expect(throws: ContractFailure.abandoned) {
      try ledger.store.write { transaction throws in
        try transaction.post(ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 1, 50))
        throw ContractFailure.abandoned
      }
    }
    try ledger.store.read { transaction throws in
      #expect(
        try transaction.movements(ofDocument: ledger.receipt.id) == Array(ledger.movements[..<2]))
      #expect(
        try transaction.movements(ofDocument: ledger.transfer.id) == Array(ledger.movements[2...]))
      #expect(try transaction.events(ofDocument: ledger.receipt.id) == [ledger.events[2]])
      #expect(try transaction.events(subject: "office") == [ledger.events[0]])
      for movement in ledger.movements {
        #expect(try transaction.chainHash(table: .movement, id: movement.id) == movement.hash)
      }
      for event in ledger.events {
        #expect(try transaction.chainHash(table: .event, id: event.id) == event.hash)
      }
    }
    #expect(try ledger.check().problems == [])
  }

  @Test(arguments: StorageImplementation.allCases)
  func aNonceIsUsedOnceForGood(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let used = ledger.envelope.nonce
    let fresh = Data(repeating: 2, count: 16)
    try ledger.store.read { transaction throws in
      #expect(try transaction.nonceUsed(used))
      #expect(try !transaction.nonceUsed(fresh))
    }
    let before = try ledger.snapshot()
    #expect(throws: LedgerError.refusedByDatabase(rule: "a constraint of the schema")) {
      try ledger.store.write { transaction throws in
        let position = try transaction.writePosition()
        try transaction.insertDocument(.receipt, by: ledger.clerk)
        try ContractLedger.seal(
          transaction, since: position, actor: ledger.clerk, key: ledger.key, nonce: used)
      }
    }
    #expect(try ledger.snapshot() == before)
    try ledger.store.write { transaction throws in
      let position = try transaction.writePosition()
      try ContractLedger.seal(
        transaction, since: position, actor: ledger.clerk, key: ledger.key, nonce: fresh)
      #expect(try transaction.nonceUsed(fresh), "a write sees the nonce it used")
    }
    try ledger.store.read { transaction throws in
      #expect(try transaction.nonceUsed(fresh))
      #expect(try transaction.repeatedNonce() == nil)
      var nonces: [Data] = []
      try transaction.forEachEnvelope { nonces.append($0.nonce) }
      #expect(nonces == [used, fresh])
    }
  }

  @Test(arguments: StorageImplementation.allCases)
  func envelopesReadBackAsStored(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let second = try ledger.store.write { transaction throws in
      let position = try transaction.writePosition()
      return try ContractLedger.seal(
        transaction, since: position, actor: ledger.clerk, key: ledger.key)
    }
    var stored: [EnvelopeRecord] = []
    try ledger.store.read { transaction in try transaction.forEachEnvelope { stored.append($0) } }
    #expect(stored == [ledger.envelope, second])
    #expect(stored.map(\.id) == [1, 2])
  }

  /// `written(since:)` covers exactly the movements, events and row images that a write
  /// added after `position`, encoded as the chains encode them, and answers the same inside
  /// the write and after it committed.
  @Test(arguments: StorageImplementation.allCases)
  func writtenCoversExactlyWhatTheWriteAdded(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let start = try ledger.store.read { try $0.writePosition() }
    #expect(start.movement == 5)
    #expect(start.event == 4)
    let (inside, document, movements, event) = try ledger.store.write { transaction throws in
      let position = try transaction.writePosition()
      #expect(position == start)
      let document = try transaction.insertDocument(.transfer, by: ledger.clerk)
      let movements = try transaction.post([
        ledger.draft(ledger.lotA, "WH-CENTRAL", "WH-TOWN", 2, 100, document),
        ledger.draft(ledger.lotB, "WH-CENTRAL", "WH-TOWN", 3, 150, document),
      ])
      let event = try transaction.appendEvent(
        EventDraft(
          documentId: document.id, subject: document.number, action: "contract.note",
          actorId: ledger.clerk.id, recordedAt: ContractLedger.now, reason: "checked",
          payload: "lines=2"))
      return (try transaction.written(since: position), document, movements, event)
    }
    let events = try ledger.store.read { try $0.events(ofDocument: document.id) }
    #expect(events.last == event)
    #expect(
      inside.movements
        == WrittenRange(
          after: 5,
          movements.map {
            $0.canonicalEncoding(
              lot: LotIdentity(
                number: $0.lotId == ledger.lotA.id ? "L-A" : "L-B",
                expiry: $0.lotId == ledger.lotA.id ? Day("2028-01-31") : Day("2028-06-30"),
                sourceAccountId: ledger["SUP-JX"].id), office: ContractLedger.office)
          }))
    #expect(
      inside.events
        == WrittenRange(
          after: 4, events.map { $0.canonicalEncoding(office: ContractLedger.office) }))
    #expect(inside.images.first == start.image + 1)
    #expect(inside.images.count == 1, "the new document's row image")
    try ledger.store.read { transaction throws in
      #expect(try transaction.written(since: start) == inside)
      #expect(
        try transaction.writePosition()
          == WritePosition(movement: 7, event: 6, image: start.image + 1))
    }
  }

  @Test(arguments: StorageImplementation.allCases)
  func aWriteThatAddsNothingCoversEmptyRanges(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    let written = try ledger.store.read { transaction throws in
      try transaction.written(since: try transaction.writePosition())
    }
    let position = try ledger.store.read { try $0.writePosition() }
    #expect(
      written
        == WrittenRanges(
          movements: WrittenRange(first: 6, count: 0, digest: emptyDigest),
          events: WrittenRange(first: 5, count: 0, digest: emptyDigest),
          images: WrittenRange(first: position.image + 1, count: 0, digest: emptyDigest)))
  }

  /// The fixture's one write: its ranges and digests, pinned from the SQLite implementation.
  /// Envelopes sign these digests, so an office moved to another implementation verifies
  /// only where that implementation writes the same rows and row images byte for byte.
  @Test(arguments: StorageImplementation.allCases)
  func theFirstWriteCoversTheseDigests(_ implementation: StorageImplementation) throws {
    let ledger = try ContractLedger(implementation)
    #expect(ledger.envelope.movements.first == 1)
    #expect(ledger.envelope.movements.count == 5)
    #expect(ledger.envelope.events.first == 1)
    #expect(ledger.envelope.events.count == 4)
    #expect(
      ledger.envelope.movements.digest.hexadecimal
        == "3329fe084f72c65484e1abdd298166514b91a981bbee3da8065ffff2f3592b52")
    #expect(
      ledger.envelope.events.digest.hexadecimal
        == "7de4f4b507e995c3d6d30a292bc0833e232c303ac8adf1d07a6066d9822dd2c7")
    #expect(
      [ledger.envelope.images.first, ledger.envelope.images.count] == [5, 13],
      "after the four images of the accounts every ledger starts with")
    #expect(
      ledger.envelope.images.digest.hexadecimal
        == "618df744bc377160f5b5625078f1f70f3d12fed05d19eb9b2b380ae9eda9a3fb")
  }

  /// What a write to a document builds on: the hash of its newest event before the write.
  @Test(arguments: StorageImplementation.allCases)
  func aWriteBuildsOnTheNewestEventOfItsFirstDocument(_ implementation: StorageImplementation)
    throws
  {
    let ledger = try ContractLedger(implementation)
    try ledger.sealedWrite { transaction throws in
      let position = try transaction.writePosition()
      let fresh = try transaction.insertDocument(.receipt, by: ledger.clerk)
      for document in [ledger.transfer, ledger.receipt, ledger.transfer] {
        _ = try transaction.appendEvent(
          EventDraft(
            documentId: document.id, subject: document.number, action: "contract.note",
            actorId: ledger.clerk.id, recordedAt: ContractLedger.now, payload: "seen"))
      }
      #expect(
        try transaction.documentsWritten(since: position) == [
          fresh.id, ledger.transfer.id, ledger.receipt.id,
        ])
      #expect(
        try transaction.latestEventHash(ofDocument: ledger.transfer.id, before: position)
          == ledger.events[3].hash)
      #expect(
        try transaction.latestEventHash(ofDocument: ledger.receipt.id, before: position)
          == ledger.events[2].hash)
      #expect(try transaction.latestEventHash(ofDocument: fresh.id, before: position) == nil)
    }
  }
}
