import Foundation
import Testing

/// SPEC §6 and §8, issue 12: exports and backups never follow a link, never write over the
/// database, its -wal or -shm file, a key file, a folder or a device, replace an existing
/// file only with --force, and write through an exclusive temporary file renamed into place.
@Suite struct OutputFileTests {
  /// What a file is on disk: its device, inode, type and bytes (nil when nothing is there).
  struct Identity: Equatable {
    var device: UInt64
    var inode: UInt64
    var type: UInt32
    var bytes: Data?

    init?(_ path: String) {
      var status = stat()
      guard lstat(path, &status) == 0 else { return nil }
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
      type = UInt32(status.st_mode) & UInt32(S_IFMT)
      bytes = type == UInt32(S_IFREG) ? FileManager.default.contents(atPath: path) : nil
    }
  }

  private func office() throws -> DepotSandbox {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    return sandbox
  }

  private func export(_ out: String, _ extra: [String] = []) -> [String] {
    ["export", "ledger", "--out", out, "--as", "chen"] + extra
  }

  /// Requires the database to be as it was: same file, and the ledger still verifies.
  private func expectDatabaseIntact(
    _ sandbox: DepotSandbox, _ before: Identity?, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let after = Identity(sandbox.database)
    #expect(after?.inode == before?.inode, sourceLocation: sourceLocation)
    #expect(after?.type == UInt32(S_IFREG), sourceLocation: sourceLocation)
    try sandbox.succeed(["ledger", "verify", "--as", "chen"], sourceLocation: sourceLocation)
  }

  /// Puts a file at `path`, requires `arguments` to be refused naming it as existing, and the
  /// file to be kept as it was; returns what it was.
  private func expectExistingFileKept(
    _ sandbox: DepotSandbox, _ arguments: [String], at path: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Identity {
    try "an earlier file\n".write(toFile: path, atomically: false, encoding: .utf8)
    let before = try #require(Identity(path), sourceLocation: sourceLocation)
    try sandbox.expectRefused(
      arguments, exit: 1,
      naming: [
        "error: \(path) already exists; give --force to replace it, or choose a new file name"
      ], sourceLocation: sourceLocation)
    #expect(Identity(path) == before, sourceLocation: sourceLocation)
    return before
  }

  private func mode(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
  }

  /// The names in the sandbox's folder that a write left behind (temporary files).
  private func leftovers(_ sandbox: DepotSandbox, in folder: String? = nil) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder ?? sandbox.folder)
      .filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".partial") }
  }

  @Test func aLinkPlantedAtTheOldPartialNameIsLeftAloneAndTheDatabaseKept() throws {
    let sandbox = try office()
    let shared = sandbox.path("shared")
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
    let planted = shared + "/ledger.csv.partial"
    try FileManager.default.createSymbolicLink(
      atPath: planted, withDestinationPath: sandbox.database)
    let database = Identity(sandbox.database)

    try sandbox.succeed(export(shared + "/ledger.csv"))

    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: planted) == sandbox.database)
    #expect(Identity(sandbox.database)?.bytes == database?.bytes, "the database was not touched")
    let csv = try #require(Identity(shared + "/ledger.csv"))
    #expect(csv.type == UInt32(S_IFREG))
    #expect(try leftovers(sandbox, in: shared) == ["ledger.csv.partial"])
    try expectDatabaseIntact(sandbox, database)
  }

  @Test func exportingOntoALinkIsRefusedEvenWithForce() throws {
    let sandbox = try office()
    let link = sandbox.path("ledger.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.database)
    let database = Identity(sandbox.database)
    for extra in [[], ["--force"]] {
      try sandbox.expectRefused(
        export(link, extra), exit: 1,
        naming: [
          "error: \(link) is a symbolic link, which Depot never writes through; remove the link "
            + "or choose another file name"
        ])
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == sandbox.database)
    #expect(try leftovers(sandbox) == [])
    try expectDatabaseIntact(sandbox, database)
  }

  @Test func exportingOntoTheWriteAheadLogIsRefusedAndNoDonationIsLost() throws {
    let sandbox = try office()
    let movements = try sandbox.count("movement")
    let database = Identity(sandbox.database)
    for (suffix, name) in [("-wal", "write-ahead log"), ("-shm", "shared-memory file")] {
      let out = sandbox.database + suffix
      let before = Identity(out)
      try sandbox.expectRefused(
        export(out, ["--force"]), exit: 1,
        naming: ["error: \(out) is the database's \(name); choose another file name"])
      #expect(Identity(out) == before)
    }
    #expect(try sandbox.count("movement") == movements)
    #expect(try leftovers(sandbox) == [])
    try expectDatabaseIntact(sandbox, database)
  }

  @Test func theDatabaseIsRecognisedThroughDotDotAndThroughAHardLink() throws {
    let sandbox = try office()
    try FileManager.default.createDirectory(
      atPath: sandbox.path("x"), withIntermediateDirectories: true)
    let hardLink = sandbox.path("copy.csv")
    try FileManager.default.linkItem(atPath: sandbox.database, toPath: hardLink)
    let database = Identity(sandbox.database)
    for out in [sandbox.path("x/../depot.sqlite"), "./x/../depot.sqlite", hardLink] {
      try sandbox.expectRefused(
        export(out, ["--force"]), exit: 1,
        naming: ["error: \(out) is this office's database; choose another file name"])
      try sandbox.expectRefused(
        ["backup", out, "--force", "--as", "chen"], exit: 1,
        naming: ["error: \(out) is this office's database; choose another file name"])
    }
    #expect(Identity(hardLink)?.inode == database?.inode)
    #expect(try leftovers(sandbox) == [])
    try expectDatabaseIntact(sandbox, database)
  }

  @Test func aKeyFileIsNeverReplacedEvenWithForce() throws {
    let sandbox = try office()
    let key = sandbox.keyPath("chen")
    let before = try #require(Identity(key))
    for arguments in [export(key), export(key, ["--force"]), ["backup", key, "--as", "chen"]] {
      try sandbox.expectRefused(
        arguments, exit: 1,
        naming: [
          "error: \(key) is a private key file, which is never replaced; choose another file name"
        ])
    }
    #expect(Identity(key) == before)
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
    let keys = sandbox.home + "/.config/depot/keys"
    #expect(try leftovers(sandbox, in: keys) == [])
  }

  @Test func aDeviceIsNeverReplaced() throws {
    let sandbox = try office()
    let before = try #require(Identity("/dev/null"))
    #expect(before.type == UInt32(S_IFCHR))
    for arguments in [
      export("/dev/null", ["--force"]), ["backup", "/dev/null", "--force", "--as", "chen"],
    ] {
      try sandbox.expectRefused(
        arguments, exit: 1,
        naming: [
          "error: /dev/null is a device or other special file, not a regular file; "
            + "choose a file name"
        ])
    }
    #expect(Identity("/dev/null") == before)
  }

  @Test func aFolderIsRefused() throws {
    let sandbox = try office()
    let folder = sandbox.path("exports")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try sandbox.expectRefused(
      export(folder, ["--force"]), exit: 1,
      naming: ["error: \(folder) is a folder; give the name of a file in it"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
  }

  @Test func anExistingExportIsKeptWithoutForceAndReplacedWithIt() throws {
    let sandbox = try office()
    let out = sandbox.path("ledger.csv")
    let before = try expectExistingFileKept(sandbox, export(out), at: out)
    #expect(!FileManager.default.fileExists(atPath: out + ".manifest.json"))

    try sandbox.succeed(export(sandbox.path("fresh.csv")))
    try sandbox.succeed(export(out, ["--force"]))
    let replaced = try #require(Identity(out))
    #expect(replaced.inode != before.inode, "renamed into place, not written in place")
    #expect(replaced.bytes == Identity(sandbox.path("fresh.csv"))?.bytes)
    #expect(try mode(out) == 0o600)
    #expect(try leftovers(sandbox) == [])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"])
  }

  @Test func anExistingManifestAloneStopsTheExportBeforeAnythingIsWritten() throws {
    let sandbox = try office()
    let out = sandbox.path("ledger.csv")
    _ = try expectExistingFileKept(sandbox, export(out), at: out + ".manifest.json")
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(try leftovers(sandbox) == [])
  }

  @Test func aBackupReplacesAnExistingFileOnlyWithForce() throws {
    let sandbox = try office()
    let file = sandbox.path("backup.sqlite")
    let before = try expectExistingFileKept(sandbox, ["backup", file, "--as", "chen"], at: file)

    try sandbox.succeed(["backup", file, "--force", "--as", "chen"])
    #expect(Identity(file)?.inode != before.inode)
    #expect(try mode(file) == 0o600)
    #expect(try leftovers(sandbox) == [])
    try sandbox.succeed(["ledger", "verify", "--as", "chen"], db: file)
  }

  @Test func aBackupOntoALinkOrTheWriteAheadLogIsRefused() throws {
    let sandbox = try office()
    let link = sandbox.path("backup.sqlite")
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: sandbox.path("elsewhere.sqlite"))
    let database = Identity(sandbox.database)
    try sandbox.expectRefused(
      ["backup", link, "--force", "--as", "chen"], exit: 1,
      naming: ["error: \(link) is a symbolic link, which Depot never writes through"])
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("elsewhere.sqlite")))
    let wal = sandbox.database + "-wal"
    try sandbox.expectRefused(
      ["backup", wal, "--force", "--as", "chen"], exit: 1,
      naming: ["error: \(wal) is the database's write-ahead log; choose another file name"])
    #expect(try leftovers(sandbox) == [])
    try expectDatabaseIntact(sandbox, database)
  }
}
