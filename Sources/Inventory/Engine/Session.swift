import Foundation
import Ledger

/// One use case's view of the database: the open transaction, who acts, and when.
struct Session {
  let transaction: any LedgerTransaction
  let actor: UserRecord
  let roles: Set<Role>
  let office: OfficeRecord
  /// The office's settings in effect now.
  let settings: OfficeSettings
  let timeZone: TimeZone
  let now: Moment
  let today: Day
  /// The effective date of what is posted: `--date`, or today.
  let effectiveDate: Day
  /// Whether the effective date was given explicitly.
  let isBackdated: Bool

  init(
    transaction: any LedgerTransaction, actorName: String?, clock: any DepotClock,
    effectiveDate: Day?
  )
    throws
  {
    let office = try Self.office(in: transaction)
    guard let actorName, !actorName.isEmpty else { throw DepotError.noActor }
    guard let actor = try transaction.user(named: actorName) else {
      throw DepotError.unknownUser(actorName)
    }
    guard try transaction.userProfile(ofUser: actor.id)?.deactivatedAt == nil else {
      throw DepotError.userDeactivated(user: actor.name)
    }
    self.transaction = transaction
    self.actor = actor
    self.roles = Set(try transaction.roles(ofUser: actor.id).compactMap(Role.init(rawValue:)))
    self.office = office
    self.now = clock.now()
    self.settings = OfficeSettings(
      at: now, office: office, changes: try transaction.officeSettings())
    self.timeZone = settings.timeZone
    self.today = now.day(in: timeZone)
    self.effectiveDate = effectiveDate ?? today
    self.isBackdated = effectiveDate != nil && effectiveDate != today
  }

  /// The office the database belongs to; a database without one is not a Depot database.
  static func office(in transaction: any LedgerTransaction) throws -> OfficeRecord {
    guard let office = try transaction.office() else {
      throw DepotError.storage(.notADepotDatabase(path: "the database"))
    }
    return office
  }

  /// Refuses unless the actor holds one of `roles`.
  func require(_ roles: [Role], to action: String) throws {
    guard roles.isEmpty || !self.roles.isDisjoint(with: roles) else {
      throw DepotError.missingRole(user: actor.name, action: action, roles: roles)
    }
  }

  /// Refuses an effective date in the future or in a closed period.
  func checkPostingDate() throws {
    _ = try Day.checkedEffective(effectiveDate)
    switch try dateConflict() {
    case .future(let today): throw DepotError.futureDate(effectiveDate, today: today)
    case .closed(let period): throw DepotError.closedPeriod(effectiveDate, period: period)
    case .before, nil: return
    }
  }

  /// The next document of `kind` in `state`, effective on the session's date, created by the
  /// actor; refused unless the kind's state machine starts a document in `state`. A reversal
  /// names the document it `reverses`.
  func newDocument(
    _ kind: DocumentKind, state: DocumentState, source: Int64? = nil, destination: Int64? = nil,
    reverses: Int64? = nil, note: String? = nil
  ) throws -> DocumentRecord {
    guard kind.initialStates.contains(state) else {
      throw DepotError.initialStateNotAllowed(kind: kind, state: state)
    }
    try checkPostingDate()
    return try transaction.insertDocument(
      kind: kind, year: effectiveDate.year, state: state,
      effectiveDate: effectiveDate, createdBy: actor.id, createdAt: now,
      sourceAccountId: source, destinationAccountId: destination, reversesDocumentId: reverses,
      note: note)
  }

  /// Records an event in the chain, attributed to the actor now. A document's states are
  /// recorded by `move` and `recordOpening`; `from` and `to` here are those of what is not a
  /// document (a key's).
  @discardableResult
  func record(
    subject: String, action: String, document: DocumentRecord? = nil, from: String? = nil,
    to: String? = nil, reason: String? = nil, payload: Payload,
    signature: EventDraft.Signature? = nil
  ) throws -> DocumentEventRecord {
    try transaction.appendEvent(
      EventDraft(
        documentId: document?.id, subject: subject, action: action, fromState: from, toState: to,
        actorId: actor.id, recordedAt: now, reason: reason, payload: payload.text,
        signature: signature))
  }
}
