import Foundation
import GRDB
import Ledger

extension SQLiteTransaction: VerificationLedger {
  /// The current heads of the movement chain and the event chain.
  public func chainHeads() throws -> (movement: ChainHead?, event: ChainHead?) {
    func head(_ table: String) throws -> ChainHead? {
      try Row.fetchOne(cached("SELECT id, hash FROM \(table) ORDER BY id DESC LIMIT 1")).map {
        ChainHead(id: $0["id"], hash: $0["hash"])
      }
    }
    return (try head("movement"), try head("document_event"))
  }

  /// The stored hash of one chain entry, to compare with a head an auditor noted.
  public func chainHash(table: ChainTable, id: Int64) throws -> Data? {
    try Data.fetchOne(cached("SELECT hash FROM \(table.rawValue) WHERE id = ?"), arguments: [id])
  }

  /// Re-checks both hash chains and every stored balance against the movements, streaming
  /// the movements and the events once each; `visit` sees every event in chain order, and
  /// `progress` hears (entries done, entries in all).
  public func checkLedger(
    visit: (DocumentEventRecord) -> Void = { _ in },
    visitEnvelope: (EnvelopeRecord) -> Void = { _ in },
    progress: ((Int64, Int64) -> Void)? = nil
  ) throws -> LedgerCheck {
    var check = LedgerCheck()
    let heads = try chainHeads()
    let total = (heads.movement?.id ?? 0) + (heads.event?.id ?? 0)
    let format = try chainFormat()
    try checkMovements(into: &check, format: format) { done in
      progress?(done, total)
    }
    let movementsDone = check.movementCount
    try checkEvents(into: &check, format: format, visit: visit, visitEnvelope: visitEnvelope) {
      done in progress?(movementsDone + done, total)
    }
    try checkBalances(into: &check)
    try checkImages(into: &check, format: format)
    try checkRows(into: &check)
    try checkTriggers(into: &check)
    check.movementHead = heads.movement
    check.eventHead = heads.event
    return check
  }

  private func checkMovements(
    into check: inout LedgerCheck, format: ChainFormat,
    progress: (Int64) -> Void
  ) throws {
    // Columns by position: this loop runs once per movement.
    let cursor = try Row.fetchCursor(cached(Self.movementSelect + " ORDER BY m.id"))
    var signed = try SignedRangeFollower(self, .movements, legacy: format.legacyMovements)
    var chain = ChainFollower()
    while let row = try cursor.next() {
      let (movement, identity) = try Self.movement(row)
      let encoding = movement.canonicalEncoding(
        lot: identity, office: format.office(forMovement: movement.id))
      try signed.follow(movement.id, encoding, into: &check)
      switch chain.follow(id: movement.id, encoding: encoding, hash: movement.hash) {
      case .sequence(let expected):
        check.problems.append(.movementSequenceBroken(id: movement.id, expected: expected))
      case .altered: check.problems.append(.movementAltered(id: movement.id))
      case nil: break
      }
      if row[13] as Int64? != movement.itemId {
        check.problems.append(.movementItemMismatch(id: movement.id))
      }
      check.movementCount += 1
      if check.movementCount % 20_000 == 0 { progress(check.movementCount) }
    }
    try signed.finish(into: &check)
  }

  private func checkEvents(
    into check: inout LedgerCheck, format: ChainFormat, visit: (DocumentEventRecord) -> Void,
    visitEnvelope: (EnvelopeRecord) -> Void, progress: (Int64) -> Void
  ) throws {
    let cursor = try Row.fetchCursor(cached(Self.eventSelect + " ORDER BY id"))
    var signed = try SignedRangeFollower(self, .events, legacy: format.legacyEvents)
    var chain = ChainFollower()
    while let row = try cursor.next() {
      let event = try Self.event(row)
      let encoding = event.canonicalEncoding(office: format.office(forEvent: event.id))
      try signed.follow(event.id, encoding, into: &check, visit: visitEnvelope)
      switch chain.follow(id: event.id, encoding: encoding, hash: event.hash) {
      case .sequence(let expected):
        check.problems.append(.eventSequenceBroken(id: event.id, expected: expected))
      case .altered: check.problems.append(.eventAltered(id: event.id))
      case nil: break
      }
      visit(event)
      check.eventCount += 1
      if check.eventCount % 20_000 == 0 { progress(check.eventCount) }
    }
    try signed.finish(into: &check, visit: visitEnvelope)
  }

  /// Compares every stored balance with what the movements sum to. Both sides come sorted by
  /// lot and account from SQLite, whose sorts spill to temporary files, and are merged
  /// here, so memory stays flat however many accounts and lots there are.
  private func checkBalances(into check: inout LedgerCheck) throws {
    let computed = try Row.fetchCursor(
      cached(
        """
        SELECT lot_id, account_id, sum(quantity), sum(value) FROM (
          SELECT lot_id, to_account_id AS account_id, quantity, value FROM movement
          UNION ALL
          SELECT lot_id, from_account_id, -quantity, -value FROM movement)
        GROUP BY lot_id, account_id ORDER BY lot_id, account_id
        """))
    let stored = try Row.fetchCursor(
      cached(
        """
        SELECT b.lot_id, b.account_id, b.quantity, b.value, a.code, a.holds_stock
        FROM balance AS b JOIN account AS a ON a.id = b.account_id
        ORDER BY b.lot_id, b.account_id
        """))
    var found: (disagrees: Bool, negative: Bool, leaked: Bool) = (false, false, false)
    var sum = try computed.next().map(Self.summedBalance)
    var row = try stored.next().map(Self.storedBalance)
    while sum != nil || row != nil {
      let next: (sum: SummedBalance?, row: StoredBalance?)
      if let sum, let row, sum.key == row.key {
        next = (sum, row)
      } else if let sum, row.map({ sum.key < $0.key }) ?? true {
        next = (sum, nil)
      } else {
        next = (nil, row)
      }
      let key = next.sum?.key ?? next.row!.key
      let moved = (quantity: next.sum?.quantity ?? 0, value: next.sum?.value ?? 0)
      let kept = (quantity: next.row?.quantity ?? 0, value: next.row?.value ?? 0)
      if !found.disagrees && (kept.quantity != moved.quantity || kept.value != moved.value) {
        found.disagrees = true
        let code = try next.row?.code ?? account(id: key.account)?.code ?? "account \(key.account)"
        check.problems.append(
          .balanceDisagrees(
            account: code, lotID: key.lot, stored: kept.quantity, computed: moved.quantity,
            storedValue: kept.value, computedValue: moved.value))
      }
      if let stored = next.row, stored.holdsStock {
        if !found.negative && (stored.quantity < 0 || stored.value < 0) {
          found.negative = true
          check.problems.append(
            .negativeStock(
              account: stored.code, lotID: key.lot, quantity: stored.quantity, value: stored.value
            ))
        }
        if !found.leaked && stored.quantity == 0 && stored.value != 0 {
          found.leaked = true
          check.problems.append(
            .valueLeaked(account: stored.code, lotID: key.lot, value: stored.value))
        }
      }
      if next.sum != nil { sum = try computed.next().map(Self.summedBalance) }
      if next.row != nil { row = try stored.next().map(Self.storedBalance) }
    }
    let unbalanced = try Row.fetchOne(
      cached(
        """
        SELECT lot_id, sum(quantity) AS quantity, sum(value) AS value FROM balance
        GROUP BY lot_id HAVING sum(quantity) <> 0 OR sum(value) <> 0 ORDER BY lot_id LIMIT 1
        """))
    if let unbalanced {
      check.problems.append(
        .lotNotConserved(
          lotID: unbalanced["lot_id"], quantity: unbalanced["quantity"], value: unbalanced["value"])
      )
    }
  }
}

/// A lot and an account, ordered as the balance check merges them.
private struct BalanceKey: Equatable, Comparable {
  var lot: Int64
  var account: Int64

  static func < (lhs: BalanceKey, rhs: BalanceKey) -> Bool {
    (lhs.lot, lhs.account) < (rhs.lot, rhs.account)
  }
}

/// What the movements moved into an account in one lot, net.
private struct SummedBalance {
  var key: BalanceKey
  var quantity: Int64
  var value: Int64
}

/// A kept balance row and its account.
private struct StoredBalance {
  var key: BalanceKey
  var quantity: Int64
  var value: Int64
  var code: String
  var holdsStock: Bool
}

extension SQLiteTransaction {
  fileprivate static func summedBalance(_ row: Row) -> SummedBalance {
    SummedBalance(key: BalanceKey(lot: row[0], account: row[1]), quantity: row[2], value: row[3])
  }

  fileprivate static func storedBalance(_ row: Row) -> StoredBalance {
    StoredBalance(
      key: BalanceKey(lot: row[0], account: row[1]), quantity: row[2], value: row[3],
      code: row[4], holdsStock: row[5])
  }
}

extension SQLiteTransaction {
  /// The first document whose state differs from the state its last event moved it to.
  public func firstDocumentStateMismatch() throws -> (
    number: String, stored: String, recorded: String?
  )? {
    let row = try Row.fetchOne(
      cached(
        """
        SELECT number, state, recorded FROM (
          SELECT document.number, document.state,
            (SELECT to_state FROM document_event AS event
             WHERE event.document_id = document.id AND event.to_state IS NOT NULL
             ORDER BY event.id DESC LIMIT 1) AS recorded
          FROM document)
        WHERE recorded IS NOT state ORDER BY number LIMIT 1
        """))
    return row.map { ($0["number"], $0["state"], $0["recorded"]) }
  }
}

extension SQLiteTransaction {
  /// The first movement dated in the future of its recording, or in a period closed before
  /// it was recorded; then the first place and day whose as-of stock was negative.
  public func firstMisdatedMovement() throws -> MisdatedMovement? {
    if let row = try Row.fetchOne(
      cached(
        """
        SELECT id, effective_date, recorded_at FROM movement
        WHERE effective_date > date(recorded_at, '+14 hours') ORDER BY id LIMIT 1
        """))
    {
      return .future(id: row[0], date: row[1], recorded: row[2])
    }
    if let row = try Row.fetchOne(
      cached(
        """
        SELECT m.id, m.effective_date, p.period FROM movement AS m JOIN period_close AS p
          ON m.effective_date <= date(p.period || '-01', '+1 month', '-1 day')
          AND m.recorded_at > p.closed_at
        ORDER BY m.id LIMIT 1
        """))
    {
      return .closedPeriod(id: row[0], date: row[1], period: row[2])
    }
    if let row = try Row.fetchOne(
      cached(
        """
        SELECT a.code, legs.lot_id, legs.effective_date, legs.running FROM (
          SELECT account_id, lot_id, effective_date,
            sum(change) OVER (PARTITION BY account_id, lot_id ORDER BY effective_date
              RANGE UNBOUNDED PRECEDING) AS running
          FROM (
            SELECT to_account_id AS account_id, lot_id, effective_date, quantity AS change
              FROM movement
            UNION ALL
            SELECT from_account_id, lot_id, effective_date, -quantity FROM movement)
        ) AS legs JOIN account AS a ON a.id = legs.account_id
        WHERE a.holds_stock = 1 AND legs.running < 0
        ORDER BY legs.effective_date LIMIT 1
        """))
    {
      return .negativeOnDay(account: row[0], lotID: row[1], date: row[2], quantity: row[3])
    }
    return nil
  }
}

extension SQLiteTransaction {
  /// The first event that takes one of `actions` on a document whose first event was the
  /// same user's (four eyes): its id, action, document number and actor.
  public func firstSelfDecision(actions: Set<String>) throws -> (
    id: Int64, action: String, document: String, actor: String
  )? {
    guard !actions.isEmpty else { return nil }
    let placeholders = Array(repeating: "?", count: actions.count).joined(separator: ", ")
    let row = try Row.fetchOne(
      cached(
        """
        SELECT e.id, e.action, d.number, u.name FROM document_event AS e
        JOIN document AS d ON d.id = e.document_id JOIN users AS u ON u.id = e.actor_id
        WHERE e.action IN (\(placeholders)) AND e.actor_id = (
          SELECT f.actor_id FROM document_event AS f WHERE f.document_id = e.document_id
          ORDER BY f.id LIMIT 1)
        ORDER BY e.id LIMIT 1
        """), arguments: StatementArguments(actions.sorted()))
    return row.map { ($0[0], $0[1], $0[2], $0[3]) }
  }
}

extension SQLiteTransaction {
  /// The first reversal whose movements do not mirror, one for one, those of the document it
  /// reverses.
  public func firstUnmirroredReversal() throws -> (reversal: String, movementID: Int64?)? {
    if let row = try Row.fetchOne(
      cached(
        """
        SELECT d.number, m.id FROM movement AS m
          JOIN document AS d ON d.id = m.document_id
          LEFT JOIN movement AS o ON o.id = m.reverses_movement_id
        WHERE (d.kind = 'REV' OR m.reverses_movement_id IS NOT NULL)
          AND (d.kind IS NOT 'REV' OR o.id IS NULL OR o.document_id IS NOT d.reverses_document_id
            OR o.lot_id <> m.lot_id OR o.quantity <> m.quantity OR o.value <> m.value
            OR o.from_account_id <> m.to_account_id OR o.to_account_id <> m.from_account_id)
        ORDER BY m.id LIMIT 1
        """))
    {
      return (row[0], row[1])
    }
    let number = try String.fetchOne(
      cached(
        """
        SELECT d.number FROM document AS d
        WHERE d.kind = 'REV'
          AND (SELECT count(DISTINCT reverses_movement_id) FROM movement WHERE document_id = d.id)
            <> (SELECT count(*) FROM movement WHERE document_id = d.reverses_document_id)
        ORDER BY d.id LIMIT 1
        """))
    return number.map { ($0, nil) }
  }
}
