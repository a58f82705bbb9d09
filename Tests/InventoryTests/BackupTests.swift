import Crypto
import Foundation
import LedgerSQLite
import Testing

@testable import Inventory

/// `depot backup FILE` on a real, file-based office (SPEC §7, §8).
@Suite struct BackupTests {
  /// The admin chen's key.
  static let chen = MemorySigner(Curve25519.Signing.PrivateKey())
  static let admin = WriteContext(actor: "chen", signer: chen)

  /// A new office in a database in a temporary folder, with its admin chen.
  static func office(in folder: TemporaryFolder) throws -> Depot {
    let depot = try Depot(
      store: SQLiteLedger.create(path: folder.file("office.db")),
      clock: FixedClock(TestOffice.start)
    )
    _ = try depot.setUp(
      OfficeSetup(office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen"), signer: chen)
    return depot
  }

  /// Opens a database file, as the command line does.
  static func open(_ path: String) throws -> Depot {
    try Depot(store: SQLiteLedger.open(path: path), clock: FixedClock(TestOffice.start))
  }

  @Test func aBackupIsAnOwnerOnlyCopyThatOpensAndVerifies() throws {
    let folder = try TemporaryFolder()
    let depot = try Self.office(in: folder)
    let admin = Self.admin
    _ = try depot.changeUser(UserChange(.add, name: "audit", roles: [.auditor]), admin)
    #expect(try permissions(of: folder.file("office.db")) == 0o600)
    let head = try depot.backup(to: folder.file("backup.db"), as: "chen")
    #expect(try permissions(of: folder.file("backup.db")) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: folder.file("backup.db.partial")))
    let copy = try Self.open(folder.file("backup.db"))
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
    let admin = Self.admin
    _ = try depot.changeUser(UserChange(.add, name: "audit", roles: [.auditor]), admin)
    _ = try depot.backup(to: folder.file("audit.db"), as: "audit")
    #expect(try Self.open(folder.file("audit.db")).verify(as: "audit").ok)
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
    let admin = Self.admin
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
