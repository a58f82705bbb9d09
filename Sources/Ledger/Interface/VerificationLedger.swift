import Foundation
import Macros

/// The newest entry of a hash chain: an auditor notes it to detect later rewrites.
@MemberwiseInit
public struct ChainHead: Sendable, Equatable, Codable {
  public var id: Int64
  public var hash: Data
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
  /// A movement, event or row image that no signed envelope covers.
  case unsigned(what: SignedRows, id: Int64)
  /// The rows in an envelope's range are not those it signed (or some are missing).
  case notAsSigned(what: SignedRows, envelopeID: Int64)
  /// A row of a table under verification differs from the latest image its writes signed.
  case rowDiffers(table: String, key: String)
  /// A row exists that no signed write created.
  case rowUnrecorded(table: String, key: String)
  /// A row that signed writes created is gone.
  case rowMissing(table: String, key: String)
  /// A trigger that guards the ledger is missing, or is not the one the schema created.
  case triggerMissing(name: String)
  case triggerAltered(name: String)
  /// The migrations table does not record the schema's migrations as the program embeds
  /// them: the first version missing, extra, or with another name or SQL.
  case migrationRecordDiffers(version: Int)
}

/// The three kinds of rows an envelope signs.
public enum SignedRows: String, Sendable {
  case movements, events
  case images = "row images"
}

/// What the ledger's own checks found: the chains' heads and the first problem, if any.
@MemberwiseInit
public struct LedgerCheck: Sendable {
  public var movementCount: Int64 = 0
  public var eventCount: Int64 = 0
  public var movementHead: ChainHead? = nil
  public var eventHead: ChainHead? = nil
  public var problems: [LedgerProblem] = []
}

/// The two hash-chained tables.
public enum ChainTable: String, Sendable {
  case movement
  case event = "document_event"
}

/// A movement whose effective date breaks the backdating rule (SPEC §3).
public enum MisdatedMovement: Sendable, Equatable {
  /// Dated after the day it was recorded (in any time zone).
  case future(id: Int64, date: String, recorded: String)
  /// Dated in a period that was already closed when it was recorded.
  case closedPeriod(id: Int64, date: String, period: String)
  /// A physical place's stock of a lot was below zero at the end of a day.
  case negativeOnDay(account: String, lotID: Int64, date: String, quantity: Int64)
}

/// What `verify` asks of the ledger: chain heads, the recomputed balances and every rule the stored rows must keep.
public protocol VerificationLedger {
  /// The current heads of the movement chain and the event chain.
  func chainHeads() throws -> (movement: ChainHead?, event: ChainHead?)

  /// The stored hash of one chain entry, to compare with a head an auditor noted.
  func chainHash(table: ChainTable, id: Int64) throws -> Data?

  /// Re-checks both hash chains and every stored balance against the movements, streaming
  /// the movements and the events once each; `visit` sees every event in chain order, and
  /// `progress` hears (entries done, entries in all).
  func checkLedger(
    visit: (DocumentEventRecord) -> Void, visitEnvelope: (EnvelopeRecord) -> Void,
    progress: ((Int64, Int64) -> Void)?
  ) throws -> LedgerCheck

  /// The first document whose state differs from the state its last event moved it to.
  func firstDocumentStateMismatch() throws -> (number: String, stored: String, recorded: String?)?

  /// The first movement dated in the future of its recording, or in a period closed before
  /// it was recorded; then the first place and day whose as-of stock was negative.
  func firstMisdatedMovement() throws -> MisdatedMovement?

  /// The first reversal (REV) that does not mirror what it reverses: with the id of its first
  /// movement that moves back no movement of that document exactly (same lot, quantity and
  /// value, accounts swapped), or no id where it moves back fewer movements than there were.
  func firstUnmirroredReversal() throws -> (reversal: String, movementID: Int64?)?

  /// The first event that takes one of `actions` on a document whose first event was the
  /// same user's (four eyes): its id, action, document number and actor.
  func firstSelfDecision(actions: Set<String>) throws -> (
    id: Int64, action: String, document: String, actor: String
  )?
}
