import Testing

@testable import Inventory

@Suite struct WasteChainTests {
  let manifest = "MAN-2026-000001"

  @Test func aBatchGoesFromTheSiteBinToTheContractorsCertificate() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    let collected = try office.collect(grams: 12_400, containers: 3)
    #expect(collected.number == "WST-2026-000001")
    #expect(collected.state == "collected")
    #expect(collected.register.collector == "li")
    #expect(collected.register.deadline == Moment("2026-12-01T02:00:00.000Z"))
    office.clock.advance(hours: 2)
    #expect(try office.store("WST-2026-000001").state == "stored")
    try office.collect(grams: 8_600, containers: 2, as: "wang")
    try office.store("WST-2026-000002")
    office.clock.advance(hours: 20)
    let handed = try office.handOver(
      ["WST-2026-000001", "WST-2026-000002"], grams: 21_300, containers: 5)
    #expect(handed.number == manifest)
    #expect(handed.state == "handed-over")
    #expect(handed.discrepancy == nil)
    #expect([handed.expectedGrams, handed.expectedContainers] == [21_000, 5])
    #expect(handed.licence == "HW-3401-0021")
    #expect(handed.history.map(\.signed) == [true])
    let disposed = try office.dispose(manifest)
    #expect(disposed.state == "disposed")
    #expect(disposed.batches.map(\.state) == ["disposed", "disposed"])
    let row = try #require(disposed.batches.first)
    #expect(row.source == "SITE-CP3")
    #expect(row.category == "infectious")
    #expect([row.weightGrams, row.containers] == [12_400, 3])
    #expect(row.collectedAt?.description == "2026-11-29T02:00:00.000Z")
    #expect(row.collectionRecordedBy == "li")
    #expect(row.storagePoint == "WP-1")
    #expect(row.storedBy == "wang")
    #expect(row.handedOverAt?.description == "2026-11-30T00:00:00.000Z")
    #expect(row.handedOverBy == "wang")
    #expect(row.manifest == manifest)
    #expect(row.manifestNumber == "3401-2026-118")
    #expect(row.contractor == "ENV-CO")
    #expect(row.licence == "HW-3401-0021")
    #expect(row.driver == "赵师傅")
    #expect(row.vehicle == "皖N·12345")
    #expect(row.disposalMethod == "incineration")
    #expect(row.destination == "焚烧厂")
    #expect(row.certificate == "C-7781")
    #expect(row.overdue == false && row.handedOverLate == false)
    let history = try office.depot.wasteBatch("WST-2026-000001", as: "audit").history
    #expect(
      history.map(\.action) == ["waste.collect", "waste.store", "waste.handover", "waste.dispose"])
    #expect(history.map(\.signed) == [true, true, true, true])
    #expect(try office.verify().ok)
  }

  @Test func writtenOffStockReachesDisposedOnlyWithTheCertificate() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.receive(
      "CAPS-XL", 40, lot: "X1", expiry: "2026-11-01", value: 8_000, date: Day("2026-10-01"))
    try office.writeOff("CAPS-XL", 40, lot: "X1", reason: .expired)
    try office.decideWriteOff(.approve, "ADJ-2026-000001")
    #expect(throws: DepotError.wasteNotCollected(batch: "WST-2026-000001")) {
      try office.store("WST-2026-000001")
    }
    try office.weigh("WST-2026-000001", grams: 3_200)
    #expect(try office.onHand("CAPS-XL", at: "WH-CENTRAL") == 40)
    try office.store("WST-2026-000001")
    #expect(try office.onHand("CAPS-XL", at: "WH-CENTRAL") == 0)
    #expect(try office.onHand("CAPS-XL", at: "WP-1") == 40)
    try office.handOver(["WST-2026-000001"], grams: 3_250, containers: 1)
    #expect(try office.onHand("CAPS-XL", at: "WP-1") == 0)
    let card = try office.depot.card(CardQuery(item: "CAPS-XL"), as: "audit")
    #expect(card.entries.map(\.to) == ["WH-CENTRAL", "WP-1", "ENV-CO"])
    #expect(!card.entries.map(\.to).contains("disposed"), "not disposed before the certificate")
    try office.dispose(manifest)
    let after = try office.depot.card(CardQuery(item: "CAPS-XL"), as: "audit")
    #expect(after.entries.map(\.to) == ["WH-CENTRAL", "WP-1", "ENV-CO", "disposed"])
    #expect(after.entries.map(\.value) == ["80.00", "80.00", "80.00", "80.00"])
    #expect(try office.verify().ok)
  }

  @Test func aDiscrepancyBlocksDisposalUntilAnApproverResolvesIt() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.addClerkApprover()
    try office.collect(grams: 10_000, containers: 2)
    try office.store("WST-2026-000001")
    let handed = try office.handOver(["WST-2026-000001"], grams: 11_500, containers: 2, as: "qian")
    #expect(handed.state == "discrepancy")
    #expect(handed.discrepancy == "re-measured 11.5 kg against 10 kg collected, 15.0 % more")
    #expect(
      throws: DepotError.openDiscrepancy(
        manifest: manifest, discrepancy: "re-measured 11.5 kg against 10 kg collected, 15.0 % more")
    ) {
      try office.dispose(manifest)
    }
    #expect(
      throws: DepotError.fourEyes(user: "qian", document: manifest, earlierStep: "handed over")
    ) {
      _ = try office.depot.resolveManifest(
        WasteResolution(manifest: manifest, reason: "wet"), office.context("qian"))
    }
    let resolved = try office.depot.resolveManifest(
      WasteResolution(manifest: manifest, reason: "re-weighed at plant: 10.2 kg"),
      office.context("zhang"))
    #expect(resolved.state == "handed-over")
    #expect(resolved.resolution == "re-weighed at plant: 10.2 kg")
    #expect(resolved.history.last?.signed == true)
    #expect(try office.dispose(manifest).state == "disposed")
    #expect(try office.verify().ok)
  }

  @Test func withinTheToleranceAndWithTheSameContainersThereIsNoDiscrepancy() {
    #expect(
      HandoverCheck.discrepancy(
        expectedGrams: 10_000, expectedContainers: 2, grams: 11_000, containers: 2,
        tolerancePercent: OfficeSettings.defaultHandoverTolerancePercent) == nil)
    #expect(
      HandoverCheck.discrepancy(
        expectedGrams: 10_000, expectedContainers: 2, grams: 8_999, containers: 2,
        tolerancePercent: OfficeSettings.defaultHandoverTolerancePercent)
        == "re-measured 8.999 kg against 10 kg collected, 10.0 % less")
    #expect(
      HandoverCheck.discrepancy(
        expectedGrams: 10_000, expectedContainers: 2, grams: 10_000, containers: 3,
        tolerancePercent: OfficeSettings.defaultHandoverTolerancePercent)
        == "3 containers against 2 collected")
  }

  @Test func aHandOverIsRefusedWithoutAValidLicenceOrWithAUsedManifestNumber() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.collect(grams: 1_000)
    try office.store("WST-2026-000001")
    #expect(throws: DepotError.unknownParty("NOBODY")) {
      try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1, contractor: "NOBODY")
    }
    #expect(throws: DepotError.wrongKind(code: "SUP-JX", kind: "supplier", expected: "contractor"))
    {
      try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1, contractor: "SUP-JX")
    }
    #expect(throws: DepotError.contractorUnlicensed(contractor: "NOLIC-CO")) {
      try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1, contractor: "NOLIC-CO")
    }
    #expect(
      throws: DepotError.licenceExpired(
        contractor: "OLD-CO", licence: "HW-3401-0007", expired: Day("2026-10-31")!,
        on: Day("2026-11-29")!)
    ) {
      try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1, contractor: "OLD-CO")
    }
    try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1)
    try office.collect(grams: 1_000)
    try office.store("WST-2026-000002")
    #expect(throws: DepotError.duplicateManifest(manifest: "3401-2026-118", document: manifest)) {
      try office.handOver(["WST-2026-000002"], grams: 1_000, containers: 1)
    }
    #expect(
      throws: DepotError.wrongState(
        document: "WST-2026-000001", state: "handed-over", action: "handed over")
    ) {
      try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1, manifest: "X-2")
    }
  }

  @Test func onlyStoredBatchesAreHandedOver() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.collect(grams: 1_000)
    #expect(throws: DepotError.wasteNotStored(batch: "WST-2026-000001", state: "collected")) {
      try office.handOver(["WST-2026-000001"], grams: 1_000, containers: 1)
    }
    #expect(
      throws: DepotError.wrongKind(code: "WH-CENTRAL", kind: "warehouse", expected: "waste-point")
    ) {
      try office.store("WST-2026-000001", at: "WH-CENTRAL")
    }
  }

  @Test func aRequesterRecordsWasteOnlyAtTheirOwnSite() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    _ = try office.depot.addLocation(
      NewLocation(code: "SITE-HC1", name: "卫生院", kind: .site), office.admin)
    #expect(throws: DepotError.notBoundToSite(user: "li", site: "SITE-HC1")) {
      try office.collect(at: "SITE-HC1", grams: 1_000)
    }
    #expect(throws: DepotError.missingRole(user: "li", action: "store waste", roles: [.clerk])) {
      try office.collect(grams: 1_000)
      try office.store("WST-2026-000001", as: "li")
    }
    #expect(
      try office.collect(at: "SITE-HC1", grams: 1_000, as: "wang").register.source == "SITE-HC1")
  }

  @Test func wasteRecordsCannotBeDeletedOrChanged() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    try office.collect(grams: 1_000)
    try office.store("WST-2026-000001")
    for statement in [
      "DELETE FROM waste_batch", "DELETE FROM waste_collection", "DELETE FROM waste_storage",
      "UPDATE waste_collection SET weight_grams = 1", "UPDATE waste_batch SET category = 'sharps'",
    ] {
      let error = #expect(throws: (any Error).self) { try office.execute(statement) }
      #expect("\(error.map { "\($0)" } ?? "")".contains("depot: waste records are never"))
    }
    #expect(
      try office.depot.wasteBatch("WST-2026-000001", as: "audit").register.weightGrams == 1_000)
  }

  @Test func aRetriedHandOverPostsOnceAndTheRegisterStreamsEveryBatch() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    for grams: Int64 in [1_000, 2_000] {
      let batch = try office.collect(grams: grams)
      try office.store(batch.number)
    }
    func handOver(grams: Int64) throws -> ManifestView {
      try office.depot.handOverWaste(
        WasteHandover(
          batches: ["WST-2026-000001", "WST-2026-000002"], contractor: "ENV-CO",
          manifest: "3401-2026-118", weightGrams: grams, containers: 2, driver: "赵师傅",
          vehicle: "皖N·12345"),
        office.context("wang", ref: "handover-1"))
    }
    let first = try handOver(grams: 3_000)
    let events = try office.eventCount()
    #expect(try handOver(grams: 3_000) == first)
    #expect(try office.eventCount() == events, "the retry posted nothing")
    #expect(
      throws: DepotError.referenceReused(
        reference: "handover-1", command: "waste handover",
        differences: [.input(.weight, earlier: "3000g", now: "3100g")])
    ) {
      try handOver(grams: 3_100)
    }
    var streamed: [WasteRegisterEntry] = []
    try office.depot.forEachWasteRegisterEntry(
      from: Day("2026-11-29"), to: Day("2026-11-29"), as: "sun"
    ) { streamed.append($0) }
    #expect(streamed.map(\.batch) == ["WST-2026-000001", "WST-2026-000002"])
    #expect(streamed == first.batches)
  }
}
