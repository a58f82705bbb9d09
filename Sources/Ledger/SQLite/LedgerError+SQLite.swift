import Foundation
import GRDB
import Ledger

extension LedgerError {
  /// Why a file that SQLite could not open cannot be opened, asked of the file system.
  static func openFailure(path: String) -> LedgerError {
    let folder = (path as NSString).deletingLastPathComponent
    let target =
      FileManager.default.fileExists(atPath: path) ? path : (folder.isEmpty ? "." : folder)
    if access(target, W_OK) != 0 {
      if errno == EROFS { return .readOnly(path: path) }
      return .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    return .cannotOpen(path: path, reason: "SQLite could not open the file or its journal")
  }

  /// Translates an SQLite error so that no SQL text reaches a user.
  static func translating(_ error: DatabaseError, path: String) -> LedgerError {
    switch error.extendedResultCode {
    case .SQLITE_IOERR_WRITE, .SQLITE_IOERR_SHMSIZE, .SQLITE_IOERR_SHMMAP: return .diskFull
    default: break
    }
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
    case .SQLITE_FULL: return .diskFull
    case .SQLITE_READONLY: return .readOnly(path: path)
    case .SQLITE_NOTADB: return .notADepotDatabase(path: path)
    case .SQLITE_CORRUPT: return .corrupt(path: path)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      return openFailure(path: path)
    case .SQLITE_IOERR:
      return .storageFailure(code: error.extendedResultCode.rawValue, path: path)
    case .SQLITE_CONSTRAINT:
      let message = error.message ?? ""
      if let range = message.range(of: "depot: ") {
        return .refusedByDatabase(rule: String(message[range.upperBound...]))
      }
      return .refusedByDatabase(rule: "a constraint of the schema")
    default:
      return .storageFailure(code: error.extendedResultCode.rawValue, path: path)
    }
  }
}
