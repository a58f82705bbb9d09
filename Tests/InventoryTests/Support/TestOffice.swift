import Crypto
import Foundation
import Ledger

@testable import Inventory
@testable import LedgerSQLite

/// A fresh in-memory office for one test: the catalogue of SPEC §1, users for every role with
/// enrolled keys, and a clock that only moves when the test moves it.
final class TestOffice {
  let depot: Depot
  /// The office's storage, for tests that go behind the engine's back.
  let sqlite: SQLiteLedger
  let clock: FixedClock
  /// The private keys the users sign with, by name: a user's own key under the user's name,
  /// other devices' keys under names of their own (the engine never sees a key file).
  var keys: [String: Curve25519.Signing.PrivateKey] = [:]

  /// 2026-11-29 10:00 in Shanghai.
  static let start = Moment("2026-11-29T02:00:00.000Z")!

  init(populated: Bool = true) throws {
    clock = FixedClock(Self.start)
    sqlite = try SQLiteLedger.inMemory()
    depot = Depot(store: sqlite, clock: clock)
    let key = Curve25519.Signing.PrivateKey()
    _ = try depot.setUp(
      OfficeSetup(office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen"),
      signer: MemorySigner(key))
    keys["chen"] = key
    if populated { try populate() }
  }

  /// The signer of the key named `name` (by default a user's own key), if there is one.
  func signer(_ name: String) -> MemorySigner? {
    keys[name].map(MemorySigner.init)
  }

  func context(_ user: String, ref: String? = nil, date: Day? = nil) -> WriteContext {
    WriteContext(actor: user, reference: ref, date: date, signer: signer(user))
  }

  var admin: WriteContext { context("chen") }

  private func populate() throws {
    for (name, roles, sites) in [
      ("wang", [Role.clerk], [String]()), ("zhao", [.clerk], []), ("zhang", [.approver], []),
      ("sun", [.finance], []), ("audit", [.auditor], []),
    ] {
      try addUser(name, roles: roles, sites: sites)
    }
    for item in [
      NewItem(
        code: "MASK-SURG", name: "一次性医用口罩", category: .protective, unit: "piece",
        packs: ["box=50", "carton=20box"], tracking: .lot),
      NewItem(
        code: "DISINF-84", name: "84消毒液(浓缩)", category: .disinfectant, unit: "kg",
        packs: ["t=1000"], tracking: .lot),
      NewItem(
        code: "THERMO-IR", name: "额温枪", category: .equipment, unit: "piece", tracking: .serial),
      NewItem(
        code: "GLOVE", name: "一次性手套", category: .protective, unit: "piece", packs: ["box=100"]),
    ] {
      _ = try depot.addItem(item, admin)
    }
    for (code, kind, reserve) in [
      ("WH-CENTRAL", LocationKind.warehouse, true), ("WH-TOWN", .warehouse, false),
      ("SITE-CP3", .site, false),
    ] {
      _ = try depot.addLocation(
        NewLocation(code: code, name: "\(code) 仓库", kind: kind, isReserve: reserve), admin)
    }
    try addUser("li", roles: [.requester], sites: ["SITE-CP3"])
    _ = try depot.addParty(NewParty(code: "SUP-JX", name: "超市", kind: .supplier), admin)
    _ = try depot.addParty(NewParty(code: "DON-RC", name: "区红十字会", kind: .donor), admin)
  }

  /// Adds a user with an enrolled key: every write is signed by its actor.
  func addUser(_ name: String, roles: [Role], sites: [String] = []) throws {
    _ = try depot.changeUser(UserChange(.add, name: name, roles: roles, sites: sites), admin)
    try enrolKey(for: name)
  }

  /// Generates a key for `user` and has the admin enrol it by its fingerprint.
  func enrolKey(for user: String) throws {
    try enrol(user, generate(user))
  }

  /// Stock for a test: an emergency receipt from SUP-JX without an order, which an approver
  /// (zhang) records and signs; procurement tests receive against orders instead.
  @discardableResult
  func receive(
    _ item: String, _ quantity: Int64, lot: String? = nil, expiry: String? = nil,
    into warehouse: String = "WH-CENTRAL", value: Int64 = 0, as user: String = "zhang",
    ref: String? = nil, date: Day? = nil, serials: [String] = []
  ) throws -> PostedDocument {
    try depot.receive(
      ReceiptRequest(
        source: "SUP-JX", warehouse: warehouse, item: item,
        quantity: QuantityAmount(digits: quantity), lot: lot, expiry: expiry.flatMap(Day.init),
        serials: serials, value: value, emergencyJustification: "stock on hand for the test"),
      context(user, ref: ref, date: date))
  }

  @discardableResult
  func transfer(
    _ item: String, _ quantity: Int64, from source: String = "WH-CENTRAL",
    to destination: String = "WH-TOWN", lot: String? = nil, as user: String = "wang",
    date: Day? = nil
  ) throws -> PostedDocument {
    try depot.transfer(
      TransferRequest(
        source: source, destination: destination, item: item,
        quantity: QuantityAmount(digits: quantity), lot: lot),
      context(user, date: date))
  }

  /// On hand per item and location, from `depot stock`.
  func onHand() throws -> [String: Int64] {
    var result: [String: Int64] = [:]
    for row in try depot.stock(StockQuery(), as: "audit") {
      result["\(row.item)@\(row.location)"] = row.onHand
    }
    return result
  }

  func onHand(_ item: String, at location: String) throws -> Int64 {
    try onHand()["\(item)@\(location)"] ?? 0
  }

  /// Every check of `ledger verify`.
  func verify() throws -> VerificationReport {
    try depot.verify(as: "audit")
  }
}
