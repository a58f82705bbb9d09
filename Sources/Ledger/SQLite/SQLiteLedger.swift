import Foundation
import GRDB
import Ledger
import Schema

/// The Depot database: opening it, migrating it, and running transactions on it.
///
/// Every write runs in one `BEGIN IMMEDIATE` transaction, so two processes never interleave
/// and a waiting process waits (up to the busy timeout) instead of failing.
public final class SQLiteLedger: LedgerStorage {
  /// `PRAGMA application_id` of every Depot database ("DEPO").
  static let applicationID: Int32 = 0x4445_504F

  /// How long a command waits for another process's write before giving up.
  public static let busyTimeout: TimeInterval = 10

  /// SQLite's page cache while writing: large enough that a big import's transaction does
  /// not spill dirty pages into the WAL again and again before it commits. Reads keep 16 MiB,
  /// enough that whole-ledger scans (verify, exports) do not re-read pages, small enough that
  /// their memory stays flat however long they stream.
  /// While writing, temporary files stay in memory: every movement insert keeps a statement
  /// journal (its balance trigger may abort it), which on disk costs some twenty writes per
  /// row. Reads keep them on disk, so that verify's sorts over every movement spill to a file
  /// instead of growing the process.
  static let writeCacheKibibytes = 131_072
  static let readCacheKibibytes = 16_384

  /// The path the database was opened from.
  public let path: String
  let queue: DatabaseQueue
  public var location: String { path }
  /// The connection of the batch in progress, if any (see `batch`).
  private let batchConnection = BatchConnection()

  private init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
  }

  /// Opens an existing Depot database, bringing an older schema up to date.
  public static func open(path: String) throws -> SQLiteLedger {
    guard FileManager.default.fileExists(atPath: path) else {
      throw LedgerError.databaseMissing(path: path)
    }
    let store = try SQLiteLedger(path: path, queue: connect(path: path))
    try store.checkSchema()
    return store
  }

  /// Creates a new, empty Depot database (owner-only) and applies every migration.
  public static func create(path: String) throws -> SQLiteLedger {
    try createOwnerOnlyFile(at: path)
    do {
      let queue = try connect(path: path)
      try translating(path: path) {
        try queue.writeWithoutTransaction { db in
          try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
      }
      let store = SQLiteLedger(path: path, queue: queue)
      try store.migrate()
      return store
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
  }

  /// Opens an in-memory database with the full schema, for tests.
  public static func inMemory() throws -> SQLiteLedger {
    let store = try SQLiteLedger(
      path: ":memory:", queue: DatabaseQueue(configuration: configuration))
    try store.migrate()
    return store
  }

  /// Runs `body` in one immediate write transaction; any thrown error rolls everything back.
  /// Inside `batch`, it runs in a savepoint of the batch's transaction instead.
  public func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
    try writeTransaction(body)
  }

  /// Runs `body` on one consistent snapshot of the database (inside `batch`, on the batch's
  /// own view of it).
  public func read<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
    try readTransaction(body)
  }

  /// `write`, with the SQLite transaction itself.
  func writeTransaction<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
    try Self.translating(path: path) {
      if let db = batchConnection.database {
        var result: T?
        try db.inSavepoint {
          result = try body(SQLiteTransaction(db: db))
          return .commit
        }
        return result!
      }
      return try queue.writeWithoutTransaction { db in
        try Self.prepareForWriting(db)
        defer { Self.prepareForReading(db) }
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(SQLiteTransaction(db: db))
          return .commit
        }
        return result!
      }
    }
  }

  /// `read`, with the SQLite transaction itself.
  func readTransaction<T>(_ body: (SQLiteTransaction) throws -> T) throws -> T {
    try Self.translating(path: path) {
      if let db = batchConnection.database { return try body(SQLiteTransaction(db: db)) }
      return try queue.read { db in try body(SQLiteTransaction(db: db)) }
    }
  }

  /// Runs many use cases in one immediate transaction, each in its own savepoint, so bulk work
  /// (imports, generated benchmark data) pays for one commit instead of one per use case.
  public func batch<T>(_ body: () throws -> T) throws -> T {
    try Self.translating(path: path) {
      try queue.writeWithoutTransaction { db in
        try Self.prepareForWriting(db)
        defer { Self.prepareForReading(db) }
        var result: T?
        try db.inTransaction(.immediate) {
          batchConnection.database = db
          defer { batchConnection.database = nil }
          result = try body()
          return .commit
        }
        return result!
      }
    }
  }

  /// Takes a consistent copy of the database while others write, into `destination`: a new
  /// owner-only file, or an empty regular file the caller created exclusively (the command
  /// line writes to such a temporary file and renames it into place). Anything else there,
  /// a link included, is refused and left as it was.
  public func backup(to destination: String) throws {
    var status = stat()
    let createdHere = lstat(destination, &status) != 0
    if createdHere {
      try Self.createOwnerOnlyFile(at: destination)
    } else if status.st_mode & S_IFMT != S_IFREG || status.st_size != 0 {
      throw LedgerError.fileExists(path: destination)
    }
    do {
      try Self.translating(path: destination) {
        try queue.writeWithoutTransaction { db in
          try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
        }
      }
    } catch {
      if createdHere { unlink(destination) }
      throw error
    }
  }

  // MARK: - Opening

  private static var configuration: Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      try db.execute(sql: "PRAGMA cache_size = -\(readCacheKibibytes)")
      try db.execute(sql: "PRAGMA temp_store = FILE")
    }
    return configuration
  }

  private static func prepareForWriting(_ db: Database) throws {
    try db.execute(sql: "PRAGMA cache_size = -\(writeCacheKibibytes)")
    try db.execute(sql: "PRAGMA temp_store = MEMORY")
  }

  private static func prepareForReading(_ db: Database) {
    try? db.execute(sql: "PRAGMA cache_size = -\(readCacheKibibytes)")
    try? db.execute(sql: "PRAGMA temp_store = FILE")
  }

  private static func connect(path: String) throws -> DatabaseQueue {
    try translating(path: path) {
      try DatabaseQueue(path: path, configuration: configuration)
    }
  }

  private static func createOwnerOnlyFile(at path: String) throws {
    let descriptor = Foundation.open(
      path, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let reason = errno
      if reason == EEXIST { throw LedgerError.databaseExists(path: path) }
      throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(reason)))
    }
    close(descriptor)
  }

  private func checkSchema() throws {
    let (applicationID, version) = try readTransaction { transaction in
      try transaction.schemaIdentity()
    }
    guard applicationID == Self.applicationID else {
      throw LedgerError.notADepotDatabase(path: path)
    }
    if version > Schema.currentVersion {
      throw LedgerError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
    }
    if version < Schema.currentVersion {
      try migrate()
    }
  }

  private func migrate() throws {
    try writeTransaction { transaction in
      let (applicationID, version) = try transaction.schemaIdentity()
      guard applicationID == Self.applicationID || (applicationID == 0 && version == 0) else {
        throw LedgerError.notADepotDatabase(path: path)
      }
      for migration in Schema.migrations where migration.version > version {
        try transaction.apply(migration)
      }
      try transaction.setSchemaIdentity(applicationID: Self.applicationID)
    }
  }

  static func translating<T>(path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw LedgerError.translating(error, path: path)
    } catch is RowDecodingError {
      throw LedgerError.corrupt(path: path)
    }
  }
}

/// The connection a batch holds while it runs.
private final class BatchConnection: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Database?

  var database: Database? {
    get { lock.withLock { current } }
    set { lock.withLock { current = newValue } }
  }
}
