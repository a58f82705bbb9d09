import Foundation
import Testing

/// SPEC §7: key generation, enrolment and rotation, and the refusals (exit 2) that leave the
/// database untouched.
@Suite struct KeyRefusalTests {
  /// An office with chen (admin), wang (clerk) and zhang (approver, no key yet).
  private func office() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    try sandbox.succeed(["user", "add", "zhang", "--role", "approver", "--as", "chen"])
    return sandbox
  }

  private func keys(_ sandbox: DepotSandbox, of user: String) throws -> KeyList {
    let result = try sandbox.succeed(["key", "show", user, "--json", "--as", "chen"])
    return try JSONDecoder().decode(KeyList.self, from: Data(result.stdout.utf8))
  }

  private func mode(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
  }

  @Test func aGeneratedKeyIsPendingUntilAnAdminEnrolsIt() throws {
    let sandbox = try office()
    let generated = try sandbox.succeed(["key", "generate", "--as", "zhang"])
    #expect(
      generated.stdout.contains("Wrote zhang's private key to \(sandbox.keyPath("zhang"))"),
      generated.transcript)
    let listed = try keys(sandbox, of: "zhang").keys
    let fingerprint = try #require(listed.first?.fingerprint)
    #expect(generated.stdout.contains("Fingerprint: \(fingerprint.prefix(4)) "))
    #expect(
      generated.stdout.contains(
        "an admin, who runs 'depot key enrol zhang --fingerprint \(fingerprint)'"))
    #expect(try mode(sandbox.keyPath("zhang")) == 0o600)
    #expect(listed.map(\.state) == ["pending"])
    let shown = try sandbox.succeed(["key", "show", "zhang", "--as", "chen"])
    #expect(shown.outputLines.count == 3)
    #expect(shown.outputLines.last?.contains("  pending  ") == true, shown.transcript)
    try sandbox.expectRefused(
      ["key", "enrol", "zhang", "--fingerprint", String(fingerprint.prefix(16)), "--as", "chen"],
      exit: 1, naming: ["is not a whole key fingerprint"])

    let enrolled = try sandbox.succeed(
      ["key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "chen"])
    #expect(enrolled.outputLines.first == "Enrolled zhang's key.")
    #expect(try keys(sandbox, of: "zhang").keys.map(\.state) == ["active"])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func enrollingWithAKeyFileReadableByOthersIsRefused() throws {
    let sandbox = try office()
    let fingerprint = try sandbox.generateKey(of: "zhang")
    let chenKey = sandbox.keyPath("chen")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: chenKey)
    try sandbox.expectRefused(
      ["key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "chen"], exit: 2,
      naming: [chenKey, "0644", "chmod 600"])
    #expect(try keys(sandbox, of: "zhang").keys.map(\.state) == ["pending"])
    #expect(try mode(chenKey) == 0o644, "depot does not quietly change the file's mode")
  }

  @Test func enrolmentByANonAdminIsRefused() throws {
    let sandbox = try office()
    let fingerprint = try sandbox.generateKey(of: "zhang")
    try sandbox.expectRefused(
      ["key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "wang"], exit: 2,
      naming: ["wang may not enrol keys", "admin role"])
    try sandbox.expectRefused(
      ["key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "zhang"], exit: 2,
      naming: ["zhang may not enrol keys"])
    #expect(try keys(sandbox, of: "zhang").keys.map(\.state) == ["pending"])
  }

  @Test func enrollingAUserWithNoPendingKeyIsRefused() throws {
    let sandbox = try office()
    try sandbox.expectRefused(
      [
        "key", "enrol", "zhang", "--fingerprint", String(repeating: "0", count: 64), "--as", "chen",
      ],
      exit: 2, naming: ["zhang has no pending key to enrol", "depot key generate"])
    #expect(try keys(sandbox, of: "zhang").keys.isEmpty)
  }

  @Test func enrollingWithAMissingKeyFileIsRefused() throws {
    let sandbox = try office()
    let fingerprint = try sandbox.generateKey(of: "zhang")
    try sandbox.expectRefused(
      [
        "key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "chen", "--key",
        "/nonexistent",
      ], exit: 2, naming: ["no private key for chen at /nonexistent"])
    try FileManager.default.removeItem(atPath: sandbox.keyPath("chen"))
    try sandbox.expectRefused(
      ["key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "chen"], exit: 2,
      naming: ["no private key for chen at \(sandbox.keyPath("chen"))"])
    #expect(try keys(sandbox, of: "zhang").keys.map(\.state) == ["pending"])
  }

  @Test func enrollingWithSomeoneElsesKeyIsRefused() throws {
    let sandbox = try office()
    let fingerprint = try sandbox.generateKey(of: "zhang")
    try sandbox.expectRefused(
      [
        "key", "enrol", "zhang", "--fingerprint", fingerprint, "--as", "chen", "--key",
        sandbox.keyPath("zhang"),
      ], exit: 2,
      naming: [sandbox.keyPath("zhang")])
    #expect(try keys(sandbox, of: "zhang").keys.map(\.state) == ["pending"])
  }

  @Test func generatingAKeyForAnUnknownUserIsRefusedAndLeavesNoKeyFile() throws {
    let sandbox = try office()
    try sandbox.expectRefused(
      ["key", "generate", "--as", "wu"], exit: 2, naming: ["'wu' is not a registered user"])
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("wu")))
  }

  @Test func rotatingLeavesOneActiveAndOneRetiredKey() throws {
    let sandbox = try office()
    try sandbox.enrolKey(of: "zhang")
    let before = try keys(sandbox, of: "zhang")
    let oldFile = try String(contentsOfFile: sandbox.keyPath("zhang"), encoding: .utf8)

    let rotated = try sandbox.succeed(["key", "rotate", "--as", "zhang"])
    #expect(rotated.outputLines.first == "Rotated zhang's key.")
    let after = try keys(sandbox, of: "zhang")
    #expect(after.keys.map(\.state) == ["retired", "active"])
    #expect(after.keys.first?.publicKey == before.keys.first?.publicKey)
    #expect(after.keys.last?.publicKey != before.keys.first?.publicKey)
    let newFile = try String(contentsOfFile: sandbox.keyPath("zhang"), encoding: .utf8)
    #expect(newFile != oldFile, "the key file now holds the new private key")
    #expect(try mode(sandbox.keyPath("zhang")) == 0o600)
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("zhang") + ".new"))

    let verify = try sandbox.succeed(["ledger", "verify", "--as", "chen"])
    #expect(verify.outputLines.contains("ok      signatures and keys (I10)"))
    #expect(verify.stdout.contains("20 signatures checked"), verify.transcript)
  }

  @Test func rotatingAPendingKeyIsRefused() throws {
    let sandbox = try office()
    try sandbox.succeed(["key", "generate", "--as", "zhang"])
    let keyFile = try String(contentsOfFile: sandbox.keyPath("zhang"), encoding: .utf8)
    try sandbox.expectRefused(
      ["key", "rotate", "--as", "zhang"], exit: 2, naming: ["zhang", "pending"])
    #expect(try String(contentsOfFile: sandbox.keyPath("zhang"), encoding: .utf8) == keyFile)
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("zhang") + ".new"))
  }

  @Test func generatingOverAnExistingKeyFileIsRefusedAndRegistersNothing() throws {
    let sandbox = try office()
    let chenKey = sandbox.keyPath("chen")
    let keyFile = try String(contentsOfFile: chenKey, encoding: .utf8)
    try sandbox.expectRefused(
      ["key", "generate", "--as", "zhang", "--key", chenKey], exit: 1,
      naming: [
        "error: '--key' cannot write \(chenKey): a key file already exists there; move it away "
          + "or choose another --key path"
      ])
    #expect(try keys(sandbox, of: "zhang").keys.isEmpty)
    #expect(try String(contentsOfFile: chenKey, encoding: .utf8) == keyFile)
    #expect(!FileManager.default.fileExists(atPath: chenKey + ".new"))
  }

  @Test func aRetriedGenerationReportsTheFirstKeyAndKeepsItsFile() throws {
    let sandbox = try office()
    let first = try sandbox.succeed(["key", "generate", "--as", "zhang", "--ref", "g-1", "--json"])
    let keyFile = try String(contentsOfFile: sandbox.keyPath("zhang"), encoding: .utf8)
    let retried = try sandbox.succeed(
      ["key", "generate", "--as", "zhang", "--ref", "g-1", "--json"])
    #expect(retried.stdout == first.stdout)
    #expect(try String(contentsOfFile: sandbox.keyPath("zhang"), encoding: .utf8) == keyFile)
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("zhang") + ".new"))
    #expect(try keys(sandbox, of: "zhang").keys.map(\.state) == ["pending"])
  }
}
