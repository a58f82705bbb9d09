import Foundation
import GRDB
import Testing

@testable import Ledger
@testable import LedgerSQLite

/// A small ledger written only through the public `LedgerTransaction` API, in a fresh
/// in-memory store: one clerk, one lot-tracked item in two lots, a supplier, two warehouses,
/// five movements and five events.
///
/// Movements: 1 supplier→central lot A 100 (50.00), 2 supplier→central lot B 60 (30.00),
/// 3 central→town lot A 40 (20.00), 4 central→town lot B 10 (5.00),
/// 5 town→consumed lot A 5 (2.50).
struct SmallLedger {
  let store: SQLiteLedger
  let clerk: UserRecord
  let supplier: AccountRecord
  let central: AccountRecord
  let town: AccountRecord
  let consumed: AccountRecord
  let receipt: DocumentRecord
  let transfer: DocumentRecord
  let lotA: LotRecord
  let lotB: LotRecord
  let movements: [MovementRecord]
  let events: [DocumentEventRecord]

  /// Builds the ledger; every recorded time is `recordedAt`, so two ledgers built with the
  /// same argument hold the same content.
  init(recordedAt now: String = "2026-11-29T02:00:00.000Z") throws {
    let now = try #require(Moment(now))
    let store = try SQLiteLedger.inMemory()
    self.store = store
    let built = try store.write { transaction in
      try Self.build(transaction, now: now)
    }
    (clerk, supplier, central, town, consumed) = built.people
    (receipt, transfer, lotA, lotB) = built.documents
    movements = built.movements
    events = built.events
  }

  private typealias Built = (
    people: (UserRecord, AccountRecord, AccountRecord, AccountRecord, AccountRecord),
    documents: (DocumentRecord, DocumentRecord, LotRecord, LotRecord),
    movements: [MovementRecord], events: [DocumentEventRecord]
  )

  private static func build(_ transaction: any LedgerTransaction, now: Moment) throws -> Built {
    try transaction.insertOffice(
      OfficeRecord(name: "Xianyu Town", timezone: "Asia/Shanghai", createdAt: now))
    let clerk = try transaction.insertUser(name: "wang", createdAt: now)
    let item = try transaction.insertItem(
      code: "MASK-SURG", name: "mask", category: "protective", baseUnit: "piece",
      tracking: .lot, packs: [(name: "box", baseQuantity: 50)], createdAt: now)
    func account(_ code: String, _ kind: AccountRecord.Kind) throws -> AccountRecord {
      try transaction.insertAccount(
        AccountRecord(code: code, name: code, kind: kind, createdAt: now))
    }
    let supplier = try account("SUP-JX", .supplier)
    let central = try account("WH-CENTRAL", .warehouse)
    let town = try account("WH-TOWN", .warehouse)
    let consumed = try transaction.account(code: "consumed")!
    func document(_ kind: DocumentKind, _ from: AccountRecord, _ to: AccountRecord) throws
      -> DocumentRecord
    {
      try transaction.insertDocument(
        kind: kind, year: 2026, state: .posted, effectiveDate: Self.day, createdBy: clerk.id,
        createdAt: now, sourceAccountId: from.id, destinationAccountId: to.id,
        reversesDocumentId: nil, note: nil)
    }
    let receipt = try document(.receipt, supplier, central)
    let transfer = try document(.transfer, central, town)
    func lot(_ number: String, expiry: Day) throws -> LotRecord {
      try transaction.insertLot(
        LotRecord(
          itemId: item.id, number: number, expiry: expiry, sourceAccountId: supplier.id,
          orderDocumentId: nil, receiptDocumentId: receipt.id, createdAt: now))
    }
    let lotA = try lot("L-A", expiry: Day(year: 2028, month: 1, day: 31)!)
    let lotB = try lot("L-B", expiry: Day(year: 2028, month: 6, day: 30)!)
    func move(
      _ lot: LotRecord, _ from: AccountRecord, _ to: AccountRecord, _ quantity: Int64,
      _ value: Int64, _ document: DocumentRecord
    ) throws -> MovementRecord {
      try transaction.post(
        MovementDraft(
          lot: lot, fromAccountId: from.id, toAccountId: to.id, quantity: quantity,
          value: value, documentId: document.id, actorId: clerk.id,
          effectiveDate: Self.day, recordedAt: now))
    }
    let movements = [
      try move(lotA, supplier, central, 100, 5000, receipt),
      try move(lotB, supplier, central, 60, 3000, receipt),
      try move(lotA, central, town, 40, 2000, transfer),
      try move(lotB, central, town, 10, 500, transfer),
      try move(lotA, town, consumed, 5, 250, transfer),
    ]
    func event(_ document: DocumentRecord?, _ subject: String, _ action: String) throws
      -> DocumentEventRecord
    {
      try transaction.appendEvent(
        EventDraft(
          documentId: document?.id, subject: subject, action: action,
          toState: document == nil ? nil : "posted", actorId: clerk.id, recordedAt: now,
          payload: "action=\(action)"))
    }
    let events = [
      try event(nil, "office", "office.init"),
      try event(nil, "user wang", "user.add"),
      try event(receipt, receipt.number, "receipt.post"),
      try event(transfer, transfer.number, "transfer.post"),
      try event(nil, "item MASK-SURG", "item.add"),
    ]
    return (
      (clerk, supplier, central, town, consumed), (receipt, transfer, lotA, lotB), movements,
      events
    )
  }

  /// The effective date of every document and movement.
  static let day = Day(year: 2026, month: 11, day: 29)!

  /// Runs SQL behind the ledger's back, as someone with the sqlite3 shell would.
  func execute(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
    try store.queue.write { db in try db.execute(sql: sql, arguments: arguments) }
  }

  /// Removes the append-only triggers, as a tamperer with the sqlite3 shell can.
  func dropAppendOnlyTriggers() throws {
    for trigger in [
      "movement_is_append_only_update", "movement_is_append_only_delete",
      "document_event_is_append_only_update", "document_event_is_append_only_delete",
    ] {
      try execute("DROP TRIGGER \(trigger)")
    }
  }

  /// What the ledger's chain and balance checks find. This ledger is written straight
  /// through the storage API, without the engine's signed envelopes, so what the envelope,
  /// row-image and trigger checks say is left out here (InventoryTests cover those).
  func check() throws -> LedgerCheck {
    var check = try store.read {
      try $0.checkLedger(visit: { _ in }, visitEnvelope: { _ in }, progress: nil)
    }
    check.problems.removeAll(where: \.isAboutSignedWrites)
    return check
  }

  /// Every stored balance row, in key order.
  func balances() throws -> [BalanceRecord] {
    try store.readTransaction { transaction in
      try BalanceRecord.order(Column("account_id"), Column("lot_id")).fetchAll(transaction.db)
    }
  }
}

extension LedgerProblem {
  /// Whether the problem is one of the envelope, row-image or trigger checks.
  var isAboutSignedWrites: Bool {
    switch self {
    case .unsigned, .notAsSigned, .rowDiffers, .rowUnrecorded, .rowMissing, .triggerMissing,
      .triggerAltered:
      true
    default: false
    }
  }

  /// Whether the problem is about one of the two hash chains.
  var isChainProblem: Bool {
    switch self {
    case .movementAltered, .movementSequenceBroken, .eventAltered, .eventSequenceBroken: true
    default: false
    }
  }
}
