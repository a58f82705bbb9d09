import Crypto
import Foundation
import Ledger

/// The heads of both hash chains, and one token that names them for an auditor to note.
public struct LedgerHead: Codable, Sendable, Equatable {
  public var movementId: Int64
  public var movementHash: String
  public var eventId: Int64
  public var eventHash: String
  /// `MOVEMENT:EVENT:HASH`, HASH being SHA-256 of both heads' hashes.
  public var token: String

  init(movement: ChainHead?, event: ChainHead?) {
    let movementHash = movement?.hash ?? Data(repeating: 0, count: 32)
    let eventHash = event?.hash ?? Data(repeating: 0, count: 32)
    movementId = movement?.id ?? 0
    eventId = event?.id ?? 0
    self.movementHash = movementHash.hexadecimal
    self.eventHash = eventHash.hexadecimal
    let combined = Data(SHA256.hash(data: movementHash + eventHash))
    token = "\(movementId):\(eventId):\(combined.hexadecimal)"
  }
}

/// What `depot ledger verify` found, check by check.
public struct VerificationReport: Codable, Sendable, Equatable {
  /// One check and the first problem it found.
  public struct Check: Codable, Sendable, Equatable {
    public var name: String
    public var ok: Bool
    public var problem: String?
  }

  public var ok: Bool
  public var movements: Int64
  public var events: Int64
  public var signatures: Int64
  public var head: LedgerHead
  public var checks: [Check]
}

extension Depot {
  /// The current chain heads (every registered user).
  public func ledgerHead(as actor: String?) throws -> LedgerHead {
    try read(as: actor) { session in
      let heads = try session.transaction.chainHeads()
      return LedgerHead(movement: heads.movement, event: heads.event)
    }
  }

  /// Re-checks the hash chains, I1, I2, I5, I6, holds and waste stock, recalls and the waste
  /// register against their events, document states and every signature against the key
  /// enrolled at the time; with `expectedHead`, also that the chain still holds the
  /// head an auditor noted (every registered user).
  public func verify(
    as actor: String?, expectedHead: String? = nil,
    progress: ((Int64, Int64) -> Void)? = nil
  ) throws -> VerificationReport {
    try read(as: actor) { session in
      let transaction = session.transaction
      var audit = ChainAudit(
        legacyEvents: try transaction.legacyCounts().event, office: try transaction.officeCode())
      let ledger = try transaction.checkLedger(
        visit: { audit.follow($0) }, visitEnvelope: { audit.enter($0) }, progress: progress)
      audit.finish()
      var checks: [VerificationReport.Check] = []
      func add(_ name: String, _ problem: String?) {
        checks.append(.init(name: name, ok: problem == nil, problem: problem))
      }
      func add(_ check: LedgerCheck) throws {
        add(
          check.rawValue,
          try ledger.problems.first { $0.check == check }.map { try describe($0, transaction) })
      }
      try add(.movementChain)
      try add(.eventChain)
      try add(.conservation)
      try add(.negativeStock)
      try add(.balances)
      try add(.valueConservation)
      add(
        "reservations (I2, I5)",
        try transaction.firstReservationProblem().map { problem in
          switch problem {
          case .lineDisagrees(let document, let item, let step, let recorded, let moved):
            "\(document) records \(recorded) \(item) \(step) but its movements moved \(moved)"
          case .overReserved(let item, let location, let reserved, let onHand):
            "\(reserved) \(item) are reserved at \(location) but only \(onHand) are on hand"
          }
        })
      add("write-offs and waste stock (I2, I5)", try WasteAudit.stockProblem(transaction))
      add("recalls (I4)", try WasteAudit.recallProblem(transaction))
      add("waste register (I4)", try WasteAudit.registerProblem(transaction))
      let mismatch = try transaction.firstDocumentStateMismatch()
      add(
        "document states (I4)",
        mismatch.map {
          "\($0.number) is '\($0.stored)' but its events last moved it to '\($0.recorded ?? "nothing")'"
        })
      add("orders and payables (I5)", try ProcurementAudit.firstProblem(transaction))
      try add(.signedWrites)
      add(
        "four eyes (I4)",
        try transaction.firstSelfDecision(actions: UseCasePolicy.fourEyesActions).map {
          "event \($0.id): \($0.actor) took '\($0.action)' on \($0.document), which \($0.actor) "
            + "created"
        })
      add(
        "nonces (I10)",
        try transaction.repeatedNonce().map { "envelope \($0) repeats an earlier envelope's nonce" }
      )
      try add(.rowsUnderVerification)
      try add(.triggers)
      add(
        "dates (I2, backdating)",
        try transaction.firstMisdatedMovement().map { problem in
          switch problem {
          case .future(let id, let date, let recorded):
            "movement \(id) is dated \(date), after the day it was recorded (\(recorded))"
          case .closedPeriod(let id, let date, let period):
            "movement \(id) is dated \(date) in \(period), but was recorded after \(period) was "
              + "closed"
          case .negativeOnDay(let account, let lotID, let date, let quantity):
            "\(account) held \(quantity) of lot \(lotID) at the end of \(date)"
          }
        })
      add(
        "reversals (I3)",
        try transaction.firstUnmirroredReversal().map { problem in
          problem.movementID.map {
            "movement \($0) of \(problem.reversal) moves back no movement of what it reverses"
          } ?? "\(problem.reversal) does not move back every movement of what it reverses"
        })
      let users = try transaction.users().map { user in
        (
          user: user, roles: try transaction.roles(ofUser: user.id),
          sites: try transaction.sites(ofUser: user.id).map(\.code)
        )
      }
      audit.compare(users: users, keys: try transaction.allKeys())
      add("signatures and keys (I10)", audit.problem?.sentence)
      let head = LedgerHead(movement: ledger.movementHead, event: ledger.eventHead)
      if let expectedHead {
        add("noted head", try checkNotedHead(expectedHead, transaction))
      }
      return VerificationReport(
        ok: checks.allSatisfy(\.ok), movements: ledger.movementCount, events: ledger.eventCount,
        signatures: audit.signatures, head: head, checks: checks)
    }
  }

  /// Takes a consistent copy of the database while others keep working (admin, auditor).
  public func backup(to path: String, as actor: String?) throws -> LedgerHead {
    let head = try read(as: actor) { session in
      try session.require([.admin, .auditor], to: "take backups")
      let heads = try session.transaction.chainHeads()
      return LedgerHead(movement: heads.movement, event: heads.event)
    }
    try Self.storage { try store.backup(to: path) }
    return head
  }

  private func checkNotedHead(_ token: String, _ transaction: any LedgerTransaction) throws
    -> String?
  {
    let parts = token.split(separator: ":")
    guard parts.count == 3, let movementID = Int64(parts[0]), let eventID = Int64(parts[1]) else {
      throw DepotError.invalidOption(
        field: .head, reason: "must be the token 'depot ledger head' printed (ID:ID:HASH)")
    }
    let movementHash =
      movementID == 0
      ? Data(repeating: 0, count: 32) : try transaction.chainHash(table: .movement, id: movementID)
    let eventHash =
      eventID == 0
      ? Data(repeating: 0, count: 32) : try transaction.chainHash(table: .event, id: eventID)
    guard let movementHash, let eventHash else {
      return "the noted head \(token) is no longer in the chain: rows were removed"
    }
    let noted = LedgerHead(
      movement: ChainHead(id: movementID, hash: movementHash),
      event: ChainHead(id: eventID, hash: eventHash))
    return noted.token == token
      ? nil : "the chain no longer leads to the noted head \(token): it was rewritten"
  }

  private func describe(_ problem: LedgerProblem, _ transaction: any LedgerTransaction) throws
    -> String
  {
    func lot(_ id: Int64) throws -> String {
      guard let lot = try transaction.lot(id: id), let item = try transaction.item(id: lot.itemId)
      else { return "lot \(id)" }
      return lot.number.map { "\(item.code) lot \($0)" } ?? "\(item.code) (layer \(id))"
    }
    switch problem {
    case .movementAltered(let id):
      return "movement \(id) does not match its hash: it, or the chain before it, was changed "
        + "after it was written"
    case .movementSequenceBroken(let id, let expected):
      return "movement \(id) does not follow movement \(expected - 1): movement \(expected) "
        + "was removed or \(id) was inserted"
    case .eventAltered(let id):
      return "event \(id) does not match its hash: it, or the chain before it, was changed "
        + "after it was written"
    case .eventSequenceBroken(let id, let expected):
      return "event \(id) does not follow event \(expected - 1): event \(expected) was removed "
        + "or \(id) was inserted"
    case .movementItemMismatch(let id):
      return "movement \(id) names another item than its lot"
    case .balanceDisagrees(
      let account, let lotID, let stored, let computed, let storedValue, let computedValue):
      return "the stored balance of \(try lot(lotID)) at \(account) is \(stored) (value "
        + "\(Money.yuan(storedValue))) but its movements add up to \(computed) (value "
        + "\(Money.yuan(computedValue)))"
    case .lotNotConserved(let lotID, let quantity, let value):
      return "the balances of \(try lot(lotID)) add up to \(quantity) (value "
        + "\(Money.yuan(value))) instead of zero"
    case .negativeStock(let account, let lotID, let quantity, let value):
      return "\(account) holds \(quantity) of \(try lot(lotID)) (value \(Money.yuan(value)))"
    case .valueLeaked(let account, let lotID, let value):
      return "\(account) holds no \(try lot(lotID)) but still \(Money.yuan(value)) of its value"
    case .unsigned(let what, let id):
      return "\(what.singular) \(id) was written by no signed envelope"
    case .notAsSigned(let what, let envelope):
      return "the \(what.rawValue) of envelope \(envelope) are not those its signature covers: "
        + "one was changed, removed or inserted"
    case .rowDiffers(let table, let key):
      return "\(table) row \(key) differs from what its last signed write recorded"
    case .rowUnrecorded(let table, let key):
      return "\(table) row \(key) was written by no signed write"
    case .rowMissing(let table, let key):
      return "\(table) row \(key), recorded by a signed write, is missing"
    case .triggerMissing(let name):
      return "the trigger \(name) that guards the ledger is missing"
    case .triggerAltered(let name):
      return "the trigger \(name) that guards the ledger was changed"
    case .migrationRecordDiffers(let version):
      return "the record of schema migration \(version) differs from the migration this depot "
        + "applies (the schema was changed behind the program's back)"
    }
  }
}

extension SignedRows {
  var singular: String {
    switch self {
    case .movements: "movement"
    case .events: "event"
    case .images: "row image"
    }
  }
}

/// The checks of `ledger verify` that report what the ledger's own scan found.
enum LedgerCheck: String {
  case movementChain = "movement chain (I3, I9)"
  case eventChain = "event chain (I4, I9)"
  case conservation = "conservation (I1)"
  case negativeStock = "no negative stock (I2)"
  case balances = "balances agree (I5)"
  case valueConservation = "value conservation (I6)"
  case signedWrites = "signed writes (I4, I10)"
  case rowsUnderVerification = "rows under verification (I4, I5)"
  case triggers = "ledger triggers (I3)"
}

extension LedgerProblem {
  /// The check that reports this problem.
  var check: LedgerCheck {
    switch self {
    case .movementAltered, .movementSequenceBroken: .movementChain
    case .eventAltered, .eventSequenceBroken: .eventChain
    case .lotNotConserved: .conservation
    case .negativeStock: .negativeStock
    case .balanceDisagrees, .movementItemMismatch: .balances
    case .valueLeaked: .valueConservation
    case .unsigned, .notAsSigned: .signedWrites
    case .rowDiffers, .rowUnrecorded, .rowMissing: .rowsUnderVerification
    case .triggerMissing, .triggerAltered, .migrationRecordDiffers: .triggers
    }
  }
}
