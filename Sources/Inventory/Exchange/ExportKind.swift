import CSV
import Ledger

/// The CSV exports (SPEC §6), each with one documented column set. An export that streams
/// from the ledger lists its columns with their formats in the order its query gives them;
/// adding one is a case here, its columns, and its query in the ledger.
public enum ExportKind: String, CaseIterable, Codable, Sendable {
  case ledger, stock, payables, donations, waste

  /// How a column is written.
  enum Format {
    /// Text, neutralised if it could run as a formula; empty for NULL.
    case text
    /// A whole number; empty for NULL.
    case integer
    /// Fen written as yuan with two decimals; empty for NULL.
    case money
    /// An instant as stored, written in ISO 8601 with the office's offset; empty for NULL.
    case instant
  }

  /// The columns, in order.
  var columns: [(name: String, format: Format)] {
    switch self {
    case .ledger:
      [
        ("movement", .integer), ("date", .text), ("recorded_at", .instant), ("document", .text),
        ("item", .text), ("item_name", .text), ("lot", .text), ("expiry", .text),
        ("provenance", .text), ("order", .text), ("from", .text), ("to", .text),
        ("quantity", .integer), ("unit", .text), ("value", .money), ("actor", .text),
      ]
    case .stock:
      [
        ("item", .text), ("item_name", .text), ("location", .text), ("location_name", .text),
        ("lot", .text), ("expiry", .text), ("provenance", .text), ("order", .text),
        ("quantity", .integer), ("unit", .text), ("value", .money),
      ]
    case .payables:
      [
        ("supplier", .text), ("supplier_name", .text), ("order", .text), ("state", .text),
        ("emergency", .text), ("ordered", .money), ("received", .money), ("invoiced", .money),
        ("paid", .money), ("prepaid", .money), ("received_not_invoiced", .money),
        ("invoiced_not_paid", .money), ("advance", .money), ("owed", .money), ("flag", .text),
      ]
    case .donations:
      [
        ("date", .text), ("document", .text), ("donor", .text), ("donor_name", .text),
        ("item", .text), ("item_name", .text), ("lot", .text), ("expiry", .text),
        ("status", .text), ("quantity", .integer), ("unit", .text), ("value", .money),
        ("reason", .text),
      ]
    case .waste:
      [
        ("batch", .text), ("state", .text), ("category", .text), ("source", .text),
        ("source_name", .text), ("opened_at", .text), ("deadline", .text), ("overdue", .text),
        ("handed_over_late", .text), ("write_off", .text), ("contents", .text),
        ("weight_grams", .integer), ("containers", .integer), ("collector", .text),
        ("collected_at", .text), ("storage_point", .text), ("stored_at", .text),
        ("manifest", .text), ("manifest_number", .text), ("contractor", .text),
        ("licence", .text), ("licence_expires", .text), ("handed_over_by", .text),
        ("handed_over_at", .text), ("driver", .text), ("vehicle", .text),
        ("discrepancy", .text), ("resolution", .text), ("resolved_by", .text),
        ("disposal_method", .text), ("destination", .text), ("certificate", .text),
        ("disposed_at", .text),
      ]
    }
  }

  /// Whether `--from` applies; the others are a state as of `--to`.
  var takesFrom: Bool { self == .ledger || self == .donations || self == .waste }

  /// Writes the rows and returns how many there were.
  func writeRows(
    _ session: Session, from: Day?, to: Day?, into writer: CSVWriter,
    progress: (Int64) -> Void
  ) throws -> Int64 {
    let formats = columns.map(\.format)
    let localTime = LocalTime(session.timeZone)
    var count: Int64 = 0
    let write: (StreamedRow) throws -> Void = { row in
      try Self.write(row, formats: formats, localTime: localTime, into: writer)
      count += 1
      if count % 50_000 == 0 { progress(count) }
    }
    switch self {
    case .ledger:
      return try session.transaction.streamMovements(
        from: from, to: to, write)
    case .stock:
      return try session.transaction.streamStock(asOf: to, write)
    case .donations:
      return try session.transaction.streamDonations(
        from: from, to: to, write)
    case .payables:
      return try Self.writePayables(session, asOf: to, into: writer)
    case .waste:
      return try Self.writeWasteRegister(session, from: from, to: to, into: writer)
    }
  }

  private static func write(
    _ row: StreamedRow, formats: [Format], localTime: LocalTime, into writer: CSVWriter
  ) throws {
    for index in formats.indices {
      let column = Int32(index)
      switch formats[index] {
      case .text:
        writer.text(row.text(column))
      case .integer:
        if row.isNull(column) { writer.empty() } else { writer.integer(row.integer(column)) }
      case .money:
        if row.isNull(column) {
          writer.empty()
        } else {
          writer.decimal(row.integer(column), places: 2)
        }
      case .instant:
        if row.isNull(column) {
          writer.empty()
        } else {
          guard let moment = Moment(utf8: row.text(column)) else {
            throw DepotError.damagedDatabase(
              "the ledger holds '\(String(decoding: row.text(column), as: UTF8.self))' where an "
                + "instant belongs")
          }
          writer.text(localTime.iso8601(moment))
        }
      }
    }
    try writer.endRecord()
  }

  private static func writePayables(_ session: Session, asOf: Day?, into writer: CSVWriter)
    throws -> Int64
  {
    let payables = try session.orderPayables(supplier: nil, asOf: asOf)
    for payable in payables {
      let (row, account) = (payable.row, payable.account)
      for text in [row.supplierCode, row.supplierName, row.number, row.state.rawValue] {
        writer.text(text)
      }
      writer.text(row.emergency ? "yes" : "no")
      for fen in [
        account.ordered, account.received, account.invoiced, account.paid, row.prepaid,
        account.receivedNotInvoiced, account.invoicedNotPaid, account.advance, account.owed,
      ] {
        writer.decimal(fen, places: 2)
      }
      writer.text(account.flag ?? "")
      try writer.endRecord()
    }
    return Int64(payables.count)
  }

  /// The waste register, one row per batch opened in the period, oldest first.
  private static func writeWasteRegister(
    _ session: Session, from: Day?, to: Day?, into writer: CSVWriter
  ) throws -> Int64 {
    var count: Int64 = 0
    let localTime = LocalTime(session.timeZone)
    try session.transaction.forEachWasteRegisterRow(session.registerFilter(from: from, to: to)) {
      row in
      let entry = try session.registerEntry(row)
      for text in [
        entry.batch, entry.state, entry.category, entry.source, entry.sourceName,
        localTime.iso8601(entry.openedAt), localTime.iso8601(entry.deadline),
        entry.overdue ? "yes" : "no", entry.handedOverLate ? "yes" : "no",
      ] {
        writer.text(text)
      }
      writer.text(entry.writeOff ?? "")
      writer.text(entry.contents ?? "")
      for number in [entry.weightGrams, entry.containers] {
        if let number { writer.integer(number) } else { writer.empty() }
      }
      for text in [
        entry.collector, entry.collectedAt.map(localTime.iso8601), entry.storagePoint,
        entry.storedAt.map(localTime.iso8601), entry.manifest, entry.manifestNumber,
        entry.contractor, entry.licence, entry.licenceExpires?.description, entry.handedOverBy,
        entry.handedOverAt.map(localTime.iso8601), entry.driver, entry.vehicle,
        entry.discrepancy, entry.resolution, entry.resolvedBy, entry.disposalMethod,
        entry.destination, entry.certificate, entry.disposedAt.map(localTime.iso8601),
      ] {
        writer.text(text ?? "")
      }
      try writer.endRecord()
      count += 1
    }
    return count
  }
}
