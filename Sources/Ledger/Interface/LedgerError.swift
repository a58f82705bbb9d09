import Foundation

/// A storage failure, translated from SQLite into a sentence for people.
public enum LedgerError: Error, Equatable, Sendable {
  /// No file exists at the path.
  case databaseMissing(path: String)
  /// `init` was asked to create a database where one already exists.
  case databaseExists(path: String)
  /// The file could not be created or opened.
  case cannotOpen(path: String, reason: String)
  /// A new file (a backup) would overwrite an existing one.
  case fileExists(path: String)
  /// The file is not an SQLite database written by Depot.
  case notADepotDatabase(path: String)
  /// The database was written by a newer version of Depot.
  case newerSchema(path: String, found: Int, supported: Int)
  /// Another process kept the database locked past the busy timeout.
  case busy
  /// The disk or filesystem is full.
  case diskFull
  /// The database file or its folder is read-only.
  case readOnly(path: String)
  /// The database refused a write that would break one of its own rules.
  case refusedByDatabase(rule: String)
  /// The file is damaged.
  case corrupt(path: String)
  /// Any other storage failure, by SQLite result code.
  case storageFailure(code: Int32, path: String)
}

extension LedgerError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .databaseMissing(let path):
      "no Depot database at \(path); run 'depot init' first or pass --db with the right path"
    case .databaseExists(let path):
      "a database already exists at \(path); choose another --db path to start a new office"
    case .cannotOpen(let path, let reason):
      "cannot open the database at \(path): \(reason)"
    case .fileExists(let path):
      "a file already exists at \(path); choose a new file name"
    case .notADepotDatabase(let path):
      "\(path) is not a Depot database; check the --db path"
    case .newerSchema(let path, let found, let supported):
      "\(path) was written by a newer Depot (schema version \(found), but this depot reads "
        + "versions up to \(supported)); install a newer depot to open it"
    case .busy:
      "the database stayed busy (another process was writing) past the timeout; try again"
    case .diskFull:
      "the disk holding the database is full (it could not be written); free some space and try "
        + "again (nothing was written)"
    case .readOnly(let path):
      "the database at \(path) is read-only; check the permissions of the file and its folder"
    case .refusedByDatabase(let rule):
      "the database refused the change: \(rule)"
    case .corrupt(let path):
      "the database at \(path) is damaged; restore it from a backup ('depot backup')"
    case .storageFailure(let code, let path):
      "the database at \(path) could not complete the command (SQLite code \(code)); "
        + "nothing was written"
    }
  }
}
