import Crypto
import Foundation
import Ledger
import LedgerSQLite

/// What `depot init` needs: the office and its first admin.
public struct OfficeSetup: Sendable {
  public var office: String
  public var timezone: String
  public var admin: String
  /// Where the admin's new private key is written.
  public var keyPath: String

  public init(office: String, timezone: String, admin: String, keyPath: String) {
    self.office = office
    self.timezone = timezone
    self.admin = admin
    self.keyPath = keyPath
  }
}

/// The office as created.
public struct SetupResult: Codable, Sendable, Equatable {
  public var office: String
  public var timezone: String
  public var admin: String
  public var keyPath: String
  public var publicKey: String
}

extension Depot {
  /// Creates a new office database with its first admin and that admin's key pair; the
  /// admin's key is enrolled by the admin, the root of the office's trust.
  public static func initialize(
    path: String, setup: OfficeSetup, clock: any DepotClock = SystemClock()
  ) throws -> (Depot, SetupResult) {
    let office = try Text.checked(setup.office, field: "--office")
    let admin = try Text.checked(setup.admin, field: "--admin", maximumLength: 64)
    _ = try Text.checkedCode(admin, field: "--admin")
    guard TimeZone(identifier: setup.timezone) != nil else {
      throw DepotError.invalidTimeZone(setup.timezone)
    }
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DepotError.alreadyInitialized(path: path)
    }
    let privateKey = Curve25519.Signing.PrivateKey()
    try KeyFile.write(privateKey, user: admin, path: setup.keyPath)
    do {
      let store = try storage { try SQLiteLedger.create(path: path) }
      let depot = Depot(store: store, clock: clock)
      let result = try depot.setUp(
        office: office, timezone: setup.timezone, admin: admin, keyPath: setup.keyPath,
        signer: MemorySigner(privateKey))
      return (depot, result)
    } catch {
      if let error = error as? DepotError, case .alreadyInitialized = error {
      } else {
        try? FileManager.default.removeItem(atPath: path)
      }
      try? FileManager.default.removeItem(atPath: setup.keyPath)
      throw error
    }
  }

  /// Creates an office in an empty store (tests use an in-memory one).
  func setUp(
    office: String, timezone: String, admin: String, keyPath: String,
    signer: any EnvelopeSigner
  ) throws -> SetupResult {
    let publicKey = try signer.publicKey()
    return try Self.storage {
      try store.write { transaction in
        let position = try transaction.writePosition()
        let now = clock.now()
        try transaction.insertOffice(OfficeRecord(name: office, timezone: timezone, createdAt: now))
        let user = try transaction.insertUser(name: admin, createdAt: now)
        try transaction.grant(role: Role.admin.rawValue, toUser: user.id)
        let key = try transaction.insertKey(
          userID: user.id, publicKey: publicKey, state: .active, createdAt: now, label: nil)
        let session = try Session(
          transaction: transaction, actorName: admin, clock: clock, effectiveDate: nil)
        try session.record(
          subject: "office", action: "office.init",
          payload: Payload([("office", office), ("timezone", timezone), ("admin", admin)]))
        try session.record(
          subject: "user \(admin)", action: "user.add",
          payload: Payload([
            ("user", admin), ("id", String(user.id)), ("roles", Role.admin.rawValue),
          ]))
        try session.record(
          subject: "key \(admin)", action: "key.enrol", to: "active",
          payload: Payload([
            ("user", admin), ("key", String(key.id)), ("publicKey", publicKey.hexadecimal),
          ]))
        try Signing.seal(
          session, since: position, useCase: "init",
          inputs: RequestInputs([("--admin", admin), ("--office", office)]).encoded, roles: [],
          signer: signer, key: key)
        return SetupResult(
          office: office, timezone: timezone, admin: admin, keyPath: keyPath,
          publicKey: publicKey.hexadecimal)
      }
    }
  }
}
