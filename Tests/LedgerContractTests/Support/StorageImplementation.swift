import Foundation
import Ledger
import LedgerSQLite
import Testing

/// Every implementation of `LedgerStorage` that the contract runs against. Each contract test
/// takes `StorageImplementation.allCases` as its argument, so a new implementation joins the
/// suite by adding a case here and answering the three questions below.
enum StorageImplementation: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqlite

  var testDescription: String {
    switch self {
    case .sqlite: "SQLite"
    }
  }

  /// A new, empty ledger with the full schema, which nobody else uses.
  func makeEmpty() throws -> any LedgerStorage {
    switch self {
    case .sqlite: try SQLiteLedger.inMemory()
    }
  }

  /// A new, empty ledger kept at a place in `folder` (for SQLite, a file), for the tests that
  /// need the ledger to outlive one connection.
  func makeEmpty(in folder: TemporaryFolder) throws -> any LedgerStorage {
    switch self {
    case .sqlite: try SQLiteLedger.create(path: folder.file("office.sqlite"))
    }
  }

  /// Opens what `LedgerStorage.backup(to:)` wrote at `path`.
  func openBackup(at path: String) throws -> any LedgerStorage {
    switch self {
    case .sqlite: try SQLiteLedger.open(path: path)
    }
  }
}

/// A new owner-only folder (`mkdtemp`), removed with everything in it when the test lets go.
final class TemporaryFolder {
  let path: String

  init() throws {
    var template = Array((NSTemporaryDirectory() + "depot-contract-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    path = String(cString: made)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }
}
