import Crypto
import Foundation
import Ledger

/// The documents the contract creates. The storage's spelling of their kinds and of the one
/// state they are created in stands here and nowhere else in the suite.
enum ContractDocument: CaseIterable {
  case receipt, transfer

  /// The state every contract document is created in, and that its event moves it to.
  static let state = DocumentState.posted
  /// A state a test moves a document to without an event.
  static let laterState = DocumentState.closed

  var kind: DocumentKind {
    switch self {
    case .receipt: .receipt
    case .transfer: .transfer
    }
  }
}

extension LedgerTransaction {
  /// Creates a document of `kind` with the next number of its kind and `year`, and appends
  /// the event that records it, as the engine does for every document it creates.
  @discardableResult
  func insertDocument(
    _ kind: ContractDocument, year: Int = 2026, by user: UserRecord,
    from source: AccountRecord? = nil, to destination: AccountRecord? = nil
  ) throws -> DocumentRecord {
    let document = try insertDocument(
      kind: kind.kind, year: year, state: ContractDocument.state,
      effectiveDate: Day("\(year)-11-29")!,
      createdBy: user.id, createdAt: ContractLedger.now, sourceAccountId: source?.id,
      destinationAccountId: destination?.id, reversesDocumentId: nil, note: nil)
    _ = try appendEvent(
      EventDraft(
        documentId: document.id, subject: document.number, action: "contract.post",
        toState: ContractDocument.state.rawValue, actorId: user.id, recordedAt: ContractLedger.now,
        payload: "number=\(document.number)"))
    return document
  }
}

/// A small office's ledger, written only through `LedgerTransaction` in one write on an empty
/// store and sealed as the engine seals a write: by one envelope over all that it wrote (the
/// envelope's signature is the engine's business, not the storage's).
///
/// Office `xianyu`; clerk wang with one active key; MASK-SURG (lot-tracked) in lots L-A and L-B
/// from SUP-JX; warehouses WH-CENTRAL and WH-TOWN. Documents RCV-2026-000001 and
/// TRF-2026-000001. Movements: 1 SUP-JX→WH-CENTRAL L-A 100 (50.00), 2 SUP-JX→WH-CENTRAL L-B 60
/// (30.00), 3 WH-CENTRAL→WH-TOWN L-A 40 (20.00), 4 WH-CENTRAL→WH-TOWN L-B 10 (5.00),
/// 5 WH-TOWN→consumed L-A 5 (2.50). Events: office.init, user.add and one per document.
struct ContractLedger: Sendable {
  static let now = Moment("2026-11-29T02:00:00.000Z")!
  static let day = Day("2026-11-29")!
  static let office = "xianyu"

  let store: any LedgerStorage
  let clerk: UserRecord
  let key: UserKeyRecord
  let item: ItemRecord
  /// The accounts the ledger uses, by code.
  let accounts: [String: AccountRecord]
  /// RCV-2026-000001, whose lots L-A and L-B are.
  let receipt: DocumentRecord
  let lotA: LotRecord
  let lotB: LotRecord
  /// TRF-2026-000001.
  let transfer: DocumentRecord
  /// The chains' entries, in chain order.
  let events: [DocumentEventRecord]
  let movements: [MovementRecord]
  /// The envelope that seals the first write, as inserted (its id is the stored one).
  let envelope: EnvelopeRecord

  subscript(code: String) -> AccountRecord { accounts[code]! }

  /// A movement by the clerk, effective today, for `document` (default: the transfer).
  func draft(
    _ lot: LotRecord, _ from: String, _ to: String, _ quantity: Int64, _ value: Int64,
    _ document: DocumentRecord? = nil
  ) -> MovementDraft {
    Self.draft(lot, self[from], self[to], quantity, value, document ?? transfer, by: clerk)
  }

  static func draft(
    _ lot: LotRecord, _ from: AccountRecord, _ to: AccountRecord, _ quantity: Int64,
    _ value: Int64, _ document: DocumentRecord, by actor: UserRecord
  ) -> MovementDraft {
    MovementDraft(
      lot: lot, fromAccountId: from.id, toAccountId: to.id, quantity: quantity, value: value,
      documentId: document.id, actorId: actor.id, effectiveDate: day, recordedAt: now)
  }

  /// Runs `body` in one write and seals what it wrote, so that the ledger's checks stay clean.
  @discardableResult
  func sealedWrite<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
    try store.write { transaction in
      let position = try transaction.writePosition()
      let result = try body(transaction)
      try Self.seal(transaction, since: position, actor: clerk, key: key)
      return result
    }
  }

  /// Stores an envelope over everything written since `position`, with a fresh nonce and a
  /// signature of the right length.
  @discardableResult
  static func seal(
    _ transaction: any LedgerTransaction, since position: WritePosition, actor: UserRecord,
    key: UserKeyRecord, nonce: Data = freshNonce()
  ) throws -> EnvelopeRecord {
    var envelope = EnvelopeRecord(
      version: 1, office: try transaction.officeCode(), actorId: actor.id, keyId: key.id,
      useCase: "contract", inputs: "", roles: "clerk", baseHash: nil, signedAt: now,
      nonce: nonce, written: try transaction.written(since: position),
      signature: Data(repeating: 0x5A, count: 64))
    envelope.id = try transaction.insertEnvelope(envelope)
    return envelope
  }

  static func freshNonce() -> Data {
    Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })
  }

  /// What the ledger's own checks find.
  func check(_ store: (any LedgerStorage)? = nil) throws -> LedgerCheck {
    try (store ?? self.store).read {
      try $0.checkLedger(visit: { _ in }, visitEnvelope: { _ in }, progress: nil)
    }
  }
}

extension ContractLedger {
  /// Builds the ledger on an empty store of `implementation`.
  init(_ implementation: StorageImplementation) throws {
    try self.init(on: implementation.makeEmpty())
  }

  /// Builds the ledger on `store`, which must be empty.
  init(on store: any LedgerStorage) throws {
    self = try store.write { transaction in try Self.write(transaction, store: store) }
  }

  private static func write(_ transaction: any LedgerTransaction, store: any LedgerStorage)
    throws -> ContractLedger
  {
    let start = try transaction.writePosition()
    try transaction.insertOffice(
      OfficeRecord(name: "Xianyu Town", timezone: "Asia/Shanghai", createdAt: now, code: office))
    let clerk = try transaction.insertUser(name: "wang", createdAt: now)
    try transaction.grant(role: "clerk", toUser: clerk.id)
    var events = try [("office", "office.init"), ("user wang", "user.add")].map {
      try transaction.appendEvent(
        EventDraft(
          subject: $0, action: $1, actorId: clerk.id, recordedAt: now, payload: "by=wang"))
    }
    let key = try transaction.insertKey(
      userID: clerk.id, publicKey: Data(repeating: 0x4B, count: 32), state: .active,
      createdAt: now, label: "desk")
    let item = try transaction.insertItem(
      code: "MASK-SURG", name: "一次性医用口罩", category: "protective", baseUnit: "piece",
      tracking: .lot, packs: [(name: "box", baseQuantity: 50)], createdAt: now)
    var accounts = ["consumed": try transaction.account(code: "consumed")!]
    for (code, kind) in [
      ("SUP-JX", AccountRecord.Kind.supplier), ("WH-CENTRAL", .warehouse), ("WH-TOWN", .warehouse),
    ] {
      accounts[code] = try transaction.insertAccount(
        AccountRecord(code: code, name: "\(code) 仓库", kind: kind, createdAt: now))
    }
    let (supplier, central, town) = (
      accounts["SUP-JX"]!, accounts["WH-CENTRAL"]!, accounts["WH-TOWN"]!
    )
    let receipt = try transaction.insertDocument(.receipt, by: clerk, from: supplier, to: central)
    let transfer = try transaction.insertDocument(.transfer, by: clerk, from: central, to: town)
    events += try transaction.events(ofDocument: receipt.id)
    events += try transaction.events(ofDocument: transfer.id)
    let lots = try [("L-A", Day("2028-01-31")!), ("L-B", Day("2028-06-30")!)].map {
      number, expiry in
      try transaction.insertLot(
        LotRecord(
          itemId: item.id, number: number, expiry: expiry, sourceAccountId: supplier.id,
          orderDocumentId: nil, receiptDocumentId: receipt.id, createdAt: now))
    }
    let movements =
      try transaction.post([
        draft(lots[0], supplier, central, 100, 5000, receipt, by: clerk),
        draft(lots[1], supplier, central, 60, 3000, receipt, by: clerk),
      ])
      + transaction.post([
        draft(lots[0], central, town, 40, 2000, transfer, by: clerk),
        draft(lots[1], central, town, 10, 500, transfer, by: clerk),
        draft(lots[0], town, accounts["consumed"]!, 5, 250, transfer, by: clerk),
      ])
    let envelope = try seal(
      transaction, since: start, actor: clerk, key: key, nonce: Data(repeating: 1, count: 16))
    return ContractLedger(
      store: store, clerk: clerk, key: key, item: item, accounts: accounts, receipt: receipt,
      lotA: lots[0], lotB: lots[1], transfer: transfer, events: events, movements: movements,
      envelope: envelope)
  }
}

/// What a contract test throws on purpose.
enum ContractFailure: Error, Equatable {
  /// Thrown by a write's body to make the storage roll it back.
  case abandoned
}

/// Everything a write could leave behind that the contract looks at: where the three
/// append-only tables end, both chain heads, the next lot id, and every balance of the
/// ledger's lots at its accounts, by "ACCOUNT LOT".
struct LedgerSnapshot: Equatable {
  var position: WritePosition
  var movementHead: ChainHead?
  var eventHead: ChainHead?
  var nextLotID: Int64
  var balances: [String: [Int64]]
}

extension ContractLedger {
  /// The ledger as it stands now, in `store` (default: its own).
  func snapshot(_ store: (any LedgerStorage)? = nil) throws -> LedgerSnapshot {
    try (store ?? self.store).read { transaction in
      var balances: [String: [Int64]] = [:]
      for (code, account) in accounts {
        for lot in [lotA, lotB] {
          let balance = try transaction.balance(accountID: account.id, lotID: lot.id)
          balances["\(code) \(lot.number ?? "-")"] = [balance.quantity, balance.value]
        }
      }
      let heads = try transaction.chainHeads()
      return LedgerSnapshot(
        position: try transaction.writePosition(), movementHead: heads.movement,
        eventHead: heads.event, nextLotID: try transaction.nextLotID(), balances: balances)
    }
  }
}

extension WrittenRange {
  /// The range that these entries' encodings make, written after `position`.
  init(after position: Int64, _ encodings: [CanonicalEncoding]) {
    var digest = RangeDigest()
    for encoding in encodings { digest.add(encoding) }
    self.init(first: position + 1, count: Int64(encodings.count), digest: digest.finalize())
  }
}

/// The SHA-256 of nothing: the digest of an empty range.
let emptyDigest = Data(SHA256.hash(data: Data()))
