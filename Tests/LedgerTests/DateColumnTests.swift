import Foundation
import GRDB
import Testing

@testable import Ledger
@testable import LedgerSQLite

@Suite struct DateColumnTests {
  @Test func aDayIsStoredAndEncodedAsItsText() throws {
    let day = try #require(Day("2028-01-31"))
    #expect(day.databaseValue == "2028-01-31".databaseValue)
    #expect(Day.fromDatabaseValue("2028-01-31".databaseValue) == day)
    let json = try JSONEncoder().encode([day])
    #expect(String(decoding: json, as: UTF8.self) == #"["2028-01-31"]"#)
    #expect(try JSONDecoder().decode([Day].self, from: json) == [day])
  }

  @Test func aMomentIsStoredAndEncodedAsItsText() throws {
    let moment = try #require(Moment("2026-11-29T02:00:00.007Z"))
    #expect(moment.milliseconds == 1_795_917_600_007)
    #expect(moment.databaseValue == "2026-11-29T02:00:00.007Z".databaseValue)
    #expect(Moment.fromDatabaseValue("2026-11-29T02:00:00.007Z".databaseValue) == moment)
    let json = try JSONEncoder().encode([moment])
    #expect(String(decoding: json, as: UTF8.self) == #"["2026-11-29T02:00:00.007Z"]"#)
    #expect(try JSONDecoder().decode([Moment].self, from: json) == [moment])
  }

  @Test(arguments: [
    "2026-02-30", "2026-2-28", "20261128", "2026-11-29T02:00:00.000Z", "", "٢٠٢٦-١١-٢٩",
  ])
  func textThatNamesNoDayDoesNotDecode(text: String) throws {
    #expect(Day.fromDatabaseValue(text.databaseValue) == nil)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Day].self, from: Data(#"["\#(text)"]"#.utf8))
    }
  }

  @Test(arguments: [
    "2026-11-29T24:00:00.000Z", "2026-11-29T02:60:00.000Z", "2026-11-29T02:00:00+000Z",
    "2026-11-29T+2:00:00.000Z", "2026-11-29 02:00:00.000Z", "2026-11-29T02:00:00.000",
    "2026-11-29",
  ])
  func textThatNamesNoMomentDoesNotDecode(text: String) throws {
    #expect(Moment(text) == nil)
    #expect(Moment.fromDatabaseValue(text.databaseValue) == nil)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Moment].self, from: Data(#"["\#(text)"]"#.utf8))
    }
  }

  @Test func numbersAndNullAreNeitherDaysNorMoments() {
    #expect(Day.fromDatabaseValue(20_261_129.databaseValue) == nil)
    #expect(Moment.fromDatabaseValue(DatabaseValue.null) == nil)
  }

  @Test func recordsStoreThePlainTextNotJSON() throws {
    let ledger = try SmallLedger()
    let rows = try ledger.store.readTransaction { transaction in
      try [
        "SELECT created_at FROM office",
        "SELECT created_at FROM account WHERE code = 'SUP-JX'",
        "SELECT created_at FROM users WHERE name = 'wang'",
        "SELECT created_at FROM item",
        "SELECT effective_date FROM document WHERE kind = 'TRF'",
        "SELECT created_at FROM document WHERE kind = 'TRF'",
        "SELECT expiry FROM lot WHERE number = 'L-A'",
        "SELECT created_at FROM lot WHERE number = 'L-A'",
        "SELECT effective_date FROM movement WHERE id = 3",
        "SELECT recorded_at FROM movement WHERE id = 3",
        "SELECT recorded_at FROM document_event WHERE id = 3",
      ].map { sql in
        let row = try #require(try Row.fetchOne(transaction.db, sql: sql))
        return row[0] as DatabaseValue
      }
    }
    let moment = "2026-11-29T02:00:00.000Z".databaseValue
    #expect(
      rows == [
        moment, moment, moment, moment, "2026-11-29".databaseValue, moment,
        "2028-01-31".databaseValue, moment, "2026-11-29".databaseValue, moment, moment,
      ])
  }

  @Test func theStoredTextReadsBackAsTheSameValues() throws {
    let ledger = try SmallLedger()
    let (document, lot, movements) = try ledger.store.read { transaction in
      (
        try transaction.document(id: ledger.transfer.id),
        try transaction.lot(id: ledger.lotA.id),
        try transaction.movements(ofDocument: ledger.transfer.id)
      )
    }
    #expect(document?.effectiveDate == Day(year: 2026, month: 11, day: 29))
    #expect(document?.createdAt == Moment("2026-11-29T02:00:00.000Z"))
    #expect(lot?.expiry == Day(year: 2028, month: 1, day: 31))
    #expect(movements.map(\.effectiveDate.description) == Array(repeating: "2026-11-29", count: 3))
    #expect(movements == Array(ledger.movements[2...]))
  }

  @Test(arguments: [
    "UPDATE movement SET effective_date = '2026-02-30' WHERE id = 4",
    "UPDATE movement SET recorded_at = '2026-11-29T25:00:00.000Z' WHERE id = 4",
    "UPDATE movement SET recorded_at = 'yesterday' WHERE id = 4",
    "UPDATE document SET effective_date = '2026-02-30' WHERE kind = 'TRF'",
    "UPDATE document SET created_at = '2026-11-29' WHERE kind = 'TRF'",
  ])
  func aMalformedStoredDateMakesTheReadFail(sql: String) throws {
    let ledger = try SmallLedger()
    try ledger.dropAppendOnlyTriggers()
    try ledger.execute(sql)
    #expect(throws: LedgerError.corrupt(path: ":memory:")) {
      try ledger.store.read { transaction in
        _ = try transaction.document(id: ledger.transfer.id)
        _ = try transaction.movements(ofDocument: ledger.transfer.id)
      }
    }
  }

  @Test func aMalformedExpiryMakesTheStockReadFail() throws {
    let ledger = try SmallLedger()
    try ledger.execute("UPDATE lot SET expiry = '2028-02-30' WHERE number = 'L-B'")
    #expect(throws: LedgerError.corrupt(path: ":memory:")) {
      try ledger.store.read { transaction in
        _ = try transaction.stockPositions(itemID: nil, accountID: nil, asOf: nil)
      }
    }
  }
}
