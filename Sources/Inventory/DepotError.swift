import Ledger

/// Everything the engine refuses, each with the data a person needs and one sentence that
/// names the thing and the fix.
public enum DepotError: Error, Equatable, Sendable {
  // Who acts
  case noActor
  case unknownUser(String, closest: [Candidate] = [])
  case missingRole(user: String, action: String, roles: [Role])
  case notBoundToSite(user: String, site: String)
  case fourEyes(user: String, document: String, earlierStep: String)

  // Input
  case invalidText(field: Field, reason: Reason)
  case invalidQuantity(field: Field, reason: Reason)
  case invalidMoney(field: Field, text: String)
  case invalidDate(field: Field, text: String)
  case invalidOption(field: Field, reason: Reason)
  case invalidTimeZone(String)
  case hiddenCharacter(field: Field, codePoint: UInt32)

  // Catalogue
  case unknownItem(String, closest: [Candidate] = [])
  case unknownLocation(String, closest: [Candidate] = [])
  case unknownParty(String, closest: [Candidate] = [])
  case unknownDocument(String, closest: [String] = [])
  case duplicateCode(kind: String, code: String)
  case duplicateUser(String)
  case wrongKind(code: String, kind: String, expected: String)

  // Lots and serials
  case lotRequired(item: String)
  case expiryRequired(item: String)
  case notLotTracked(item: String)
  case serialsRequired(item: String)
  case notSerialTracked(item: String)
  case serialCountMismatch(item: String, quantity: Int64, serials: Int)
  case duplicateSerial(item: String, serial: String)
  case serialNotHere(item: String, serial: String, location: String)
  case lotExpiryConflict(item: String, lot: String, recorded: String, given: String)
  case lotNotHere(item: String, lot: String, location: String)
  case lotExpired(item: String, lot: String, expiry: Day)
  case lotRecalled(item: String, lot: String, location: String)
  case lotNotRecalled(item: String, lot: String)
  case lotNotExpired(item: String, lot: String, expiry: Day)
  case alreadyRecalled(item: String, lot: String, on: Day)
  case unknownLot(String)
  case ambiguousLot(lot: String, items: [String])
  case inDisinfection(item: String, serial: String)
  case notInDisinfection(item: String, serial: String)

  // Stock and dates
  case insufficientStock(item: String, location: String, available: Int64, requested: Int64)
  case sameLocation(String)
  case futureDate(Day, today: Day)
  case closedPeriod(Day, period: String)
  case backdatedBelowZero(item: String, location: String, date: Day)
  case dateTooEarly(Day, earliest: Day)

  // Dates of a step on an existing document (SPEC §3 "Backdating", §10)
  /// `step` is the state the document would reach ("shipped", "received against").
  case stepInFuture(document: String, step: String, date: Day, today: Day)
  case stepInClosedPeriod(document: String, step: String, date: Day, period: String)
  case stepBeforeEarlierStep(
    document: String, step: String, date: Day, earlier: String, earlierDate: Day)

  // Documents
  case wrongState(document: String, state: String, action: String)
  /// A fault of the engine itself: a step that the document's state machine does not allow.
  case transitionNotAllowed(document: String, from: DocumentState, to: DocumentState)
  /// A fault of the engine itself: a new document in a state its kind does not start in.
  case initialStateNotAllowed(kind: DocumentKind, state: DocumentState)
  case notOnDocument(document: String, item: String)
  case reasonRequired(action: String)
  case exceedsRequested(document: String, item: String, requested: Int64, asked: Int64)
  case exceedsReserved(document: String, item: String, reserved: Int64, asked: Int64)
  case exceedsInTransit(document: String, item: String, inTransit: Int64, asked: Int64)
  case nothingLeft(document: String, action: String)
  case stillInTransit(document: String, item: String, quantity: Int64)
  case belowReserveFloor(item: String, location: String, left: Int64, floor: Int64)

  // Medical waste
  case contractorUnlicensed(contractor: String)
  case licenceExpired(contractor: String, licence: String, expired: Day, on: Day)
  case duplicateManifest(manifest: String, document: String)
  case wasteNotCollected(batch: String)
  case wasteNotStored(batch: String, state: String)
  case openDiscrepancy(manifest: String, discrepancy: String)

  // Procurement and finance
  case orderRequired
  case priceMissing(document: String, item: String)
  case exceedsOrdered(document: String, item: String, outstanding: Int64, asked: Int64)
  case wrongSupplier(document: String, supplier: String, given: String)
  case duplicateInvoice(supplier: String, number: String)
  case paymentExceedsPayable(document: String, payable: Int64, asked: Int64)
  case prepaymentNeedsEmergency(document: String)
  case prepaymentExceedsOrder(document: String, unpaid: Int64, asked: Int64)
  case periodNotOver(period: String, today: Day)
  case periodAlreadyClosed(period: String, closedUpTo: String)

  // Files
  case importRejected(file: String, problems: [ImportProblem])
  case cannotReadFile(path: String, reason: String)
  case cannotWriteFile(path: String, reason: String)
  case fileExists(path: String)
  case fileProtected(path: String, kind: ProtectedFile)

  // Idempotency
  case referenceReused(reference: String, command: String, differences: [InputDifference])
  case storedResultUnreadable(reference: String)

  // Keys and signatures
  /// `path` is nil when no key file was named at all.
  case keyFileMissing(user: String, path: String?)
  case keyFileTooOpen(path: String, mode: String)
  case keyFileUnreadable(path: String)
  case keyNotEnrolled(user: String)
  case keyPending(user: String)
  case keyMismatch(user: String, path: String)
  case noPendingKey(user: String)
  case signatureInvalid(user: String)
  case signatureStale(user: String, seconds: Int64)
  case nonceReused(user: String)
  case keyRevoked(user: String, fingerprint: String)
  case fingerprintIncomplete(given: String)
  case fingerprintUnknown(user: String, fingerprint: String)
  case pendingKeyExpired(user: String, fingerprint: String)
  case lastAdminKey(user: String)

  // Finding things (SPEC §10)
  /// More than one entry bears this name and none has it as code.
  case ambiguousName(Catalogue, name: String, codes: [String])
  /// No manifest carries this paper number (联单号); the closest, each with its MAN number.
  case unknownPaperNumber(String, closest: [Candidate])

  // A database edited by hand: a row that another row depends on is missing or impossible
  case damagedDatabase(String)

  // Storage
  case storage(LedgerError)
  case alreadyInitialized(path: String)

  // Input as people type it (SPEC §10)
  case invalidSerialRange(range: String, problem: SerialRange.Problem)
  case periodReversed(from: Day, to: Day)
  // Reversals (SPEC §10)
  case notReversible(document: String, kind: DocumentKind)
  case alreadyReversed(document: String, reversal: String)
  case reversalOfReversal(document: String, reverses: String)
  case reversalByRecorder(user: String, document: String)
  /// What `document` brought to `location` of `item` (lot `lot`) has moved on, taken or
  /// claimed by the document `by`.
  case reversalBlocked(document: String, item: String, lot: String?, location: String, by: String)
  /// `later`, a later receipt against `order`, must be reversed first.
  case reversalOutOfOrder(document: String, order: String, later: String)

  // Master data changes (SPEC §10)
  /// A `set` command given none of the fields it changes.
  case nothingToChange(command: String, fields: [Field])
  /// Every value given is what `subject` already has: nothing was written.
  case alreadySet(subject: String)
  /// `user` was deactivated and can no longer act or sign.
  case userDeactivated(user: String)
  case alreadyDeactivated(user: String)
  case roleNotHeld(user: String, role: Role)
  /// Deactivating `user`, or taking their admin role, would leave no admin who can sign.
  case lastActiveAdmin(user: String)
  /// A pack of `item` whose size cannot change: the item already has stock or documents.
  case packInUse(item: String, pack: String)
  // Decisions per line (SPEC §10)
  /// Nothing of `item` on `document` awaits a decision: all of it is approved or declined.
  case nothingAwaitingDecision(document: String, item: String, approved: Int64, declined: Int64)
  /// `asked` more of `item` is more than the `awaiting` of `requested` still undecided.
  case exceedsAwaitingDecision(
    document: String, item: String, requested: Int64, awaiting: Int64, asked: Int64)
  /// A decision that approves nothing and declines every line, which a rejection is for.
  case everyLineDeclined(document: String)
  /// `item` on `document` was declined, so nothing of it can be taken to `step` ("shipped").
  case lineDeclined(document: String, item: String, declined: Int64, reason: String?, step: String)
  // Stock that stops being usable (SPEC §10)
  /// A request's reservation that the usable stock at its warehouse no longer covers.
  case reservationUncovered(UncoveredReservation)
  /// A reservation that the usable stock covers: there is nothing to re-point.
  case reservationCovered(document: String, item: String, location: String)
}

/// What differs between the first use of a client reference and a reuse of it.
public enum InputDifference: Equatable, Sendable {
  /// The reference was first used for another command.
  case command(earlier: String, now: String)
  /// An input had other values, or was given only one of the two times (nil: not given).
  case input(Field, earlier: String?, now: String?)
}

extension DepotError {
  /// The input a refusal is about, for the refusals of one input's value.
  public var field: Field? {
    switch self {
    case .invalidText(let field, _), .invalidQuantity(let field, _), .invalidMoney(let field, _),
      .invalidDate(let field, _), .invalidOption(let field, _), .hiddenCharacter(let field, _):
      field
    default: nil
    }
  }
}

extension DepotError {
  /// How the command line reports the error (SPEC §5).
  public enum Category: Sendable {
    /// Refused by a business rule, bad input or the document's state: exit 1.
    case refused
    /// Not permitted: role, site binding, four eyes, key or signature: exit 2.
    case notPermitted
    /// The database stayed busy or changed meanwhile: exit 3.
    case conflict
  }

  public var category: Category {
    switch self {
    case .noActor, .unknownUser, .missingRole, .notBoundToSite, .fourEyes, .keyFileMissing,
      .keyFileTooOpen, .keyFileUnreadable, .keyNotEnrolled, .keyPending, .keyMismatch,
      .signatureInvalid, .noPendingKey, .signatureStale, .nonceReused, .keyRevoked,
      .fingerprintUnknown, .pendingKeyExpired, .reversalByRecorder, .userDeactivated:
      .notPermitted
    case .storage(.busy):
      .conflict
    default:
      .refused
    }
  }
}
