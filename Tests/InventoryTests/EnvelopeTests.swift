import Crypto
import Foundation
import Testing

@testable import Inventory
@testable import Ledger
@testable import LedgerSQLite

/// Every write is one signed envelope (SPEC §7); `verify` finds rows that no envelope signed,
/// envelopes signed without the role or key they needed, and the engine refuses a signature
/// over anything else, a stale time and a nonce used before.
@Suite struct EnvelopeTests {
  static let keysCheck = "signatures and keys (I10)"

  /// Runs `body` in a write transaction as `user` and rolls it back.
  private func inRolledBackWrite(
    _ office: TestOffice, as user: String,
    _ body: (Session, any EnvelopeSigner, UserKeyRecord) throws -> Void
  ) throws {
    struct RollBack: Error {}
    #expect(throws: RollBack.self) {
      try office.depot.store.write { transaction in
        let session = try Session(
          transaction: transaction, actorName: user, clock: office.clock, effectiveDate: nil)
        let signer = try #require(office.signer(user))
        let key = try Signing.signingKey(
          of: session, publicKey: signer.publicKey(), signer: signer)
        try body(session, signer, key)
        throw RollBack()
      }
    }
  }

  private func envelope(_ session: Session, key: UserKeyRecord, nonce: Data, at time: Moment)
    throws -> Envelope
  {
    Envelope(
      office: "main", actor: session.actor.name, fingerprint: fingerprintOf(key.publicKey),
      useCase: "transfer", inputs: "", roles: [.clerk], baseHash: nil,
      signedAt: time, nonce: nonce,
      written: try session.transaction.written(since: session.transaction.writePosition()))
  }

  @Test func everyWriteIsOneEnvelopeAndEverySignatureIsChecked() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.transfer("GLOVE", 30)
    let report = try office.verify()
    #expect(report.ok)
    #expect(try office.envelopeCount() == 30)
    #expect(report.signatures == 30)
  }

  @Test func anEventAppendedBehindTheEnginesBackIsFound() throws {
    let office = try TestOffice()
    let event = try office.appendBehindTheEnginesBack(
      EventDraft(
        subject: "user wang", action: "user.grant", actorId: try office.userID("chen"),
        recordedAt: office.clock.now(), payload: "user=wang\nroles=admin"))
    let report = try office.verify()
    #expect(report.failedChecks.contains(VerificationTests.signedCheck))
    #expect(
      report.problem(of: VerificationTests.signedCheck)
        == "event \(event.id) was written by no signed envelope")
  }

  @Test func aMovementPostedWithAValidChainHashButNoEnvelopeIsFound() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    let posted = try office.depot.store.read { try $0.movements(ofDocument: 1).first }
    let first = try #require(posted)
    let forged = try office.depot.store.write { transaction in
      try transaction.post(
        MovementDraft(
          lot: try #require(try transaction.lot(id: first.lotId)),
          fromAccountId: first.fromAccountId, toAccountId: first.toAccountId, quantity: 50,
          value: 0, documentId: first.documentId, actorId: first.actorId,
          effectiveDate: first.effectiveDate, recordedAt: first.recordedAt))
    }
    let report = try office.verify()
    #expect(report.problem(of: "movement chain (I3, I9)") == nil, "the chain itself is valid")
    #expect(
      report.problem(of: VerificationTests.signedCheck)
        == "movement \(forged.id) was written by no signed envelope")
  }

  /// A requester who holds her own key signs a write that needs the approver role, claiming
  /// the role it needs or her own: the envelope is judged by the roles the command needs, not
  /// by the roles it claims.
  @Test(arguments: [
    (Role.approver, Payload([("x", "1")]), "needs the role approver, which li did not hold then"),
    (Role.requester, Payload(), "claims the role requester, but it needs approver"),
  ])
  func anEnvelopeSignedWithoutTheRoleItNeedsIsFound(
    claiming role: Role, payload: Payload, problem: String
  ) throws {
    let office = try TestOffice()
    try forge(office, as: "li", useCase: "issue approve", roles: [role]) { session in
      try session.record(subject: "REQ-2026-000001", action: "issue.approve", payload: payload)
    }
    let envelope = try office.envelopeCount()
    let report = try office.verify()
    report.expect(
      failing: [Self.keysCheck], Self.keysCheck,
      problem: "envelope \(envelope) (issue approve by li) \(problem)")
  }

  /// An approver signs, with his own key, an approval of a document he created himself.
  @Test func aDecisionOnOnesOwnDocumentIsFound() throws {
    let office = try TestOffice()
    let receipt = try office.receive("GLOVE", 10)
    try forge(office, as: "zhang", useCase: "adjust approve", roles: [.approver]) { session in
      let document = try #require(try session.transaction.document(number: receipt.number))
      try session.record(
        subject: receipt.number, action: "adjust.approve", document: document, payload: Payload())
    }
    let report = try office.verify()
    report.expect(
      failing: ["four eyes (I4)"], "four eyes (I4)",
      problem:
        "event \(try office.eventCount()): zhang took 'adjust.approve' on \(receipt.number), "
        + "which zhang created")
  }

  /// Writes what `body` writes as `user` and seals it with `user`'s own key, as someone with
  /// the database file and that key could.
  private func forge(
    _ office: TestOffice, as user: String, useCase: String, roles: [Role],
    _ body: (Session) throws -> Void
  ) throws {
    try office.depot.store.write { transaction in
      let session = try Session(
        transaction: transaction, actorName: user, clock: office.clock, effectiveDate: nil)
      let signer = try #require(office.signer(user))
      let key = try Signing.signingKey(of: session, publicKey: signer.publicKey(), signer: signer)
      let position = try transaction.writePosition()
      try body(session)
      try Signing.seal(
        session, since: position, useCase: useCase, inputs: "", roles: roles, signer: signer,
        key: key)
    }
  }

  @Test func aSignatureOverOtherContentIsRefused() throws {
    let office = try TestOffice()
    try inRolledBackWrite(office, as: "wang") { session, signer, key in
      let genuine = try envelope(
        session, key: key, nonce: Data(repeating: 1, count: 16), at: session.now)
      var other = genuine
      other.inputs = "qty=9999"
      #expect(throws: DepotError.signatureInvalid(user: "wang")) {
        try Signing.commit(genuine, signature: signer.sign(other.message), key: key, session)
      }
    }
  }

  @Test func aStaleTimeIsRefusedNamingTheSkew() throws {
    let office = try TestOffice()
    try inRolledBackWrite(office, as: "wang") { session, signer, key in
      let stale = try envelope(
        session, key: key, nonce: Data(repeating: 2, count: 16),
        at: Moment(milliseconds: session.now.milliseconds - 600_000))
      #expect(throws: DepotError.signatureStale(user: "wang", seconds: -600)) {
        try Signing.commit(stale, signature: signer.sign(stale.message), key: key, session)
      }
    }
    #expect(
      DepotError.signatureStale(user: "wang", seconds: -600).description
        == "the signature made for wang carries a time 600 s behind the office's clock (at most "
        + "300 s either way); check the clock of the signing device and run the command again")
  }

  @Test func aNonceUsedBeforeIsRefused() throws {
    let office = try TestOffice()
    try inRolledBackWrite(office, as: "wang") { session, signer, key in
      let signed = try envelope(
        session, key: key, nonce: Data(repeating: 3, count: 16), at: session.now)
      let signature = try signer.sign(signed.message)
      try Signing.commit(signed, signature: signature, key: key, session)
      #expect(throws: DepotError.nonceReused(user: "wang")) {
        try Signing.commit(signed, signature: signature, key: key, session)
      }
    }
  }

  /// One row removed from every table under verification, each on its own office, with its
  /// guarding triggers dropped first: verify names the table each time.
  @Test(arguments: RowImageTable.all.filter { $0.name != "office" })
  func aRowRemovedFromAnyTableIsFound(spec: RowImageTable) throws {
    let table = spec.name
    let office = try Self.busyOffice()
    let rows = try office.sqlite.readTransaction { transaction in
      try Int.fetchOne(transaction.db, sql: "SELECT count(*) FROM \(table)") ?? 0
    }
    try #require(rows > 0, "the office holds no \(table) row to remove")
    try office.sqlite.queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      for trigger in try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
        arguments: [table])
      {
        try db.execute(sql: "DROP TRIGGER \(trigger)")
      }
      let key = "json_array(" + spec.key.joined(separator: ", ") + ")"
      let which = table == "users" ? "WHERE name = 'zhao'" : "LIMIT 1"
      try db.execute(
        sql: "DELETE FROM \(table) WHERE \(key) IN (SELECT \(key) FROM \(table) \(which))")
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    let report = try office.verify()
    #expect(!report.ok)
    #expect(
      report.problem(of: "rows under verification (I4, I5)")?.hasPrefix("\(table) row ") == true,
      "\(report.failedChecks)")
  }
}

extension EnvelopeTests {
  /// An office that has written a row into every table under verification.
  static func busyOffice() throws -> TestOffice {
    let office = try TestOffice()
    try office.addWasteSetUp()
    _ = try office.depot.setReserve(
      ReserveSetting(item: "GLOVE", warehouse: "WH-CENTRAL", floor: QuantityAmount(digits: 5)),
      office.admin)
    try office.receive("GLOVE", 100, ref: "first")
    try office.receive("MASK-SURG", 50, lot: "L1", expiry: "2028-01-31")
    try office.receive("THERMO-IR", 1, value: 30_000, serials: ["IR-0001"])
    try office.request([("GLOVE", 10), ("THERMO-IR", 1)])
    try office.approve("REQ-2026-000001")
    try office.ship("REQ-2026-000001")
    try office.confirm("REQ-2026-000001")
    _ = try office.depot.returnStock(
      StockReturn(
        site: "SITE-CP3", warehouse: "WH-CENTRAL", item: "THERMO-IR", quantity: nil,
        serials: ["IR-0001"]), office.context("wang"))
    let order = try office.order([("GLOVE", 100)], prices: [price("GLOVE", 10)])
    try office.receive("GLOVE", 60, against: order.number, rejected: 5, reason: "torn")
    try office.invoice(order.number, "INV-1", fen: 600)
    try office.pay(order.number, fen: 600)
    let batch = try office.collect(grams: 1200)
    try office.store(batch.number)
    let written = try office.writeOff("GLOVE", 5, reason: .damaged)
    try office.decideWriteOff(.approve, written.number)
    let manifest = try office.handOver([batch.number], grams: 1000, containers: 1)
    _ = try office.depot.resolveManifest(
      WasteResolution(manifest: manifest.number, reason: "re-weighed"), office.context("zhang"))
    try office.dispose(manifest.number)
    _ = try office.depot.count(
      CountRequest(
        location: "WH-CENTRAL",
        lines: [CountedLine(item: "GLOVE", lot: nil, counted: QuantityAmount(digits: 1))],
        reason: .lost), office.context("wang"))
    _ = try office.depot.recall(
      LotRecall(lot: "L1", item: "MASK-SURG", reason: "notice"), office.context("zhang"))
    _ = try office.depot.closePeriod(PeriodCloseInput(period: "2026-10"), office.context("sun"))
    _ = try office.depot.setUser(UserSetting(name: "li", displayName: "李医生"), office.admin)
    _ = try office.depot.changeOffice(OfficeChange(handoverTolerancePercent: 12), office.admin)
    return office
  }
}

/// The SHA-256 fingerprint of a raw public key.
private func fingerprintOf(_ publicKey: Data) -> String {
  Data(SHA256.hash(data: publicKey)).hexadecimal
}
