import Crypto
import Foundation
import Testing

@testable import Inventory

/// The user and key tables are not chained; `verify` compares them with the signed history.
@Suite struct KeyTableTamperTests {
  static let check = "signatures and keys (I10)"

  /// Expects `verify` to fail the signature check and this one, naming the key with this id
  /// as differing from its signed history.
  static func expectKeyNamed(
    _ id: Int64, by office: TestOffice, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try office.verify().expect(
      failing: [VerificationTests.signedCheck, check], check,
      problem: "key \(id) in the key table differs from its signed history",
      sourceLocation: sourceLocation)
  }

  @Test func aReplacedPublicKeyIsNamed() throws {
    let office = try TestOffice()
    let key = try #require(try office.storedKeys(of: "zhang").first)
    let forged = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
    try office.execute("UPDATE user_key SET public_key = ? WHERE id = ?", [forged, key.id])
    try Self.expectKeyNamed(key.id, by: office)
  }

  @Test func aPendingKeyActivatedWithoutAnEnrolmentIsNamed() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    try office.generate("ma")
    let key = try #require(try office.storedKeys(of: "ma").first)
    try office.execute("UPDATE user_key SET state = 'active' WHERE id = ?", [key.id])
    try Self.expectKeyNamed(key.id, by: office)
  }

  @Test func aKeyInsertedBehindTheEnginesBackIsNamed() throws {
    let office = try TestOffice()
    try office.addKeylessUser("ma")
    let forged = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
    try office.execute(
      """
      INSERT INTO user_key (user_id, public_key, state, created_at)
      VALUES (?, ?, 'pending', '2026-11-29T02:00:00.000Z')
      """, [try office.userID("ma"), forged])
    let key = try #require(try office.storedKeys(of: "ma").first)
    try Self.expectKeyNamed(key.id, by: office)
  }

  @Test func aRenamedUserIsNamed() throws {
    let office = try TestOffice()
    let id = try office.userID("wang")
    try office.execute("UPDATE users SET name = 'mallory' WHERE id = ?", [id])
    let report = try office.verify()
    report.expect(
      failing: [VerificationTests.signedCheck, Self.check], Self.check,
      problem:
        "user \(id) (mallory) in the user, role or site tables differs from its recorded history")
  }

  /// ChainAudit says it trusts only the chain and compares the user, role and key tables
  /// with it; a role granted behind the engine's back must therefore be reported.
  @Test func aRoleGrantedBehindTheEnginesBackIsReported() throws {
    let office = try TestOffice()
    try office.execute(
      "INSERT INTO user_role (user_id, role) VALUES (?, 'admin')", [try office.userID("wang")])
    let report = try office.verify()
    #expect(report.failedChecks == [VerificationTests.signedCheck, Self.check])
    #expect(report.problem(of: Self.check) != nil)
  }
}
