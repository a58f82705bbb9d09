import Crypto
import Foundation
import Inventory
import LedgerSQLite

/// The office's database file: the command line opens or creates it and hands the engine the
/// store.
enum OfficeDatabase {
  /// Opens the Depot database at `path`.
  static func open(path: String, clock: any DepotClock) throws -> Depot {
    Depot(store: try Depot.storage { try SQLiteLedger.open(path: path) }, clock: clock)
  }

  /// Creates a new office database at `path` with its first admin, and that admin's new key
  /// pair with the private key written owner-only to `keyPath`. Refuses a database that is
  /// already there; on a failure removes what it wrote.
  static func create(
    path: String, setup: OfficeSetup, keyPath: String, clock: any DepotClock
  ) throws -> (Depot, SetupResult) {
    let setup = try setup.checked()
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DepotError.alreadyInitialized(path: path)
    }
    let privateKey = Curve25519.Signing.PrivateKey()
    try KeyFile.write(privateKey, user: setup.admin, path: keyPath)
    do {
      let store = try Depot.storage { try SQLiteLedger.create(path: path) }
      let depot = Depot(store: store, clock: clock)
      var result = try depot.setUp(setup, signer: MemorySigner(privateKey))
      result.keyPath = keyPath
      return (depot, result)
    } catch {
      if let error = error as? DepotError, case .alreadyInitialized = error {
      } else {
        try? FileManager.default.removeItem(atPath: path)
      }
      try? FileManager.default.removeItem(atPath: keyPath)
      throw error
    }
  }
}
