import Crypto
import Foundation
import Inventory
import Testing

@testable import depot

/// The command line's files (SPEC §7, §8): key files, which the engine never reads, the office
/// database it creates and opens, and the files it imports. The refusals the engine used to
/// make itself, now made here before or while the engine works with the values.
@Suite struct FileRefusalTests {
  /// An office created as `depot init` creates it, in a fresh sandbox: chen's key file is
  /// `sandbox.keyPath("chen")`.
  private func office() throws -> (DepotSandbox, Depot) {
    let sandbox = try DepotSandbox()
    let (depot, result) = try OfficeDatabase.create(
      path: sandbox.database,
      setup: OfficeSetup(office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen"),
      keyPath: sandbox.keyPath("chen"), clock: FixedClock(Moment(DepotSandbox.now)!))
    #expect(result.keyPath == sandbox.keyPath("chen"))
    return (sandbox, depot)
  }

  /// A small write by chen, signed by `signer`.
  @discardableResult
  private func addUser(_ name: String, on depot: Depot, signer: any EnvelopeSigner) throws
    -> UserSummary
  {
    try depot.changeUser(
      UserChange(.add, name: name, roles: [.clerk]), WriteContext(actor: "chen", signer: signer))
  }

  private func events(_ depot: Depot) throws -> Int64 {
    try depot.ledgerHead(as: "chen").eventId
  }

  @Test func anOfficeIsCreatedWithAnOwnerOnlyKeyFileThatSigns() throws {
    let (sandbox, depot) = try office()
    let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.keyPath("chen"))
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    try addUser(
      "wang", on: depot, signer: KeyFileSigner(path: sandbox.keyPath("chen"), user: "chen"))
    let reopened = try OfficeDatabase.open(path: sandbox.database, clock: SystemClock())
    #expect(try reopened.verify(as: "chen").ok)
  }

  @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o610])
  func aKeyFileReadableByOthersSignsNothing(mode: Int) throws {
    let (sandbox, depot) = try office()
    let key = sandbox.keyPath("chen")
    let before = try events(depot)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: key)
    let shown = "0" + String(mode, radix: 8)
    #expect(throws: DepotError.keyFileTooOpen(path: key, mode: shown)) {
      try addUser("wang", on: depot, signer: KeyFileSigner(path: key, user: "chen"))
    }
    #expect(try events(depot) == before)
    #expect(DepotError.keyFileTooOpen(path: "x", mode: shown).category == .notPermitted)
  }

  @Test func aMissingForeignOrGarbledKeyFileSignsNothing() throws {
    let (sandbox, depot) = try office()
    let before = try events(depot)
    let missing = sandbox.path("nobody.key")
    #expect(throws: DepotError.keyFileMissing(user: "chen", path: missing)) {
      try addUser("wang", on: depot, signer: KeyFileSigner(path: missing, user: "chen"))
    }
    let foreign = sandbox.path("foreign.key")
    try KeyFile.write(Curve25519.Signing.PrivateKey(), user: "chen", path: foreign)
    #expect(throws: DepotError.keyMismatch(user: "chen", path: foreign)) {
      try addUser("wang", on: depot, signer: KeyFileSigner(path: foreign, user: "chen"))
    }
    let garbled = sandbox.path("garbled.key")
    #expect(
      FileManager.default.createFile(
        atPath: garbled, contents: Data("not a key\n".utf8),
        attributes: [.posixPermissions: 0o600]))
    #expect(throws: DepotError.keyFileUnreadable(path: garbled)) {
      try addUser("wang", on: depot, signer: KeyFileSigner(path: garbled, user: "chen"))
    }
    #expect(try events(depot) == before)
  }

  @Test func aKeyFileIsReadOnceForAWrite() throws {
    let (sandbox, _) = try office()
    let signer = KeyFileSigner(path: sandbox.keyPath("chen"), user: "chen")
    let publicKey = try signer.publicKey()
    try FileManager.default.removeItem(atPath: sandbox.keyPath("chen"))
    let message = Data("the envelope".utf8)
    let signature = try signer.sign(message)
    let key = try Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
    #expect(key.isValidSignature(signature, for: message))
    #expect(throws: DepotError.keyFileMissing(user: "chen", path: sandbox.keyPath("chen"))) {
      try KeyFileSigner(path: sandbox.keyPath("chen"), user: "chen").publicKey()
    }
  }

  /// Writes a key file `chen.key` in a fresh sandbox, has `write` try to write over it and
  /// expects it refused, naming the file, which stays as it was.
  @discardableResult
  private func expectKeyFileKept(
    by write: (DepotSandbox, String) throws -> Void,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    let path = sandbox.path("chen.key")
    try KeyFile.write(Curve25519.Signing.PrivateKey(), user: "chen", path: path)
    let before = FileManager.default.contents(atPath: path)
    #expect(
      throws: DepotError.invalidOption(
        field: .key,
        reason: "cannot write \(path): a key file already exists there; move it away or "
          + "choose another --key path"), sourceLocation: sourceLocation
    ) {
      try write(sandbox, path)
    }
    #expect(FileManager.default.contents(atPath: path) == before, sourceLocation: sourceLocation)
    return sandbox
  }

  @Test func aKeyFileIsNeverWrittenOver() throws {
    try expectKeyFileKept { _, path in
      try KeyFile.write(Curve25519.Signing.PrivateKey(), user: "chen", path: path)
    }
  }

  @Test func initRefusesAnExistingDatabaseAndWritesNoKey() throws {
    let (sandbox, _) = try office()
    try FileManager.default.removeItem(atPath: sandbox.keyPath("chen"))
    #expect(throws: DepotError.alreadyInitialized(path: sandbox.database)) {
      try OfficeDatabase.create(
        path: sandbox.database,
        setup: OfficeSetup(office: "Other", timezone: "Asia/Shanghai", admin: "chen"),
        keyPath: sandbox.keyPath("chen"), clock: SystemClock())
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("chen")))
  }

  @Test func initOverAnExistingKeyFileCreatesNoDatabaseAndKeepsTheKey() throws {
    let sandbox = try expectKeyFileKept { sandbox, key in
      _ = try OfficeDatabase.create(
        path: sandbox.database,
        setup: OfficeSetup(office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen"),
        keyPath: key, clock: SystemClock())
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.database))
  }

  @Test func initWithABadSetupWritesNothing() throws {
    let sandbox = try DepotSandbox()
    #expect(throws: DepotError.invalidTimeZone("Mars/Olympus")) {
      try OfficeDatabase.create(
        path: sandbox.database,
        setup: OfficeSetup(office: "Xianyu Town", timezone: "Mars/Olympus", admin: "chen"),
        keyPath: sandbox.keyPath("chen"), clock: SystemClock())
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("chen")))
  }

  @Test func aFailedInitRemovesTheDatabaseAndTheKey() throws {
    let sandbox = try DepotSandbox()
    let unwritable = "/nonexistent/dir/x.sqlite"
    #expect(throws: DepotError.self) {
      try OfficeDatabase.create(
        path: unwritable,
        setup: OfficeSetup(office: "Xianyu Town", timezone: "Asia/Shanghai", admin: "chen"),
        keyPath: sandbox.keyPath("chen"), clock: SystemClock())
    }
    #expect(!FileManager.default.fileExists(atPath: unwritable))
    #expect(!FileManager.default.fileExists(atPath: sandbox.keyPath("chen")))
  }

  @Test func aMissingDatabaseIsNotOpened() throws {
    let sandbox = try DepotSandbox()
    let missing = sandbox.path("elsewhere.sqlite")
    #expect(throws: DepotError.self) {
      try OfficeDatabase.open(path: missing, clock: SystemClock())
    }
    #expect(!FileManager.default.fileExists(atPath: missing))
  }

  @Test func anImportOfAMissingFileIsRefused() throws {
    let sandbox = try DepotSandbox()
    let missing = sandbox.path("missing.csv")
    #expect(throws: DepotError.cannotReadFile(path: missing, reason: "no such file")) {
      try ImportRequest.reading(.items, path: missing)
    }
  }

  @Test(.enabled(if: getuid() != 0, "root reads any file"))
  func anImportOfAnUnreadableFileIsRefused() throws {
    let sandbox = try DepotSandbox()
    let file = sandbox.path("items.csv")
    #expect(
      FileManager.default.createFile(
        atPath: file, contents: Data("code\n".utf8), attributes: [.posixPermissions: 0o000]))
    #expect(throws: DepotError.cannotReadFile(path: file, reason: "permission denied")) {
      try ImportRequest.reading(.items, path: file)
    }
  }

  @Test func anImportIsHandedTheFilesBytes() throws {
    let sandbox = try DepotSandbox()
    let file = sandbox.path("items.csv")
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("code,name\r\n".utf8)
    #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
    let request = try ImportRequest.reading(.receipts, path: file, emergencyJustification: "x")
    #expect(request.bytes == bytes)
    #expect(request.file == file)
    #expect(request.kind == .receipts)
    #expect(request.emergencyJustification == "x")
  }
}
