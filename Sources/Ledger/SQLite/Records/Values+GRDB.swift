import GRDB
import Ledger

/// A day is stored as its `YYYY-MM-DD` text; text that names no day fails to decode.
extension Day: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { description.databaseValue }

  public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
    guard case .string(let text) = dbValue.storage else { return nil }
    return Day(text)
  }
}

/// An instant is stored as its ISO 8601 UTC text; text that names no instant fails to decode.
extension Moment: DatabaseValueConvertible {
  public var databaseValue: DatabaseValue { description.databaseValue }

  public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Moment? {
    guard case .string(let text) = dbValue.storage else { return nil }
    return Moment(text)
  }
}
