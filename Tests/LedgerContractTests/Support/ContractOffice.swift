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
  private let keys: TemporaryFolder

  init(_ implementation: StorageImplementation) throws {
    keys = try TemporaryFolder()
    depot = Depot(store: try implementation.makeEmpty(), clock: clock)
    let admin = Curve25519.Signing.PrivateKey()
    try KeyFile.write(admin, user: "chen", path: keys.file("chen"))
    _ = try depot.setUp(
      office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen", keyPath: keys.file("chen"),
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
      _ = try depot.addUser(NewUser(name: name, roles: [role], sites: sites), by("chen"))
      let pending = try depot.generateKey(KeyGeneration(), by(name))
      _ = try depot.enrolKey(
        KeyEnrolment(user: name, fingerprint: pending.fingerprint ?? ""), by("chen"))
    }
  }

  /// How `user` writes: signed with the user's key file.
  func by(_ user: String) -> WriteContext {
    WriteContext(actor: user, keyPath: keys.file(user))
  }

  /// The quantities of `items`, in base units.
  func amounts(_ items: [(String, Int64)]) -> [ItemAmount] {
    items.map { ItemAmount(item: $0.0, amount: QuantityAmount(digits: $0.1)) }
  }

  /// Lets an hour pass before the next step.
  func nextHour() { clock.advance(hours: 1) }
}
