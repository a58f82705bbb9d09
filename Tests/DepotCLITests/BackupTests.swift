import Foundation
import Testing

/// SPEC §7 and §8: `depot backup FILE` takes a consistent, owner-only copy while others work.
@Suite struct BackupTests {
  @Test func aBackupIsOwnerOnlyAndVerifies() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let head = try sandbox.succeed(["ledger", "head", "--as", "chen"])
    let token = try #require(head.outputLines.last?.split(separator: " ").last.map(String.init))
    let file = sandbox.path("backup-2026-11-29.sqlite")

    let result = try sandbox.succeed(["backup", file, "--as", "chen"])
    #expect(result.stdout == "Backed up to \(file) at head \(token)\n", result.transcript)
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions]
    #expect(mode as? Int == 0o600)
    #expect(!FileManager.default.fileExists(atPath: file + ".partial"))

    let verify = try sandbox.depot(["ledger", "verify", "--head", token, "--as", "chen"], db: file)
    #expect(verify.status == 0, verify.transcript)
    #expect(verify.outputLines.contains("ok      noted head"))
    let original = try sandbox.succeed(["stock", "--lots", "--json", "--as", "wang"])
    let copy = try sandbox.succeed(["stock", "--lots", "--json", "--as", "wang"], db: file)
    #expect(copy.stdout == original.stdout)
  }

  @Test func aBackupTakenWhileAnotherProcessWritesOpensCleanlyAndVerifies() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let receipts = 40
    let marker = sandbox.path("loop-started")
    let loop = try sandbox.shell(
      """
      i=1
      while [ $i -le \(receipts) ]; do
        "$DEPOT_BIN" receive --from SUP-JX --to WH-CENTRAL --item MASK-SURG --qty 10 \
          --lot LOOP-1 --expiry 2028-01-31 --value 1.00 --emergency --justification loop \
          --ref loop-$i --as chen --db "$DB" \
          >/dev/null || exit 1
        if [ $i -eq 5 ]; then : > \(shellQuoted(marker)); fi
        i=$((i + 1))
      done
      """)
    while loop.isRunning && !FileManager.default.fileExists(atPath: marker) {
      usleep(20_000)
    }
    let file = sandbox.path("backup-during-writes.sqlite")
    let backup = try sandbox.depot(["backup", file, "--as", "chen"])
    let written = loop.finish()
    #expect(written.status == 0, "every receipt of the loop posted: \(written.transcript)")
    #expect(backup.status == 0, backup.transcript)

    let verify = try sandbox.depot(["ledger", "verify", "--as", "chen"], db: file)
    #expect(verify.status == 0, verify.transcript)
    let copied = try sandbox.count("movement", db: file)
    #expect((5...receipts).contains(copied), "the copy holds a prefix of the receipts: \(copied)")
    let rows = try sandbox.stock(["--item", "MASK-SURG"], as: "wang")
    #expect(rows.map(\.onHand) == [Int64(receipts * 10)])
    let copyRows = try sandbox.succeed(
      ["stock", "--item", "MASK-SURG", "--json", "--as", "wang"], db: file)
    let copyStock = try JSONDecoder().decode([StockRow].self, from: Data(copyRows.stdout.utf8))
    #expect(copyStock.map(\.onHand) == [Int64(copied * 10)])
    #expect(copyStock.map(\.value) == ["\(copied).00"])
    #expect(try sandbox.count("request_log", db: file) == copied)
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func backingUpOntoAnExistingFileIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let file = sandbox.path("precious.sqlite")
    let content = "yesterday's backup\n"
    try content.write(toFile: file, atomically: true, encoding: .utf8)
    try sandbox.expectRefused(
      ["backup", file, "--as", "chen"], exit: 1, naming: [file, "already exists"])
    #expect(try String(contentsOfFile: file, encoding: .utf8) == content)
  }

  @Test func aClerkMayNotTakeABackup() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let file = sandbox.path("clerk-backup.sqlite")
    try sandbox.expectRefused(
      ["backup", file, "--as", "wang"], exit: 2, naming: ["wang may not take backups"])
    #expect(!FileManager.default.fileExists(atPath: file))
  }
}
