@testable import Inventory

/// The waste side of the test office: a waste point, disposal contractors with a valid, an
/// expired and no licence, a medicine, and helpers for each step of a batch.
extension TestOffice {
  /// Adds WP-1, the contractors ENV-CO (licensed to 2027-12-31), OLD-CO (licence expired
  /// 2026-10-31) and NOLIC-CO (no licence), and the medicine CAPS-XL (boxes, lots).
  func addWasteSetUp() throws {
    _ = try depot.addLocation(NewLocation(code: "WP-1", name: "暂存点1", kind: .wastePoint), admin)
    for (code, licence, expires) in [
      ("ENV-CO", "HW-3401-0021", "2027-12-31"), ("OLD-CO", "HW-3401-0007", "2026-10-31"),
    ] {
      _ = try depot.addParty(
        NewParty(
          code: code, name: "\(code) 医疗废物处置中心", kind: .contractor, licence: licence,
          licenceExpires: Day(expires)),
        admin)
    }
    _ = try depot.addParty(NewParty(code: "NOLIC-CO", name: "无证公司", kind: .contractor), admin)
    _ = try depot.addItem(
      NewItem(
        code: "CAPS-XL", name: "连花清瘟胶囊", category: .medicine, unit: "box", tracking: .lot),
      admin)
  }

  @discardableResult
  func collect(
    at site: String = "SITE-CP3", _ category: WasteCategory = .infectious, grams: Int64,
    containers: Int64 = 1, as user: String = "li"
  ) throws -> WasteBatchView {
    try depot.collectWaste(
      WasteCollection(
        location: site, category: category, containers: containers, weightGrams: grams),
      context(user))
  }

  @discardableResult
  func weigh(_ batch: String, grams: Int64, containers: Int64 = 1, as user: String = "wang")
    throws -> WasteBatchView
  {
    try depot.collectWaste(
      WasteCollection(batch: batch, containers: containers, weightGrams: grams), context(user))
  }

  @discardableResult
  func store(
    _ batch: String, at point: String = "WP-1", as user: String = "wang", date: Day? = nil
  ) throws -> WasteBatchView {
    try depot.storeWaste(
      WasteStorage(batch: batch, wastePoint: point), context(user, date: date))
  }

  @discardableResult
  func handOver(
    _ batches: [String], grams: Int64, containers: Int64, contractor: String = "ENV-CO",
    manifest: String = "3401-2026-118", as user: String = "wang", date: Day? = nil
  ) throws -> ManifestView {
    try depot.handOverWaste(
      WasteHandover(
        batches: batches, contractor: contractor, manifest: manifest, weightGrams: grams,
        containers: containers, driver: "赵师傅", vehicle: "皖N·12345"),
      context(user, date: date))
  }

  @discardableResult
  func dispose(_ manifest: String, as user: String = "wang", date: Day? = nil) throws
    -> ManifestView
  {
    try depot.disposeWaste(
      WasteDisposal(
        manifest: manifest, certificate: "C-7781", method: "incineration", destination: "焚烧厂"),
      context(user, date: date))
  }

  @discardableResult
  func writeOff(
    _ item: String, _ quantity: Int64, lot: String? = nil, at place: String = "WH-CENTRAL",
    reason: WriteOffReason, as user: String = "wang", date: Day? = nil
  ) throws -> AdjustmentView {
    try depot.writeOff(
      WriteOffRequest(
        location: place, item: item, lot: lot, quantity: QuantityAmount(digits: quantity),
        reason: reason),
      context(user, date: date))
  }

  @discardableResult
  func decideWriteOff(
    _ kind: AdjustmentDecisionKind, _ number: String, reason: String? = nil,
    as user: String = "zhang", date: Day? = nil
  ) throws -> AdjustmentView {
    try depot.decideAdjustment(
      AdjustmentDecision(kind, number: number, reason: reason), context(user, date: date))
  }

  /// Adds a user who is both clerk and approver, with an enrolled key.
  func addClerkApprover(_ name: String = "qian") throws {
    try addUser(name, roles: [.clerk, .approver])
  }
}
