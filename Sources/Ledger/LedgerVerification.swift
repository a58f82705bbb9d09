import Foundation
import GRDB

/// The newest entry of a hash chain: an auditor notes it to detect later rewrites.
public struct ChainHead: Sendable, Equatable, Codable {
  public var id: Int64
  public var hash: Data

  public init(id: Int64, hash: Data) {
    self.id = id
    self.hash = hash
  }
}

/// The first thing found wrong by one check of `verify`.
public enum LedgerProblem: Error, Sendable, Equatable {
  /// A movement's hash does not match its content and the chain before it.
  case movementAltered(id: Int64)
  /// The movement ids jump: a row was removed, or one was inserted out of order.
  case movementSequenceBroken(id: Int64, expected: Int64)
  /// An event's hash does not match its content and the chain before it.
  case eventAltered(id: Int64)
  /// The event ids jump.
  case eventSequenceBroken(id: Int64, expected: Int64)
  /// A movement's item differs from its lot's item.
  case movementItemMismatch(id: Int64)
  /// A stored balance differs from the sum over the movements.
  case balanceDisagrees(
    account: String, lotID: Int64, stored: Int64, computed: Int64, storedValue: Int64,
    computedValue: Int64)
  /// A lot's balances over all accounts do not sum to zero.
  case lotNotConserved(lotID: Int64, quantity: Int64, value: Int64)
  /// A physical place holds a negative quantity or value.
  case negativeStock(account: String, lotID: Int64, quantity: Int64, value: Int64)
  /// A physical place holds value without quantity: value leaked when the lot was emptied.
  case valueLeaked(account: String, lotID: Int64, value: Int64)
}

/// What the ledger's own checks found: the chains' heads and the first problem, if any.
public struct LedgerCheck: Sendable {
  public var movementCount: Int64 = 0
  public var eventCount: Int64 = 0
  public var movementHead: ChainHead?
  public var eventHead: ChainHead?
  public var problems: [LedgerProblem] = []
}

private struct BalanceKey: Hashable {
  var account: Int64
  var lot: Int64
}

/// What the movements moved into an account in one lot, net.
private struct Flow {
  var quantity: Int64 = 0
  var value: Int64 = 0

  mutating func add(_ quantity: Int64, _ value: Int64) {
    self.quantity += quantity
    self.value += value
  }
}

extension LedgerTransaction {
  /// The current heads of the movement chain and the event chain.
  public func chainHeads() throws -> (movement: ChainHead?, event: ChainHead?) {
    func head(_ table: String) throws -> ChainHead? {
      try Row.fetchOne(self, sql: "SELECT id, hash FROM \(table) ORDER BY id DESC LIMIT 1").map {
        ChainHead(id: $0["id"], hash: $0["hash"])
      }
    }
    return (try head("movement"), try head("document_event"))
  }

  /// The stored hash of one chain entry, to compare with a head an auditor noted.
  public func chainHash(table: ChainTable, id: Int64) throws -> Data? {
    try Data.fetchOne(self, sql: "SELECT hash FROM \(table.rawValue) WHERE id = ?", arguments: [id])
  }

  /// Re-checks both hash chains and every stored balance against the movements, streaming
  /// the movements and the events once each; `visit` sees every event in chain order, and
  /// `progress` hears (entries done, entries in all).
  public func checkLedger(
    visit: (DocumentEventRecord) -> Void = { _ in },
    progress: ((Int64, Int64) -> Void)? = nil
  ) throws -> LedgerCheck {
    var check = LedgerCheck()
    let heads = try chainHeads()
    let total = (heads.movement?.id ?? 0) + (heads.event?.id ?? 0)
    var sums: [BalanceKey: Flow] = [:]
    try checkMovements(into: &check, sums: &sums) { done in progress?(done, total) }
    let movementsDone = check.movementCount
    try checkEvents(into: &check, visit: visit) { done in progress?(movementsDone + done, total) }
    try checkBalances(against: &sums, into: &check)
    check.movementHead = heads.movement
    check.eventHead = heads.event
    return check
  }

  private func checkMovements(
    into check: inout LedgerCheck, sums: inout [BalanceKey: Flow],
    progress: (Int64) -> Void
  ) throws {
    // Columns by position: this loop runs once per movement.
    let cursor = try Row.fetchCursor(
      self,
      sql: """
        SELECT m.id, m.item_id, m.lot_id, m.from_account_id, m.to_account_id, m.quantity,
          m.value, m.document_id, m.actor_id, m.effective_date, m.recorded_at,
          m.reverses_movement_id, m.hash, lot.item_id, lot.number, lot.expiry,
          lot.source_account_id
        FROM movement AS m LEFT JOIN lot ON lot.id = m.lot_id ORDER BY m.id
        """)
    var previousHash = HashChain.genesis
    var expected: Int64 = 1
    var chainIntact = true
    while let row = try cursor.next() {
      let movement = MovementRecord(
        id: row[0], itemId: row[1], lotId: row[2], fromAccountId: row[3], toAccountId: row[4],
        quantity: row[5], value: row[6], documentId: row[7], actorId: row[8],
        effectiveDate: row[9], recordedAt: row[10], reversesMovementId: row[11], hash: row[12])
      if chainIntact {
        let identity = LotIdentity(number: row[14], expiry: row[15], sourceAccountId: row[16] ?? 0)
        if movement.id != expected {
          check.problems.append(.movementSequenceBroken(id: movement.id, expected: expected))
          chainIntact = false
        } else if HashChain.next(
          after: previousHash, encoding: movement.canonicalEncoding(lot: identity))
          != movement.hash
        {
          check.problems.append(.movementAltered(id: movement.id))
          chainIntact = false
        }
      }
      if row[13] as Int64? != movement.itemId {
        check.problems.append(.movementItemMismatch(id: movement.id))
      }
      previousHash = movement.hash
      expected = movement.id + 1
      sums[BalanceKey(account: movement.toAccountId, lot: movement.lotId), default: Flow()]
        .add(movement.quantity, movement.value)
      sums[BalanceKey(account: movement.fromAccountId, lot: movement.lotId), default: Flow()]
        .add(-movement.quantity, -movement.value)
      check.movementCount += 1
      if check.movementCount % 20_000 == 0 { progress(check.movementCount) }
    }
  }

  private func checkEvents(
    into check: inout LedgerCheck, visit: (DocumentEventRecord) -> Void,
    progress: (Int64) -> Void
  ) throws {
    let cursor = try Row.fetchCursor(
      self,
      sql: """
        SELECT id, document_id, subject, action, from_state, to_state, actor_id, recorded_at,
          reason, payload, signature_version, key_id, signature, hash
        FROM document_event ORDER BY id
        """)
    var previousHash = HashChain.genesis
    var expected: Int64 = 1
    var chainIntact = true
    while let row = try cursor.next() {
      let event = DocumentEventRecord(
        id: row[0], documentId: row[1], subject: row[2], action: row[3], fromState: row[4],
        toState: row[5], actorId: row[6], recordedAt: row[7], reason: row[8], payload: row[9],
        signatureVersion: row[10], keyId: row[11], signature: row[12], hash: row[13])
      if chainIntact {
        if event.id != expected {
          check.problems.append(.eventSequenceBroken(id: event.id, expected: expected))
          chainIntact = false
        } else if HashChain.next(after: previousHash, encoding: event.canonicalEncoding)
          != event.hash
        {
          check.problems.append(.eventAltered(id: event.id))
          chainIntact = false
        }
      }
      previousHash = event.hash
      expected = event.id + 1
      visit(event)
      check.eventCount += 1
      if check.eventCount % 20_000 == 0 { progress(check.eventCount) }
    }
  }

  /// Compares every stored balance with what the movements summed to, consuming `sums` in
  /// place (a copy would double the largest allocation of a verify).
  private func checkBalances(
    against remaining: inout [BalanceKey: Flow], into check: inout LedgerCheck
  ) throws {
    var found: (disagrees: Bool, negative: Bool, leaked: Bool) = (false, false, false)
    let cursor = try Row.fetchCursor(
      self,
      sql: """
        SELECT balance.*, account.code, account.holds_stock FROM balance
        JOIN account ON account.id = balance.account_id ORDER BY balance.lot_id, account.code
        """)
    while let row = try cursor.next() {
      let key = BalanceKey(account: row["account_id"], lot: row["lot_id"])
      let stored: (quantity: Int64, value: Int64) = (row["quantity"], row["value"])
      let computed = remaining.removeValue(forKey: key) ?? Flow()
      let code: String = row["code"]
      if !found.disagrees
        && (stored.quantity != computed.quantity || stored.value != computed.value)
      {
        found.disagrees = true
        check.problems.append(
          .balanceDisagrees(
            account: code, lotID: key.lot, stored: stored.quantity, computed: computed.quantity,
            storedValue: stored.value, computedValue: computed.value))
      }
      guard row["holds_stock"] as Bool else { continue }
      if !found.negative && (stored.quantity < 0 || stored.value < 0) {
        found.negative = true
        check.problems.append(
          .negativeStock(
            account: code, lotID: key.lot, quantity: stored.quantity, value: stored.value))
      }
      if !found.leaked && stored.quantity == 0 && stored.value != 0 {
        found.leaked = true
        check.problems.append(.valueLeaked(account: code, lotID: key.lot, value: stored.value))
      }
    }
    if !found.disagrees,
      let (key, computed) = remaining.first(where: { $0.value.quantity != 0 || $0.value.value != 0 }
      )
    {
      let code = try account(id: key.account)?.code ?? "account \(key.account)"
      check.problems.append(
        .balanceDisagrees(
          account: code, lotID: key.lot, stored: 0, computed: computed.quantity, storedValue: 0,
          computedValue: computed.value))
    }
    let unbalanced = try Row.fetchOne(
      self,
      sql: """
        SELECT lot_id, sum(quantity) AS quantity, sum(value) AS value FROM balance
        GROUP BY lot_id HAVING sum(quantity) <> 0 OR sum(value) <> 0 ORDER BY lot_id LIMIT 1
        """)
    if let unbalanced {
      check.problems.append(
        .lotNotConserved(
          lotID: unbalanced["lot_id"], quantity: unbalanced["quantity"], value: unbalanced["value"])
      )
    }
  }
}

/// The two hash-chained tables.
public enum ChainTable: String, Sendable {
  case movement
  case event = "document_event"
}

extension LedgerTransaction {
  /// The first document whose state differs from the state its last event moved it to.
  public func firstDocumentStateMismatch() throws -> (
    number: String, stored: String, recorded: String?
  )? {
    let row = try Row.fetchOne(
      self,
      sql: """
        SELECT number, state, recorded FROM (
          SELECT document.number, document.state,
            (SELECT to_state FROM document_event AS event
             WHERE event.document_id = document.id AND event.to_state IS NOT NULL
             ORDER BY event.id DESC LIMIT 1) AS recorded
          FROM document)
        WHERE recorded IS NOT state ORDER BY number LIMIT 1
        """)
    return row.map { ($0["number"], $0["state"], $0["recorded"]) }
  }
}
