import Crypto
import Foundation
import Inventory
import Ledger
import LedgerSQLite

/// A district office with about 200 items, 20 places and a year of receipts, transfers,
/// issuances, use, returns, write-offs and waste collected at sites, generated through the
/// engine's use cases so every invariant holds. Each month's receipts of an item from one
/// donor share a lot, as real deliveries do.
final class SyntheticOffice {
  let depot: Depot
  let clock: FixedClock
  let keyFolder: String
  /// Every user's private key, by name.
  var keys: [String: Curve25519.Signing.PrivateKey] = [:]
  var random: RandomSource

  let warehouses = (1...6).map { "WH-\($0)" }
  let sites = (1...12).map { "SITE-\($0)" }
  let clerks = ["clerk1", "clerk2", "clerk3"]
  let donors = ["DON-1", "DON-2", "DON-3"]
  var items: [(code: String, lots: Bool)] = []
  /// What the generator believes each warehouse and site holds, to choose moves that fit.
  var onHand: [String: [String: Int64]] = [:]
  var movementCount = 0
  var manifestCount = 0

  init(path: String, keyFolder: String, seed: UInt64) throws {
    self.keyFolder = keyFolder
    random = RandomSource(seed: seed)
    clock = FixedClock(Moment("2025-12-01T01:00:00.000Z")!)
    depot = Depot(store: try Depot.storage { try SQLiteLedger.create(path: path) }, clock: clock)
    let admin = Curve25519.Signing.PrivateKey()
    _ = try depot.setUp(
      OfficeSetup(office: "合成区应急物资办公室", timezone: "Asia/Shanghai", admin: "chen"),
      signer: MemorySigner(admin))
    try keep(admin, of: "chen")
  }

  /// A user's writes, signed with the key kept for the user.
  func context(_ user: String) -> WriteContext {
    WriteContext(actor: user, signer: keys[user].map(MemorySigner.init))
  }

  /// Gives a user a key, enrolled by the admin: every write is signed.
  private func enrol(_ user: String) throws {
    let key = Curve25519.Signing.PrivateKey()
    let generated = try depot.generateKey(
      KeyGeneration(), WriteContext(actor: user, signer: MemorySigner(key)))
    _ = try depot.enrolKey(
      KeyEnrolment(user: user, fingerprint: generated.fingerprint ?? ""), context("chen"))
    try keep(key, of: user)
  }

  /// Keeps a user's key for the generator's writes, and writes it owner-only to
  /// `KEY-FOLDER/USER.key` for the timed `depot` commands, in the format of depot's key files.
  private func keep(_ key: Curve25519.Signing.PrivateKey, of user: String) throws {
    keys[user] = key
    let path = "\(keyFolder)/\(user).key"
    let bytes = Array(KeyFileFormat.text(of: key, user: user).utf8)
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw POSIXError(.EIO) }
  }

  func generate(movements target: Int) throws {
    try setUpCatalogue()
    let report = Progress(target: target)
    let start = clock.now()
    while movementCount < target {
      let elapsed = Int64(Double(movementCount) / Double(target) * 360 * 24)
      clock.set(start.adding(hours: elapsed))
      try depot.store.batch {
        for _ in 0..<2_000 where movementCount < target {
          try step()
        }
      }
      report.show(movementCount)
    }
    report.finish(movementCount)
  }

  private func setUpCatalogue() throws {
    let admin = context("chen")
    for clerk in clerks {
      _ = try depot.changeUser(UserChange(.add, name: clerk, roles: [.clerk]), admin)
      try enrol(clerk)
    }
    _ = try depot.changeUser(UserChange(.add, name: "approver", roles: [.approver]), admin)
    try enrol("approver")
    for (index, warehouse) in warehouses.enumerated() {
      _ = try depot.addLocation(
        NewLocation(
          code: warehouse, name: "仓库\(index + 1)", kind: .warehouse, isReserve: index == 0),
        admin)
    }
    for (index, site) in sites.enumerated() {
      _ = try depot.addLocation(NewLocation(code: site, name: "卡口\(index + 1)", kind: .site), admin)
      _ = try depot.changeUser(
        UserChange(.add, name: "requester\(index + 1)", roles: [.requester], sites: [site]), admin)
      try enrol("requester\(index + 1)")
    }
    for index in 1...2 {
      _ = try depot.addLocation(
        NewLocation(code: "WP-\(index)", name: "暂存点\(index)", kind: .wastePoint), admin)
    }
    for donor in donors {
      _ = try depot.addParty(NewParty(code: donor, name: "捐赠方 \(donor)", kind: .donor), admin)
    }
    _ = try depot.addParty(
      NewParty(
        code: "ENV-1", name: "医疗废物处置中心", kind: .contractor, licence: "HW-0001",
        licenceExpires: Day("2099-12-31")), admin)
    let categories: [ItemCategory] = [.protective, .disinfectant, .medicine, .equipment, .other]
    for index in 1...200 {
      let code = "ITEM-\(index)"
      let lots = index % 5 != 0
      _ = try depot.addItem(
        NewItem(
          code: code, name: "物资\(index)", category: categories[index % categories.count],
          unit: "piece", packs: ["box=50"], tracking: lots ? .lot : .none), admin)
      items.append((code, lots))
    }
  }

  private func step() throws {
    let roll = Int.random(in: 0..<100, using: &random)
    do {
      switch roll {
      case 0..<28: try receive()
      case 28..<40: try transfer()
      case 40..<78: try issue()
      case 78..<90: try use()
      case 90..<95: try returnToWarehouse()
      case 95..<98: try writeOff()
      default: try collectWaste()
      }
    } catch let error as DepotError {
      guard case .insufficientStock = error else { throw error }
    }
  }

  private func pick<T>(_ values: [T]) -> T {
    values[Int.random(in: 0..<values.count, using: &random)]
  }

  private func receive() throws {
    let item = pick(items)
    let warehouse = pick(warehouses)
    let quantity = Int64.random(in: 100...5_000, using: &random)
    let month = clock.now().milliseconds / 86_400_000 / 30
    let expiry = Day(ordinal: Day("2027-01-01")!.ordinal + (month % 24) * 30)
    let document = try depot.receive(
      ReceiptRequest(
        isDonation: true, source: pick(donors), warehouse: warehouse, item: item.code,
        quantity: QuantityAmount(digits: quantity), lot: item.lots ? "L\(month)" : nil,
        expiry: item.lots ? expiry : nil,
        value: quantity * Int64.random(in: 10...300, using: &random)),
      context(pick(clerks)))
    movementCount += document.lines.count
    onHand[warehouse, default: [:]][item.code, default: 0] += quantity
  }

  private func heldItem(at place: String, untrackedOnly: Bool = false)
    -> (code: String, quantity: Int64)?
  {
    let untracked = Set(items.filter { !$0.lots }.map(\.code))
    guard
      let held = onHand[place]?.filter({
        $0.value > 0 && (!untrackedOnly || untracked.contains($0.key))
      }), !held.isEmpty
    else { return nil }
    let entry = pick(held.keys.sorted())
    return (entry, held[entry]!)
  }

  private func transfer() throws {
    let source = pick(warehouses)
    guard let (item, held) = heldItem(at: source) else { return }
    let destination = pick(warehouses.filter { $0 != source })
    let quantity = Int64.random(in: 1...max(1, held / 4), using: &random)
    let document = try depot.transfer(
      TransferRequest(
        source: source, destination: destination, item: item,
        quantity: QuantityAmount(digits: quantity)), context(pick(clerks)))
    movementCount += document.lines.count
    onHand[source]![item]! -= quantity
    onHand[destination, default: [:]][item, default: 0] += quantity
  }

  private func issue() throws {
    let source = pick(warehouses)
    guard let (item, held) = heldItem(at: source) else { return }
    let siteIndex = Int.random(in: 0..<sites.count, using: &random)
    let quantity = Int64.random(in: 1...max(1, held / 5), using: &random)
    let requester = context("requester\(siteIndex + 1)")
    let request = try depot.requestIssue(
      IssueRequest(
        source: source, site: sites[siteIndex],
        items: [ItemAmount(item: item, amount: QuantityAmount(digits: quantity))],
        priority: pick(Priority.allCases)), requester)
    _ = try depot.approveIssue(IssueApproval(number: request.number), context("approver"))
    let shipped = try depot.shipIssue(IssueShipment(number: request.number), context(pick(clerks)))
    let confirmed = try depot.confirmIssue(IssueConfirmation(number: request.number), requester)
    movementCount += shipped.shipments.count * 2
    onHand[source]![item]! -= quantity
    onHand[sites[siteIndex], default: [:]][item, default: 0] += quantity
    precondition(confirmed.state == "closed", "a fully confirmed request closes")
  }

  private func use() throws {
    let siteIndex = Int.random(in: 0..<sites.count, using: &random)
    guard let (item, held) = heldItem(at: sites[siteIndex]) else { return }
    let quantity = Int64.random(in: 1...held, using: &random)
    let document = try depot.reportUse(
      UseReport(site: sites[siteIndex], item: item, quantity: QuantityAmount(digits: quantity)),
      context("requester\(siteIndex + 1)"))
    movementCount += document.lines.count
    onHand[sites[siteIndex]]![item]! -= quantity
  }

  private func returnToWarehouse() throws {
    let site = pick(sites)
    guard let (item, held) = heldItem(at: site) else { return }
    let warehouse = pick(warehouses)
    let quantity = Int64.random(in: 1...max(1, held / 3), using: &random)
    let document = try depot.returnStock(
      StockReturn(
        site: site, warehouse: warehouse, item: item, quantity: QuantityAmount(digits: quantity)),
      context(pick(clerks)))
    movementCount += document.lines.count
    onHand[site]![item]! -= quantity
    onHand[warehouse, default: [:]][item, default: 0] += quantity
  }

  /// Damaged stock of an untracked item written off at a warehouse, approved, and taken the
  /// whole way as waste: weighed, stored, handed to the contractor, disposed of.
  private func writeOff() throws {
    let warehouse = pick(warehouses)
    guard let (item, held) = heldItem(at: warehouse, untrackedOnly: true) else { return }
    let quantity = Int64.random(in: 1...max(1, held / 20), using: &random)
    let clerk = context(pick(clerks))
    let request = try depot.writeOff(
      WriteOffRequest(
        location: warehouse, item: item, quantity: QuantityAmount(digits: quantity),
        reason: .damaged), clerk)
    let approved = try depot.decideAdjustment(
      AdjustmentDecision(.approve, number: request.number), context("approver"))
    guard let batch = approved.wasteBatch else { preconditionFailure("approval opens a batch") }
    let grams = Int64.random(in: 500...20_000, using: &random)
    _ = try depot.collectWaste(
      WasteCollection(batch: batch, containers: 1, weightGrams: grams), clerk)
    let stored = try depot.storeWaste(
      WasteStorage(batch: batch, wastePoint: pick(["WP-1", "WP-2"])), clerk)
    manifestCount += 1
    let manifest = try depot.handOverWaste(
      WasteHandover(
        batches: [batch], contractor: "ENV-1", manifest: "M-\(manifestCount)", weightGrams: grams,
        containers: 1, driver: "司机", vehicle: "皖N·00001"), clerk)
    let disposed = try depot.disposeWaste(
      WasteDisposal(
        manifest: manifest.number, certificate: "C-\(manifestCount)", method: "incineration",
        destination: "焚烧厂"), clerk)
    precondition(disposed.state == "disposed", "a disposal closes the manifest")
    movementCount += 3 * stored.lines.count
    onHand[warehouse]![item]! -= quantity
  }

  private func collectWaste() throws {
    let siteIndex = Int.random(in: 0..<sites.count, using: &random)
    _ = try depot.collectWaste(
      WasteCollection(
        location: sites[siteIndex], category: pick([.infectious, .sharps]),
        containers: Int64.random(in: 1...3, using: &random),
        weightGrams: Int64.random(in: 500...15_000, using: &random)),
      context("requester\(siteIndex + 1)"))
  }
}

/// Progress on stderr: movements written so far, and how fast.
final class Progress {
  let target: Int
  let started = Date()

  init(target: Int) {
    self.target = target
  }

  func show(_ done: Int) {
    let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
    FileHandle.standardError.write(
      Data("\rdepot-bench: \(done) of \(target) movements (\(Int(rate))/s)   ".utf8))
  }

  func finish(_ done: Int) {
    show(done)
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
