import Foundation
import Ledger
import Macros

/// What `depot init` needs: the office and its first admin.
@MemberwiseInit
public struct OfficeSetup: Sendable {
  public var office: String
  public var timezone: String
  public var admin: String

  /// The setup with its names checked and its time zone known: what the caller checks before
  /// it creates the database and the admin's key file.
  public func checked() throws -> OfficeSetup {
    let office = try Text.checked(office, field: .office)
    let admin = try Text.checked(admin, field: .admin, maximumLength: 64)
    _ = try Text.checkedCode(admin, field: .admin)
    guard TimeZone(identifier: timezone) != nil else {
      throw DepotError.invalidTimeZone(timezone)
    }
    return OfficeSetup(office: office, timezone: timezone, admin: admin)
  }
}

/// The office as created.
public struct SetupResult: Codable, Sendable, Equatable {
  public var office: String
  public var timezone: String
  public var admin: String
  /// Where the admin's private key was stored: the engine leaves it to its caller to say.
  public var keyPath: String?
  public var publicKey: String
}

extension Depot {
  /// Creates the office in an empty store with its first admin, whose new key `signer`
  /// holds; the admin's key is enrolled by the admin, the root of the office's trust.
  public func setUp(_ setup: OfficeSetup, signer: any EnvelopeSigner) throws -> SetupResult {
    let setup = try setup.checked()
    let (office, timezone, admin) = (setup.office, setup.timezone, setup.admin)
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
          inputs: RequestInputs([(.admin, admin), (.office, office)]).encoded, roles: [],
          signer: signer, key: key)
        return SetupResult(
          office: office, timezone: timezone, admin: admin, keyPath: nil,
          publicKey: publicKey.hexadecimal)
      }
    }
  }
}
