import Crypto
import Foundation
import Ledger

@testable import Inventory

/// The engine over one implementation: an office set up through `Depot` on an empty store,
/// with an admin (chen), a clerk (wang), an approver (zhang), a requester bound to SITE-CP3
/// (li) and an auditor (audit), each with an enrolled key; GLOVE (untracked) and MASK-SURG
/// (lot-tracked); WH-CENTRAL, WH-TOWN, SITE-CP3 and the supplier SUP-JX. The clock starts at
/// 2026-11-29 10:00 in Shanghai and moves only when the test moves it.
final class ContractOffice {
  let depot: Depot
  let clock = FixedClock(Moment("2026-11-29T02:00:00.000Z")!)
  /// Each user's private key, held in memory.
  private var keys: [String: Curve25519.Signing.PrivateKey] = [:]

  init(_ implementation: StorageImplementation) throws {
    depot = Depot(store: try implementation.makeEmpty(), clock: clock)
    let admin = Curve25519.Signing.PrivateKey()
    keys["chen"] = admin
    _ = try depot.setUp(
      OfficeSetup(office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen"),
      signer: MemorySigner(admin))
    let people: [(String, Role, [String])] = [
      ("wang", .clerk, []), ("zhang", .approver, []), ("li", .requester, ["SITE-CP3"]),
      ("audit", .auditor, []),
    ]
    _ = try depot.addItem(
      NewItem(code: "GLOVE", name: "一次性手套", category: .protective, unit: "piece"), by("chen"))
    _ = try depot.addItem(
      NewItem(
        code: "MASK-SURG", name: "一次性医用口罩", category: .protective, unit: "piece",
        packs: ["box=50"], tracking: .lot), by("chen"))
    for (code, kind) in [
      ("WH-CENTRAL", LocationKind.warehouse), ("WH-TOWN", .warehouse), ("SITE-CP3", .site),
    ] {
      _ = try depot.addLocation(NewLocation(code: code, name: code, kind: kind), by("chen"))
    }
    _ = try depot.addParty(NewParty(code: "SUP-JX", name: "超市", kind: .supplier), by("chen"))
    for (name, role, sites) in people {
      _ = try depot.changeUser(
        UserChange(.add, name: name, roles: [role], sites: sites), by("chen"))
      keys[name] = Curve25519.Signing.PrivateKey()
      let pending = try depot.generateKey(KeyGeneration(), by(name))
      _ = try depot.enrolKey(
        KeyEnrolment(user: name, fingerprint: pending.fingerprint ?? ""), by("chen"))
    }
  }

  /// How `user` writes: signed with the user's key.
  func by(_ user: String) -> WriteContext {
    WriteContext(actor: user, signer: keys[user].map(MemorySigner.init))
  }

  /// The quantities of `items`, in base units.
  func amounts(_ items: [(String, Int64)]) -> [ItemAmount] {
    items.map { ItemAmount(item: $0.0, amount: QuantityAmount(digits: $0.1)) }
  }

  /// Lets an hour pass before the next step.
  func nextHour() { clock.advance(hours: 1) }
}
