import Foundation
import Testing

/// SPEC §10 "Master data changes" through the `depot` binary: `item|location|party|user|office
/// set`, `user revoke` and `user deactivate`, each one signed event that `ledger verify`
/// replays, and the tired clerk's mistakes refused with one sentence and nothing written.
@Suite struct MasterDataCLITests {
  @Test func namesPacksAndBindingsChangeAndTheLedgerStillVerifies() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let item = try sandbox.succeed([
      "item", "set", "mask-surg", "--name", "医用外科口罩", "--pack", "bag=10", "--as", "chen",
    ])
    #expect(
      item.outputLines == [
        "Updated MASK-SURG 医用外科口罩: protective, counted in piece; 1 bag = 10 piece, "
          + "1 box = 50 piece, 1 carton = 1000 piece; tracked by lot"
      ], item.transcript)
    let location = try sandbox.succeed([
      "location", "set", "WH-TOWN", "--name", "-仙寓镇 二号仓库", "--reserve", "--as", "chen",
    ])
    #expect(location.outputLines == ["Updated warehouse WH-TOWN -仙寓镇 二号仓库 (reserve)"])
    let party = try sandbox.succeed(["party", "set", "SUP-JX", "--lead-time", "5", "--as", "chen"])
    #expect(party.outputLines == ["Updated supplier SUP-JX __超市, lead time 5 days"])
    let user = try sandbox.succeed([
      "user", "set", "li", "--display-name", "李医生", "--as", "chen",
    ])
    #expect(user.outputLines == ["Updated li (李医生): requester at SITE-CP3"])
    let verify = try sandbox.succeed(["ledger", "verify", "--as", "wang"])
    #expect(verify.status == 0, verify.transcript)
  }

  @Test func theTiredClerksMistakesAreRefusedWithOneSentence() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let typo = try sandbox.expectRefused(
      ["item", "set", "MASK-SURGE", "--name", "口罩", "--as", "chen"], exit: 1, naming: [])
    #expect(
      typo.errorLines == ["error: unknown item 'MASK-SURGE'; did you mean MASK-SURG (一次性医用口罩)?"])
    let same = try sandbox.expectRefused(
      ["location", "set", "SITE-CP3", "--name", "高速卡口3号", "--as", "chen"], exit: 1, naming: [])
    #expect(
      same.errorLines == ["error: SITE-CP3 already has every value given; nothing was changed"])
    let nothing = try sandbox.expectRefused(
      ["party", "set", "SUP-JX", "--as", "chen"], exit: 1, naming: [])
    #expect(
      nothing.errorLines == [
        "error: nothing to change: give 'party set' at least one of --name, --licence, "
          + "--licence-expires, --lead-time"
      ])
    let office = try sandbox.expectRefused(["office", "set", "--as", "chen"], exit: 1, naming: [])
    #expect(
      office.errorLines == [
        "error: nothing to change: give 'office set' at least one of --timezone, "
          + "--handover-tolerance"
      ])
    let clerk = try sandbox.expectRefused(
      ["item", "set", "MASK-SURG", "--name", "口罩", "--as", "wang"], exit: 2, naming: [])
    #expect(clerk.errorLines.first?.hasPrefix("error: wang") == true, clerk.transcript)
  }

  @Test func aDeactivatedUserIsRefusedEveryCommandAndTheirRecordsStay() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let deactivated = try sandbox.succeed([
      "user", "deactivate", "wang", "--reason", "-调离 left the office", "--as", "chen",
    ])
    #expect(deactivated.outputLines == ["Deactivated wang; every key of wang's is revoked"])
    let sentence =
      "error: wang was deactivated and can no longer act or sign; ask an admin to register a new "
      + "user if wang returns"
    let write = try sandbox.expectRefused(Scenario.transferBoxes, exit: 2, naming: [])
    #expect(write.errorLines == [sentence])
    let read = try sandbox.expectRefused(["stock", "--as", "wang"], exit: 2, naming: [])
    #expect(read.errorLines == [sentence])
    let shown = try sandbox.succeed(["show", "TRF-2026-000001", "--as", "chen"])
    #expect(shown.stdout.contains("wang"), shown.transcript)
    let verify = try sandbox.succeed(["ledger", "verify", "--as", "chen"])
    #expect(verify.status == 0, verify.transcript)
  }

  @Test func aRoleIsRevokedButTheLastAdminKeepsTheirs() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let revoked = try sandbox.succeed([
      "user", "revoke", "chen", "--role", "approver", "--reason", "four eyes", "--as", "chen",
    ])
    #expect(revoked.outputLines == ["Updated chen: admin"])
    let last = try sandbox.expectRefused(
      ["user", "revoke", "chen", "--role", "admin", "--reason", "leaving", "--as", "chen"],
      exit: 1, naming: [])
    #expect(
      last.errorLines == [
        "error: chen is the office's last admin with an active key; make another user admin "
          + "and enrol their key first"
      ])
    try sandbox.succeed(["ledger", "verify", "--as", "wang"])
  }

  @Test func aNameChangedInTheFileWithoutItsEventIsFoundByVerify() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    try sandbox.succeed(["party", "set", "SUP-JX", "--name", "超市", "--as", "chen"])
    try sandbox.sqlite("UPDATE account SET name = '假超市' WHERE code = 'SUP-JX';")
    let verify = try sandbox.depot(["ledger", "verify", "--as", "wang"])
    #expect(verify.status == 1, verify.transcript)
    #expect(
      verify.errorLines.first?.hasPrefix("error: the ledger does not verify: row image ") == true,
      verify.transcript)
    #expect(verify.stdout.contains("FAILED  signed writes (I4, I10): row image "))
  }

  @Test func theOfficeSetsItsToleranceAndNextDaysTimeZone() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let set = try sandbox.succeed([
      "office", "set", "--timezone", "Asia/Urumqi", "--handover-tolerance", "5", "--as", "chen",
    ])
    #expect(
      set.outputLines == [
        "Xianyu Town: time zone Asia/Shanghai",
        "  from 2026-11-30 00:00 +08:00: time zone Asia/Urumqi",
        "  hand-over weight tolerance 5 %",
      ], set.transcript)
    let again = try sandbox.expectRefused(
      ["office", "set", "--handover-tolerance", "5", "--as", "chen"], exit: 1, naming: [])
    #expect(
      again.errorLines == ["error: the office already has every value given; nothing was changed"])
  }
}
