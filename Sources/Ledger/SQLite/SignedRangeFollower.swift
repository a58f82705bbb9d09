import Foundation
import GRDB
import Ledger

/// Follows one kind of signed rows (movements, events or row images) in id order, beside the
/// envelopes that cover them, and checks that each envelope's rows are exactly those it
/// signed: every row after the legacy ones lies in one envelope's range, and the digest of
/// each range is the one the envelope carries.
struct SignedRangeFollower {
  private let kind: SignedRows
  private let legacy: Int64
  private let envelopes: RowCursor
  private var current: EnvelopeRecord?
  private var digest = RangeDigest()
  private var seen: Int64 = 0
  private var reported = false

  init(_ transaction: SQLiteTransaction, _ kind: SignedRows, legacy: Int64) throws {
    self.kind = kind
    self.legacy = legacy
    envelopes = try Row.fetchCursor(transaction.db, sql: "SELECT * FROM envelope ORDER BY id")
  }

  /// Takes the next row; `visit` sees each envelope before the first of its rows.
  mutating func follow(
    _ id: Int64, _ encoding: @autoclosure () -> CanonicalEncoding, into check: inout LedgerCheck,
    visit: (EnvelopeRecord) -> Void = { _ in }
  ) throws {
    guard id > legacy else { return }
    while current.map({ $0.range(kind).last < id }) ?? true {
      if let current { close(current, into: &check) }
      guard let row = try envelopes.next() else {
        current = nil
        report(.unsigned(what: kind, id: id), into: &check)
        return
      }
      let next = try EnvelopeRecord(row: row)
      current = next
      digest = RangeDigest()
      seen = 0
      visit(next)
    }
    guard let current, id >= current.range(kind).first else {
      report(.unsigned(what: kind, id: id), into: &check)
      return
    }
    digest.add(encoding())
    seen += 1
  }

  /// Closes the last envelope; envelopes after the last row are visited and must have signed
  /// none of this kind.
  mutating func finish(
    into check: inout LedgerCheck, visit: (EnvelopeRecord) -> Void = { _ in }
  ) throws {
    if let current { close(current, into: &check) }
    current = nil
    while let row = try envelopes.next() {
      let next = try EnvelopeRecord(row: row)
      visit(next)
      seen = 0
      digest = RangeDigest()
      close(next, into: &check)
    }
  }

  private mutating func close(_ envelope: EnvelopeRecord, into check: inout LedgerCheck) {
    let range = envelope.range(kind)
    guard range.count > 0 || seen > 0 else { return }
    if seen != range.count || digest.finalize() != range.digest {
      report(.notAsSigned(what: kind, envelopeID: envelope.id), into: &check)
    }
  }

  private mutating func report(_ problem: LedgerProblem, into check: inout LedgerCheck) {
    guard !reported else { return }
    reported = true
    check.problems.append(problem)
  }
}

extension EnvelopeRecord {
  func range(_ kind: SignedRows) -> WrittenRange {
    switch kind {
    case .movements: movements
    case .events: events
    case .images: images
    }
  }
}
