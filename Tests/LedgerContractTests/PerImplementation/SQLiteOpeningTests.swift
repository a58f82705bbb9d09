import Foundation
import Ledger
import LedgerSQLite
import Testing

/// Per implementation, not part of the shared contract: how the SQLite implementation opens
/// and creates its files. Each implementation names its own places and gets a suite like
/// this one beside the contract.
@Suite("Per implementation: SQLite files") struct SQLiteOpeningTests {
  @Test func openingAMissingFileIsRefusedByItsPath() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("missing.sqlite")
    #expect(throws: LedgerError.databaseMissing(path: path)) {
      try SQLiteLedger.open(path: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func creatingOverAnExistingFileIsRefusedAndTheFileKept() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("office.sqlite")
    #expect(FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8)))
    #expect(throws: LedgerError.databaseExists(path: path)) {
      try SQLiteLedger.create(path: path)
    }
    #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
  }

  @Test func aFileThatIsNotADatabaseIsNamed() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("notes.txt")
    #expect(
      FileManager.default.createFile(
        atPath: path, contents: Data(repeating: 0x41, count: 4096)))
    #expect(throws: LedgerError.notADepotDatabase(path: path)) {
      try SQLiteLedger.open(path: path)
    }
  }

  @Test func aCreatedFileOpensAgainWithItsLedger() throws {
    let folder = try TemporaryFolder()
    let ledger = try ContractLedger(on: StorageImplementation.sqlite.makeEmpty(in: folder))
    let reopened = try SQLiteLedger.open(path: folder.file("office.sqlite"))
    #expect(reopened.location == folder.file("office.sqlite"))
    #expect(try ledger.snapshot(reopened) == ledger.snapshot())
    #expect(try ledger.check(reopened).problems == [])
  }
}
