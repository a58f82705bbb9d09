import Crypto
import Foundation
import Ledger
import Testing

@testable import Inventory

/// Master data changes (SPEC §10): names, packs, licences, lead times, site bindings, roles,
/// deactivation and the office's settings change by signed events that verify replays; codes
/// never change and nothing is deleted.
@Suite struct MasterDataTests {
  static let rowsCheck = "rows under verification (I4, I5)"

  @Test func anItemIsRenamedAndGainsAPackByOneSignedEvent() throws {
    let office = try TestOffice()
    let events = try office.eventCount()
    let item = try office.depot.setItem(
      ItemSetting(code: "mask-surg", name: "医用外科口罩", packs: ["bag=10"]), office.admin)
    #expect(item.code == "MASK-SURG")
    #expect(item.name == "医用外科口罩")
    #expect(
      item.packs == [
        ItemSummary.Pack(name: "bag", quantity: 10), ItemSummary.Pack(name: "box", quantity: 50),
        ItemSummary.Pack(name: "carton", quantity: 1000),
      ])
    #expect(try office.eventCount() == events + 1)
    #expect(try office.depot.items(as: "wang").first { $0.code == "MASK-SURG" }?.name == "医用外科口罩")
    #expect(try office.verify().ok)
  }

  @Test func aPackChangesSizeOnlyWhileNothingWasCountedInIt() throws {
    let office = try TestOffice()
    let glove = try office.depot.setItem(
      ItemSetting(code: "GLOVE", packs: ["box=50"]), office.admin)
    #expect(glove.packs == [ItemSummary.Pack(name: "box", quantity: 50)])
    try office.receive("MASK-SURG", 100, lot: "L1", expiry: "2027-06-30")
    let events = try office.eventCount()
    #expect(throws: DepotError.packInUse(item: "MASK-SURG", pack: "box")) {
      try office.depot.setItem(ItemSetting(code: "MASK-SURG", packs: ["box=100"]), office.admin)
    }
    #expect(try office.eventCount() == events)
    #expect(try office.verify().ok)
  }

  @Test func aValueAlreadyThereOrNoValueAtAllWritesNothing() throws {
    let office = try TestOffice()
    let events = try office.eventCount()
    #expect(throws: DepotError.alreadySet(subject: "MASK-SURG")) {
      try office.depot.setItem(
        ItemSetting(code: "MASK-SURG", name: "一次性医用口罩", packs: ["box=50"]), office.admin)
    }
    #expect(throws: DepotError.nothingToChange(command: "item set", fields: [.name, .pack])) {
      try office.depot.setItem(ItemSetting(code: "MASK-SURG"), office.admin)
    }
    #expect(throws: DepotError.alreadySet(subject: "SITE-CP3")) {
      try office.depot.setLocation(
        LocationSetting(code: "SITE-CP3", name: "SITE-CP3 仓库"), office.admin)
    }
    #expect(throws: DepotError.alreadySet(subject: "li")) {
      try office.depot.setUser(UserSetting(name: "li", sites: ["SITE-CP3"]), office.admin)
    }
    #expect(throws: DepotError.alreadySet(subject: "the office")) {
      try office.depot.changeOffice(OfficeChange(timezone: "Asia/Shanghai"), office.admin)
    }
    #expect(try office.eventCount() == events)
  }

  @Test func anUnknownCodeIsRefusedWithTheClosestOnes() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.unknownItem(
        "MASK-SURGE", closest: [Candidate(code: "MASK-SURG", name: "一次性医用口罩")])
    ) {
      try office.depot.setItem(ItemSetting(code: "MASK-SURGE", name: "口罩"), office.admin)
    }
    #expect(
      throws: DepotError.unknownParty("SUP-JXX", closest: [Candidate(code: "SUP-JX", name: "超市")])
    ) {
      try office.depot.setParty(PartySetting(code: "SUP-JXX", leadTimeDays: 3), office.admin)
    }
  }

  @Test func onlyAnAdminChangesMasterData() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.missingRole(user: "wang", action: "change items", roles: [.admin])
    ) {
      try office.depot.setItem(ItemSetting(code: "GLOVE", name: "手套"), office.context("wang"))
    }
    #expect(
      throws: DepotError.missingRole(
        user: "zhang", action: "change the office's settings", roles: [.admin])
    ) {
      try office.depot.changeOffice(
        OfficeChange(handoverTolerancePercent: 5), office.context("zhang"))
    }
  }

  @Test func locationsAndPartiesChangeButKeepTheirCodes() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    let town = try office.depot.setLocation(
      LocationSetting(code: "WH-TOWN", name: "镇仓库", isReserve: true), office.admin)
    #expect([town.code, town.name, town.kind] == ["WH-TOWN", "镇仓库", "warehouse"])
    #expect(town.reserve)
    #expect(throws: DepotError.invalidOption(field: .reserve, reason: "applies to warehouses only"))
    {
      try office.depot.setLocation(LocationSetting(code: "SITE-CP3", isReserve: true), office.admin)
    }
    let contractor = try office.depot.setParty(
      PartySetting(code: "OLD-CO", licence: "HW-3401-0099", licenceExpires: Day("2028-12-31")),
      office.admin)
    #expect(contractor.licence == "HW-3401-0099")
    #expect(contractor.licenceExpires == "2028-12-31")
    #expect(
      throws: DepotError.invalidOption(
        field: .licence, reason: "applies to disposal contractors only")
    ) {
      try office.depot.setParty(PartySetting(code: "SUP-JX", licence: "X-1"), office.admin)
    }
    let supplier = try office.depot.setParty(
      PartySetting(code: "SUP-JX", name: "-超市 东店", leadTimeDays: 4), office.admin)
    #expect(supplier.name == "-超市 东店")
    #expect(supplier.leadTimeDays == 4)
    #expect(try office.verify().ok)
  }

  @Test func siteBindingsAreReplacedAndVerifyReplaysThem() throws {
    let office = try TestOffice()
    _ = try office.depot.addLocation(
      NewLocation(code: "SITE-CP4", name: "高速卡口4号", kind: .site), office.admin)
    let li = try office.depot.setUser(
      UserSetting(name: "li", displayName: "李医生", sites: ["SITE-CP4"]), office.admin)
    #expect(li.sites == ["SITE-CP4"])
    #expect(li.displayName == "李医生")
    #expect(
      throws: DepotError.invalidOption(
        field: .site, reason: "is needed for a requester: requesters are bound to their sites")
    ) {
      try office.depot.setUser(UserSetting(name: "li", sites: []), office.admin)
    }
    #expect(try office.verify().ok)
  }

  @Test func aRevokedRoleNoLongerActsAndVerifyReplaysTheRevocation() throws {
    let office = try TestOffice()
    let zhang = try office.depot.revokeRoles(
      RoleRevocation(name: "zhang", roles: [.approver], reason: "moved to the warehouse"),
      office.admin)
    #expect(zhang.roles == [])
    #expect(throws: DepotError.roleNotHeld(user: "zhang", role: .approver)) {
      try office.depot.revokeRoles(
        RoleRevocation(name: "zhang", roles: [.approver], reason: "again"), office.admin)
    }
    #expect(
      throws: DepotError.missingRole(
        user: "zhang", action: "record emergency receipts", roles: [.approver])
    ) {
      try office.receive("GLOVE", 10)
    }
    #expect(throws: DepotError.lastActiveAdmin(user: "chen")) {
      try office.depot.revokeRoles(
        RoleRevocation(name: "chen", roles: [.admin], reason: "leaving"), office.admin)
    }
    #expect(try office.verify().ok)
  }

  @Test func aDeactivatedUserCanNoLongerActButTheirRecordsStayVerified() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    try office.transfer("GLOVE", 10)
    let wang = try office.depot.deactivateUser(
      UserDeactivation(name: "wang", reason: "left the office"), office.admin)
    #expect(wang.deactivatedAt == TestOffice.start)
    #expect(wang.key == nil)
    #expect(throws: DepotError.userDeactivated(user: "wang")) {
      try office.transfer("GLOVE", 10)
    }
    #expect(throws: DepotError.userDeactivated(user: "wang")) {
      try office.depot.items(as: "wang")
    }
    #expect(throws: DepotError.alreadyDeactivated(user: "wang")) {
      try office.depot.deactivateUser(
        UserDeactivation(name: "wang", reason: "again"), office.admin)
    }
    #expect(throws: DepotError.lastActiveAdmin(user: "chen")) {
      try office.depot.deactivateUser(
        UserDeactivation(name: "chen", reason: "leaving"), office.admin)
    }
    #expect(try office.onHand("GLOVE", at: "WH-TOWN") == 10)
    #expect(try office.verify().ok)
  }

  /// An attacker who clears the deactivation behind the engine's back still holds only a
  /// revoked key, which signs nothing; and verify finds the cleared row.
  @Test func aDeactivatedUsersKeyCannotSignANewWrite() throws {
    let office = try TestOffice()
    try office.receive("GLOVE", 100)
    _ = try office.depot.deactivateUser(
      UserDeactivation(name: "wang", reason: "left the office"), office.admin)
    try office.execute("DROP TRIGGER user_profile_deactivation_is_kept")
    try office.execute(
      "UPDATE user_profile SET deactivated_at = NULL, deactivation_reason = NULL WHERE user_id = ?",
      [try office.userID("wang")])
    let fingerprint = fingerprintOf(try office.privateKey(of: "wang"))
    #expect(throws: DepotError.keyRevoked(user: "wang", fingerprint: fingerprint)) {
      try office.transfer("GLOVE", 10)
    }
    let report = try office.verify()
    #expect(report.failedChecks == [VerificationTests.signedCheck, "ledger triggers (I3)"])
    #expect(
      report.problem(of: VerificationTests.signedCheck)?.hasSuffix(
        "was written by no signed envelope") == true)
  }

  /// Renamed with the image triggers in place, the new image is signed by no envelope; with
  /// them dropped, the row no longer matches its last signed image.
  @Test func aNameChangedInTheDatabaseWithoutItsEventIsFound() throws {
    let office = try TestOffice()
    _ = try office.depot.setItem(ItemSetting(code: "GLOVE", name: "丁腈手套"), office.admin)
    try office.execute("UPDATE item SET name = '乳胶手套' WHERE code = 'GLOVE'")
    let report = try office.verify()
    #expect(report.failedChecks == [VerificationTests.signedCheck])
    #expect(
      report.problem(of: VerificationTests.signedCheck)?.hasSuffix(
        "was written by no signed envelope") == true)

    let quiet = try TestOffice()
    _ = try quiet.depot.setItem(ItemSetting(code: "GLOVE", name: "丁腈手套"), quiet.admin)
    try quiet.execute("DROP TRIGGER item_image_update")
    try quiet.execute("UPDATE item SET name = '乳胶手套' WHERE code = 'GLOVE'")
    let unseen = try quiet.verify()
    #expect(unseen.failedChecks == [Self.rowsCheck, "ledger triggers (I3)"])
    #expect(
      unseen.problem(of: Self.rowsCheck)
        == "item row [4] differs from what its last signed write recorded")
  }

  @Test func theHandOverToleranceIsTheOfficesSetting() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    #expect(try office.depot.office(as: "audit").handoverTolerancePercent == 10)
    let changed = try office.depot.changeOffice(
      OfficeChange(handoverTolerancePercent: 5), office.admin)
    #expect(changed.handoverTolerancePercent == 5)
    let batch = try office.collect(grams: 10_000)
    try office.store(batch.number)
    let manifest = try office.handOver([batch.number], grams: 10_600, containers: 1)
    #expect(manifest.state == "discrepancy")
    #expect(
      throws: DepotError.invalidOption(
        field: .handoverTolerance, reason: "must be a whole percentage from 0 to 100")
    ) {
      try office.depot.changeOffice(OfficeChange(handoverTolerancePercent: 101), office.admin)
    }
    #expect(try office.verify().ok)
  }

  @Test func aNewTimeZoneTakesEffectAtTheStartOfTheNextDay() throws {
    let office = try TestOffice()
    let changed = try office.depot.changeOffice(
      OfficeChange(timezone: "Asia/Urumqi"), office.admin)
    #expect(changed.timezone == "Asia/Shanghai")
    #expect(changed.nextTimezone == "Asia/Urumqi")
    #expect(changed.nextTimezoneFrom == Moment("2026-11-29T16:00:00.000Z"))
    #expect(try office.depot.localTime().timeZone.identifier == "Asia/Shanghai")
    #expect(throws: DepotError.invalidTimeZone("Mars/Olympus")) {
      try office.depot.changeOffice(OfficeChange(timezone: "Mars/Olympus"), office.admin)
    }
    office.clock.advance(hours: 14)
    #expect(try office.depot.localTime().timeZone.identifier == "Asia/Urumqi")
    let now = try office.depot.office(as: "audit")
    #expect(now.timezone == "Asia/Urumqi")
    #expect(now.nextTimezone == nil)
    #expect(try office.verify().ok)
  }

  @Test func aRetryWithTheSameReferenceChangesOnce() throws {
    let office = try TestOffice()
    let first = try office.depot.setItem(
      ItemSetting(code: "GLOVE", name: "丁腈手套"), office.context("chen", ref: "g-1"))
    let events = try office.eventCount()
    let again = try office.depot.setItem(
      ItemSetting(code: "GLOVE", name: "丁腈手套"), office.context("chen", ref: "g-1"))
    #expect(again == first)
    #expect(try office.eventCount() == events)
  }
}
