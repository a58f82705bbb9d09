import Foundation
import Testing

/// What one run of a program printed and how it ended.
struct RunResult: Sendable {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The non-empty lines of standard error.
  var errorLines: [String] {
    stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }

  /// The non-empty lines of standard output.
  var outputLines: [String] {
    stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
  }

  /// Everything printed, for failure messages.
  var transcript: Comment {
    Comment(
      rawValue: "exit \(status)\nstdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))")
  }
}

/// The debug build of the `depot` executable that the test target depends on.
enum DepotBinary {
  static let path: String = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0])
      .deletingLastPathComponent().appendingPathComponent("depot").path
    if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return packageRoot.appendingPathComponent(".build/debug/depot").path
  }()
}

/// A program started in the background; `finish()` waits for it.
final class RunningProcess: @unchecked Sendable {
  private let process: Process
  private let stdoutPath: String
  private let stderrPath: String

  init(process: Process, stdoutPath: String, stderrPath: String) {
    self.process = process
    self.stdoutPath = stdoutPath
    self.stderrPath = stderrPath
  }

  var isRunning: Bool { process.isRunning }

  /// Waits for the program to end and returns what it printed.
  func finish() -> RunResult {
    process.waitUntilExit()
    let read = { (path: String) in
      (try? String(contentsOfFile: path, encoding: .utf8))
        ?? String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return RunResult(
      status: process.terminationStatus, stdout: read(stdoutPath), stderr: read(stderrPath))
  }
}

/// A fresh folder for one test: its own HOME (where key files go) and its own database, and a
/// way to run `depot` and the sqlite3 shell in it.
final class DepotSandbox: @unchecked Sendable {
  /// 2026-11-29 10:00 in Shanghai: the moment every run sees unless a test says otherwise.
  static let now = "2026-11-29T02:00:00.000Z"

  let folder: String
  let home: String
  let database: String
  private let counter = Counter()

  init() throws {
    folder = NSTemporaryDirectory() + "depot-cli-tests-" + UUID().uuidString
    home = folder + "/home"
    database = folder + "/depot.sqlite"
    try FileManager.default.createDirectory(
      atPath: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// A path inside the sandbox.
  func path(_ name: String) -> String { folder + "/" + name }

  /// The default key file of a user under the sandbox's HOME.
  func keyPath(_ user: String) -> String { home + "/.config/depot/keys/\(user).key" }

  /// The environment every run gets: the sandbox's HOME, the fixed clock, no Depot defaults.
  func environment(now: String = DepotSandbox.now, extra: [String: String] = [:]) -> [String:
    String]
  {
    var environment = ProcessInfo.processInfo.environment
    for name in ["XDG_CONFIG_HOME", "DEPOT_DB", "DEPOT_USER", "DEPOT_KEY", "DEPOT_NOW"] {
      environment.removeValue(forKey: name)
    }
    environment["HOME"] = home
    environment["DEPOT_NOW"] = now
    environment["DEPOT_BIN"] = DepotBinary.path
    environment["LC_ALL"] = "C.UTF-8"
    return environment.merging(extra) { $1 }
  }

  /// Runs `depot ARGUMENTS --db DB` and waits for it.
  @discardableResult
  func depot(
    _ arguments: [String], db: String? = nil, now: String = DepotSandbox.now,
    environment extra: [String: String] = [:]
  ) throws -> RunResult {
    try start(
      DepotBinary.path, arguments + ["--db", db ?? database],
      environment: environment(now: now, extra: extra)
    ).finish()
  }

  /// Runs `depot ARGUMENTS --db DB` and requires it to succeed.
  @discardableResult
  func succeed(
    _ arguments: [String], db: String? = nil, now: String = DepotSandbox.now,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let result = try depot(arguments, db: db, now: now)
    try #require(
      result.status == 0,
      "depot \(arguments.joined(separator: " ")) failed: \(result.stderr)",
      sourceLocation: sourceLocation)
    return result
  }

  /// Runs the sqlite3 shell on a database with one SQL script.
  @discardableResult
  func sqlite(_ sql: String, db: String? = nil) throws -> RunResult {
    try start("/usr/bin/sqlite3", [db ?? database, sql], environment: environment()).finish()
  }

  /// The database as SQL text, to prove that a refused command wrote nothing.
  func dump(_ db: String? = nil) throws -> String {
    let result = try start(
      "/usr/bin/sqlite3", [db ?? database, ".dump"], environment: environment()
    )
    .finish()
    try #require(result.status == 0, "sqlite3 .dump failed: \(result.stderr)")
    return result.stdout
  }

  /// Runs a shell script with `$DEPOT_BIN` and `$DB` set, for arguments that a Swift string
  /// cannot carry (bytes that are not UTF-8) and for background loops.
  func shell(
    _ script: String, now: String = DepotSandbox.now, environment extra: [String: String] = [:]
  ) throws -> RunningProcess {
    try start(
      "/bin/sh", ["-c", script],
      environment: environment(now: now, extra: ["DB": database].merging(extra) { $1 }))
  }

  /// Starts a program with its output going to files in the sandbox.
  func start(_ executable: String, _ arguments: [String], environment: [String: String]) throws
    -> RunningProcess
  {
    let number = counter.next()
    let stdoutPath = path("run-\(number).out")
    let stderrPath = path("run-\(number).err")
    FileManager.default.createFile(atPath: stdoutPath, contents: nil)
    FileManager.default.createFile(atPath: stderrPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
    try process.run()
    return RunningProcess(process: process, stdoutPath: stdoutPath, stderrPath: stderrPath)
  }
}

/// A thread-safe counter for unique file names.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}

/// Quotes a string for /bin/sh.
func shellQuoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
