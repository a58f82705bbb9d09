import Ledger

extension DepotError: CustomStringConvertible {
  /// The sentence, its fields named as `DepotError.fieldNaming` names them.
  public var description: String { description(naming: Self.fieldNaming) }

  /// The sentence that names the thing and the fix, its fields named by `naming`.
  public func description(naming: any FieldNaming) -> String {
    let n = naming.name(of:)  // a field's name in the interface the sentence is for
    return switch self {
    case .noActor:
      "no user given: pass \(n(.actor)) NAME or set DEPOT_USER"
    case .unknownUser(let name, let closest):
      "'\(name)' is not a registered user; "
        + (Candidate.offer(closest) ?? "an admin adds users with 'depot user add'")
    case .missingRole(let user, let action, let roles):
      "\(user) may not \(action): that needs the "
        + roles.map(\.rawValue).joined(separator: " or ") + " role"
    case .notBoundToSite(let user, let site):
      "\(user) is not bound to site \(site); an admin binds requesters with \(n(.site))"
    case .fourEyes(let user, let document, let earlierStep):
      "\(user) \(earlierStep) \(document) and so may not approve or reject it: another approver must"
    case .invalidText(let field, let reason):
      "'\(n(field))' \(reason.text(naming: naming))"
    case .invalidQuantity(let field, let reason):
      "'\(n(field))' must be a positive whole number of base units: \(reason.text(naming: naming))"
    case .invalidMoney(let field, let text):
      "'\(n(field))' must be an amount in yuan with at most two decimals, like 12.34 "
        + "(got '\(text)')"
    case .invalidDate(let field, let text):
      "'\(n(field))' must be a real date written YYYY-MM-DD (got '\(text)')"
    case .invalidOption(let field, let reason):
      "'\(n(field))' \(reason.text(naming: naming))"
    case .invalidTimeZone(let name):
      "'\(name)' is not a time zone; use a name like Asia/Shanghai"
    case .hiddenCharacter(let field, let codePoint):
      "'\(n(field))' contains the invisible character U+"
        + String(codePoint, radix: 16, uppercase: true).leftPadded(to: 4)
        + ", which can hide or reorder text; type the value again without it"
    case .unknownItem(let text, let closest):
      "unknown item '\(text)'; "
        + (Candidate.offer(closest) ?? "'depot item list' shows the items")
    case .unknownLocation(let text, let closest):
      "unknown location '\(text)'; "
        + (Candidate.offer(closest) ?? "'depot location list' shows the locations")
    case .unknownParty(let text, let closest):
      "unknown party '\(text)'; "
        + (Candidate.offer(closest)
          ?? "'depot party list' shows the suppliers, donors and contractors")
    case .unknownDocument(let text, let closest):
      "unknown document '\(text)'"
        + (Candidate.offer(closest.map { Candidate(code: $0) }).map { "; \($0)" } ?? "")
    case .duplicateCode(let kind, let code):
      "\(kind) \(code) already exists; choose another code"
    case .duplicateUser(let name):
      "user \(name) already exists"
    case .wrongKind(let code, let kind, let expected):
      "\(code) is a \(kind), not a \(expected)"
    case .lotRequired(let item):
      "\(item) is tracked by lot: give \(n(.lot)) and \(n(.expiry))"
    case .expiryRequired(let item):
      "\(item) is tracked by lot: give the lot's \(n(.expiry)) (YYYY-MM-DD)"
    case .notLotTracked(let item):
      "\(item) is not tracked by lot: leave out \(n(.lot)) and \(n(.expiry))"
    case .serialsRequired(let item):
      "\(item) is tracked by serial number: give each one with \(n(.serial))"
    case .notSerialTracked(let item):
      "\(item) is not tracked by serial number: leave out \(n(.serial))"
    case .serialCountMismatch(let item, let quantity, let serials):
      "\(quantity) \(item) but \(serials) serial numbers: give one \(n(.serial)) per piece"
    case .duplicateSerial(let item, let serial):
      "\(item) serial \(serial) was already received"
    case .serialNotHere(let item, let serial, let location):
      "\(item) serial \(serial) is not at \(location)"
    case .lotExpiryConflict(let item, let lot, let recorded, let given):
      "\(item) lot \(lot) was received with expiry \(recorded), not \(given)"
    case .lotNotHere(let item, let lot, let location):
      "there is no \(item) of lot \(lot) at \(location)"
    case .lotExpired(let item, let lot, let expiry):
      "\(item) lot \(lot) expired on \(expiry) and cannot be moved as usable stock"
    case .lotRecalled(let item, let lot, let location):
      "\(item) lot \(lot) at \(location) is recalled: it cannot be shipped, transferred or "
        + "used; write it off with 'depot writeoff \(n(.reason)) recalled'"
    case .lotNotRecalled(let item, let lot):
      "\(item) lot \(lot) is not recalled; an approver recalls it with 'depot recall' first, "
        + "or give the real \(n(.reason))"
    case .lotNotExpired(let item, let lot, let expiry):
      "\(item) lot \(lot) expires on \(expiry) and has not expired; give the real \(n(.reason))"
    case .alreadyRecalled(let item, let lot, let day):
      "\(item) lot \(lot) was already recalled on \(day)"
    case .unknownLot(let lot):
      "no lot or serial number \(lot) was ever received; check the number"
    case .ambiguousLot(let lot, let items):
      "lot \(lot) exists for " + items.joined(separator: " and ")
        + ": name the item with \(n(.item))"
    case .inDisinfection(let item, let serial):
      "\(item) serial \(serial) is in disinfection; record it done with 'depot disinfect done' "
        + "first"
    case .notInDisinfection(let item, let serial):
      "\(item) serial \(serial) is not in disinfection"
    case .insufficientStock(let item, let location, let available, let requested):
      "not enough \(item) at \(location): \(available) available, \(requested) requested"
    case .sameLocation(let code):
      "a transfer needs two different warehouses, but both are \(code)"
    case .futureDate(let day, let today):
      "the date \(day) is in the future (today is \(today)); leave out \(n(.date)) to use today"
    case .closedPeriod(let day, let period):
      "the date \(day) falls in or before the closed period \(period); use a later date"
    case .backdatedBelowZero(let item, let location, let date):
      "dated \(date), this would take \(item) at \(location) below zero on a later day; "
        + "use a later \(n(.date))"
    case .dateTooEarly(let day, let earliest):
      "the date \(day) is before \(earliest), the earliest date a Depot ledger records; "
        + "give a \(n(.date)) from \(earliest) on, or leave it out to use today"
    case .stepInFuture(let document, let step, let date, let today):
      "\(document) cannot be \(step) on \(date): that is after today, \(today); "
        + "use \(n(.date)) \(today) or earlier"
    case .stepInClosedPeriod(let document, let step, let date, let period):
      "\(document) cannot be \(step) on \(date): the period \(period) is closed; "
        + "use \(n(.date)) \(Day.lastDay(ofPeriod: period).map { $0.adding(days: 1) } ?? date) "
        + "or later"
    case .stepBeforeEarlierStep(let document, let step, let date, let earlier, let earlierDate):
      "\(document) cannot be \(step) on \(date): it was \(earlier) on \(earlierDate); "
        + "use \(n(.date)) \(earlierDate) or later"
    case .wrongState(let document, let state, let action):
      "\(document) is \(state); it cannot be \(action)"
    case .transitionNotAllowed(let document, let from, let to):
      "\(document) cannot go from \(from.rawValue) to \(to.rawValue): its state machine has no "
        + "such step, so depot refused its own mistake and wrote nothing; please report it"
    case .initialStateNotAllowed(let kind, let state):
      "a new \(kind.rawValue) document cannot start as \(state.rawValue): its state machine "
        + "starts it as "
        + kind.states.filter(kind.initialStates.contains).map(\.rawValue).joined(separator: " or ")
        + ", so depot refused its own mistake and wrote nothing; please report it"
    case .notOnDocument(let document, let item):
      "\(item) is not on \(document)"
    case .reasonRequired(let action):
      "give a \(n(.reason)) to \(action)"
    case .exceedsRequested(let document, let item, let requested, let asked):
      "cannot approve \(asked) \(item) on \(document): \(requested) requested"
    case .exceedsReserved(let document, let item, let reserved, let asked):
      "cannot ship \(asked) \(item) on \(document): \(reserved) approved and not yet shipped"
    case .exceedsInTransit(let document, let item, let inTransit, let asked):
      "cannot confirm \(asked) \(item) on \(document): \(inTransit) shipped and not yet confirmed"
    case .nothingLeft(let document, let action):
      "\(document) has nothing left to \(action)"
    case .stillInTransit(let document, let item, let quantity):
      "\(document) still has \(quantity) \(item) in transit; the site confirms it first"
    case .belowReserveFloor(let item, let location, let left, let floor):
      "this would leave \(left) \(item) available at \(location), below its reserve floor of "
        + "\(floor); approve with \(n(.overrideFloor)) \(n(.reason)) if it must"
    case .contractorUnlicensed(let contractor):
      "contractor \(contractor) has no disposal licence on record; waste goes only to a "
        + "licensed disposal unit"
    case .licenceExpired(let contractor, let licence, let expired, let day):
      "the licence \(licence) of \(contractor) expired on \(expired) and is not valid on \(day); "
        + "waste goes only to a contractor with a valid licence"
    case .duplicateManifest(let manifest, let document):
      "manifest number \(manifest) was already used on \(document); check the number on the "
        + "transfer manifest"
    case .wasteNotCollected(let batch):
      "\(batch) has not been weighed yet; record it with 'depot waste collect \(batch) "
        + "\(n(.weight)) W \(n(.containers)) N' first"
    case .wasteNotStored(let batch, let state):
      "\(batch) is \(state), not stored: take it to a waste point with 'depot waste store' "
        + "before handing it over"
    case .openDiscrepancy(let manifest, let discrepancy):
      "\(manifest) has an open discrepancy (\(discrepancy)); an approver resolves it with "
        + "'depot waste resolve \(manifest) \(n(.reason)) ...' before disposal"
    case .orderRequired:
      "a receipt names its purchase order with \(n(.order)); without one, only an approver records "
        + "an emergency receipt with \(n(.emergency)) \(n(.justification))"
    case .priceMissing(let document, let item):
      "\(document) asks for \(item) but no \(n(.price)) \(item)=AMOUNT was given"
    case .exceedsOrdered(let document, let item, let outstanding, let asked):
      "cannot accept \(asked) \(item) on \(document): \(outstanding) ordered and not yet received"
    case .wrongSupplier(let document, let supplier, let given):
      "\(document) is ordered from \(supplier), not \(given); leave out \(n(.from)) or name "
        + "\(supplier)"
    case .duplicateInvoice(let supplier, let number):
      "\(supplier)'s invoice \(number) is already recorded"
    case .paymentExceedsPayable(let document, let payable, let asked):
      "cannot pay \(Money.yuan(asked)) on \(document): \(Money.yuan(payable)) is invoiced or "
        + "received and not yet paid; only an emergency order takes a \(n(.prepayment))"
    case .prepaymentNeedsEmergency(let document):
      "\(document) is not an emergency order: prepayments are allowed on green-channel orders only"
    case .prepaymentExceedsOrder(let document, let unpaid, let asked):
      "cannot prepay \(Money.yuan(asked)) on \(document): only \(Money.yuan(unpaid)) of the "
        + "order's total is unpaid"
    case .periodNotOver(let period, let today):
      "the period \(period) has not ended yet (today is \(today)); close it once it is over"
    case .periodAlreadyClosed(let period, let closedUpTo):
      "the period \(period) is already closed: the books are closed up to \(closedUpTo)"
    case .importRejected(let file, let problems):
      "\(file) has \(problems.count) bad " + (problems.count == 1 ? "row" : "rows")
        + "; nothing was imported"
    case .cannotReadFile(let path, let reason):
      "cannot read \(path): \(reason)"
    case .cannotWriteFile(let path, let reason):
      "cannot write \(path): \(reason)"
    case .fileExists(let path):
      "\(path) already exists; give \(n(.force)) to replace it, or choose a new file name"
    case .fileProtected(let path, let kind):
      switch kind {
      case .database: "\(path) is this office's database; choose another file name"
      case .writeAheadLog:
        "\(path) is the database's write-ahead log; choose another file name"
      case .sharedMemory:
        "\(path) is the database's shared-memory file; choose another file name"
      case .keyFile:
        "\(path) is a private key file, which is never replaced; choose another file name"
      case .symbolicLink:
        "\(path) is a symbolic link, which Depot never writes through; remove the link or "
          + "choose another file name"
      case .folder: "\(path) is a folder; give the name of a file in it"
      case .specialFile:
        "\(path) is a device or other special file, not a regular file; choose a file name"
      }
    case .referenceReused(let reference, let command, let differences):
      "\(n(.ref)) \(reference) was already used for '\(command)' with other inputs ("
        + differences.map { $0.description(naming: naming) }.joined(separator: "; ")
        + "); use a new \(n(.ref)) for a new command"
    case .storedResultUnreadable(let reference):
      "the earlier result for \(n(.ref)) \(reference) cannot be read back, so the database may be "
        + "damaged; run 'depot ledger verify', or use a new \(n(.ref))"
    case .keyFileMissing(let user, let path):
      "no private key for \(user) at \(path ?? "(no \(n(.key)))"); "
        + "run 'depot key generate \(n(.actor)) \(user)' "
        + "or point \(n(.key))/DEPOT_KEY at it"
    case .keyFileTooOpen(let path, let mode):
      "the key file \(path) has mode \(mode), but a key file must be open to its owner only; "
        + "run 'chmod 600 \(path)'"
    case .keyFileUnreadable(let path):
      "\(path) is not a Depot private key file"
    case .keyNotEnrolled(let user):
      "\(user) has no enrolled key; run 'depot key generate \(n(.actor)) \(user)' and ask an admin "
        + "to run 'depot key enrol \(user)'"
    case .keyPending(let user):
      "\(user)'s key is still pending; an admin must run 'depot key enrol \(user)' first"
    case .keyMismatch(let user, let path):
      "the key in \(path) is not \(user)'s enrolled key; use \(user)'s own key file"
    case .noPendingKey(let user):
      "\(user) has no pending key to enrol; \(user) runs 'depot key generate' first"
    case .signatureInvalid(let user):
      "the signature made for \(user) does not verify against \(user)'s enrolled key"
    case .signatureStale(let user, let seconds):
      "the signature made for \(user) carries a time \(abs(seconds)) s "
        + (seconds < 0 ? "behind" : "ahead of") + " the office's clock (at most 300 s either "
        + "way); check the clock of the signing device and run the command again"
    case .nonceReused(let user):
      "this signed request of \(user)'s was already used once; run the command again to sign it "
        + "afresh"
    case .keyRevoked(let user, let fingerprint):
      "\(user)'s key \(groupedFingerprint(fingerprint)) was revoked or replaced and signs "
        + "nothing any more; use \(user)'s current key file"
    case .fingerprintIncomplete(let given):
      "'\(given)' is not a whole key fingerprint: give all 64 hexadecimal digits, as its owner "
        + "reads them from 'depot key generate' or 'depot key show'"
    case .fingerprintUnknown(let user, let fingerprint):
      "\(user) has no pending key with fingerprint \(groupedFingerprint(fingerprint)); ask "
        + "\(user) to read out the fingerprint 'depot key show \(user)' lists"
    case .pendingKeyExpired(let user, let fingerprint):
      "\(user)'s pending key \(groupedFingerprint(fingerprint)) expired after 7 days; \(user) "
        + "runs 'depot key generate' again"
    case .lastAdminKey(let user):
      "\(user) holds the office's last active admin key; enrol another admin's key first"
    case .ambiguousName(let catalogue, let name, let codes):
      "'\(name)' is the name of \(codes.count) \(catalogue.plural): "
        + Candidate.listed(codes.map { Candidate(code: $0) }, or: "and") + "; give the code"
    case .unknownPaperNumber(let text, let closest):
      "no manifest has the paper number '\(text)'; "
        + (Candidate.offer(closest)
          ?? "give the MAN- number, or the manifest number (联单号) recorded at hand-over")
    case .damagedDatabase(let what):
      "the database is damaged: \(what); run 'depot ledger verify' and restore the last good backup"
    case .storage(let error):
      error.description
    case .alreadyInitialized(let path):
      "\(path) already holds a Depot office; choose another \(n(.database)) path"
    case .invalidSerialRange(let range, let problem):
      "'\(n(.serials))' \(range) " + problem.text
    case .periodReversed(let from, let to):
      "'\(n(.to))' \(to) is before '\(n(.from))' \(from): give a last day on or after the first"
    case .notReversible(let document, let kind):
      "\(document) is a \(kind.rawValue) document and cannot be reversed: only "
        + DocumentKind.reversible.map(\.rawValue).joined(separator: ", ")
        + " documents can; correct it through its own steps"
    case .alreadyReversed(let document, let reversal):
      "\(document) was already reversed by \(reversal); a document is reversed only once"
    case .reversalOfReversal(let document, let reverses):
      "\(document) is the reversal of \(reverses) and cannot itself be reversed; post "
        + "\(reverses)'s goods again with a new document"
    case .reversalByRecorder(let user, let document):
      "\(user) recorded \(document) and so may not reverse it: another approver must"
    case .reversalBlocked(let document, let item, let lot, let location, let by):
      "\(document) cannot be reversed: \(item)\(lot.map { " lot \($0)" } ?? "") at \(location) "
        + "has moved on with \(by); undo \(by) first"
    case .reversalOutOfOrder(let document, let order, let later):
      "\(document) cannot be reversed before \(later), received later against \(order) at a "
        + "price per pack that splits the value by receipt; reverse \(later) first"
    case .nothingToChange(let command, let fields):
      "nothing to change: give '\(command)' at least one of "
        + fields.map { n($0) }.joined(separator: ", ")
    case .alreadySet(let subject):
      "\(subject) already has every value given; nothing was changed"
    case .userDeactivated(let user):
      "\(user) was deactivated and can no longer act or sign; ask an admin to register a new "
        + "user if \(user) returns"
    case .alreadyDeactivated(let user):
      "\(user) was already deactivated; nothing was changed"
    case .roleNotHeld(let user, let role):
      "\(user) does not hold the role \(role.rawValue); 'depot user list' shows each user's roles"
    case .lastActiveAdmin(let user):
      "\(user) is the office's last admin with an active key; make another user admin and "
        + "enrol their key first"
    case .packInUse(let item, let pack):
      "the pack '\(pack)' of \(item) cannot change size: \(item) already has stock or "
        + "documents counted in it; define a pack under a new name"
    case .nothingAwaitingDecision(let document, let item, let approved, let declined):
      "\(item) on \(document) awaits no decision: \(approved) approved, \(declined) declined"
    case .exceedsAwaitingDecision(let document, let item, let requested, let awaiting, let asked):
      "cannot approve \(asked) more \(item) on \(document): \(awaiting) of the \(requested) "
        + "requested await a decision"
    case .everyLineDeclined(let document):
      "this would decline every line of \(document) and approve nothing: reject it with a "
        + "\(n(.reason)) instead"
    case .lineDeclined(let document, let item, let declined, let reason, let step):
      "\(item) on \(document) was declined (\(declined)\(reason.map { ": \($0)" } ?? "")) and "
        + "cannot be \(step); leave it out"
    case .reservationUncovered(let reservation):
      "\(reservation.document) reserves \(reservation.reserved) \(reservation.item) at "
        + "\(reservation.location) but usable stock covers only \(reservation.covered)"
        + (reservation.lots.isEmpty
          ? "" : " (" + reservation.lots.map(\.explanation).joined(separator: ", ") + ")")
        + "; an approver re-points it with 'depot issue repoint \(reservation.document) "
        + "\(n(.item)) \(reservation.item)', which releases what no usable lot covers"
        + (reservation.covered > 0
          ? ", or ship the \(reservation.covered) covered with "
            + "'\(n(.item)) \(reservation.item)=\(reservation.covered)'" : "")
    case .reservationCovered(let document, let item, let location):
      "\(document)'s reservation of \(item) at \(location) is covered by usable stock: there "
        + "is nothing to re-point; ship it with 'depot issue ship \(document)'"
    }
  }
}

extension UnusableLot {
  /// Why the lot cannot be used: "lot L1 expired on 2026-12-01".
  var explanation: String {
    let recall = recalledOn.map { day in
      "recalled on \(day)" + (recalledBy.map { " by \($0)" } ?? "")
    }
    let reasons = [expired.map { "expired on \($0)" }, recall].compactMap { $0 }
    return "lot \(lot) " + reasons.joined(separator: " and ")
  }
}

extension SerialRange.Problem {
  /// What is wrong with the range and how to write it, after the range itself.
  var text: String {
    switch self {
    case .malformed:
      "is not a range: write FIRST..LAST with one prefix and digits of the same width, "
        + "like IR-0001..IR-0010"
    case .prefixesDiffer(let first, let last):
      "runs from prefix '\(first)' to prefix '\(last)': give each prefix's serial numbers as "
        + "a range of its own"
    case .endsBeforeStart:
      "ends before it starts: write the lower serial number first"
    case .tooMany(let count):
      "holds \(count) serial numbers, more than \(SerialRange.limit): split it into ranges of "
        + "at most \(SerialRange.limit)"
    }
  }
}

extension InputDifference {
  /// What differs, its field named by `naming`.
  public func description(naming: any FieldNaming) -> String {
    switch self {
    case .command(let earlier, let now):
      "it was '\(earlier)', this is '\(now)'"
    case .input(let field, let earlier, let now):
      "\(naming.name(of: field)) was \(earlier ?? "not given"), now \(now ?? "not given")"
    }
  }
}

extension Candidate {
  /// "did you mean A (its name) or B?", or nil when there is nothing to offer.
  static func offer(_ candidates: [Candidate]) -> String? {
    candidates.isEmpty ? nil : "did you mean \(listed(candidates, or: "or"))?"
  }

  /// "A (its name), B and C", the last joined by `conjunction`.
  static func listed(_ candidates: [Candidate], or conjunction: String) -> String {
    let texts = candidates.map { candidate in
      candidate.name.map { "\(candidate.code) (\($0))" } ?? candidate.code
    }
    guard let last = texts.last, texts.count > 1 else { return texts.joined() }
    return texts.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }
}

extension Catalogue {
  /// As a sentence counts several: "locations".
  var plural: String { self == .party ? "parties" : "\(rawValue)s" }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
