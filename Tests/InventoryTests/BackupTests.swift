import Foundation
import Testing

@testable import Inventory

/// `depot backup FILE` on a real, file-based office (SPEC §7, §8).
@Suite struct BackupTests {
  /// A new office in a temporary folder, with its admin chen and the admin's key.
  static func office(in folder: TemporaryFolder) throws -> Depot {
    let (depot, _) = try Depot.initialize(
      path: folder.file("office.db"),
      setup: OfficeSetup(
        office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen",
        keyPath: folder.file("chen.key")),
      clock: FixedClock(TestOffice.start))
    return depot
  }

  @Test func aBackupIsAnOwnerOnlyCopyThatOpensAndVerifies() throws {
    let folder = try TemporaryFolder()
    let depot = try Self.office(in: folder)
    let admin = WriteContext(actor: "chen", keyPath: folder.file("chen.key"))
    _ = try depot.changeUser(UserChange(.add, name: "audit", roles: [.auditor]), admin)
    #expect(try permissions(of: folder.file("office.db")) == 0o600)
    let head = try depot.backup(to: folder.file("backup.db"), as: "chen")
    #expect(try permissions(of: folder.file("backup.db")) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: folder.file("backup.db.partial")))
    let copy = try Depot.open(path: folder.file("backup.db"), clock: FixedClock(TestOffice.start))
    let report = try copy.verify(as: "audit")
    #expect(report.ok)
    #expect(report.events == 4)
    #expect(report.signatures == 2)
    #expect(report.head == head)
    #expect(try copy.ledgerHead(as: "chen") == (try depot.ledgerHead(as: "chen")))
  }

  @Test func anAuditorMayTakeABackup() throws {
    let folder = try TemporaryFolder()
    let depot = try Self.office(in: folder)
    let admin = WriteContext(actor: "chen", keyPath: folder.file("chen.key"))
    _ = try depot.changeUser(UserChange(.add, name: "audit", roles: [.auditor]), admin)
    _ = try depot.backup(to: folder.file("audit.db"), as: "audit")
    #expect(try Depot.open(path: folder.file("audit.db")).verify(as: "audit").ok)
  }

  @Test func aBackupOverAnExistingFileIsRefusedAndTheFileKept() throws {
    let folder = try TemporaryFolder()
    let depot = try Self.office(in: folder)
    let existing = folder.file("existing.db")
    #expect(FileManager.default.createFile(atPath: existing, contents: Data("keep me".utf8)))
    #expect(
      throws: DepotError.storage(
        .fileExists(path: existing))
    ) {
      try depot.backup(to: existing, as: "chen")
    }
    #expect(FileManager.default.contents(atPath: existing) == Data("keep me".utf8))
  }

  @Test func aClerkMayNotTakeABackup() throws {
    let folder = try TemporaryFolder()
    let depot = try Self.office(in: folder)
    let admin = WriteContext(actor: "chen", keyPath: folder.file("chen.key"))
    _ = try depot.changeUser(UserChange(.add, name: "wang", roles: [.clerk]), admin)
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "take backups", roles: [.admin, .auditor])
    ) {
      try depot.backup(to: folder.file("backup.db"), as: "wang")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("backup.db")))
    #expect(!FileManager.default.fileExists(atPath: folder.file("backup.db.partial")))
  }
}
