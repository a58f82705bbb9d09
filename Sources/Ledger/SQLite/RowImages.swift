import Foundation
import GRDB
import Ledger
import Schema

/// A table whose every row is kept as signed images (Schema v6): its key and its columns, in
/// the order the image triggers write them.
struct RowImageTable: Sendable, CustomStringConvertible {
  /// A column as the image holds it: blobs as hexadecimal text.
  struct Column: ExpressibleByStringLiteral, Sendable {
    var name: String
    var isBlob = false

    init(stringLiteral name: String) { self.name = name }
    init(blob name: String) {
      self.name = name
      isBlob = true
    }
  }

  var name: String
  var key: [String]
  var columns: [Column]

  var description: String { name }

  init(_ name: String, key: [String], columns: [Column]) {
    self.name = name
    self.key = key
    self.columns = columns
  }

  /// The SQL that computes a row's key and image exactly as its triggers do.
  var keyExpression: String { "json_array(" + key.map { "t.\($0)" }.joined(separator: ", ") + ")" }
  var imageExpression: String {
    "json_array("
      + columns.map { $0.isBlob ? "hex(t.\($0.name))" : "t.\($0.name)" }.joined(separator: ", ")
      + ")"
  }

  static func blob(_ name: String) -> Column { Column(blob: name) }

  /// Every table under images, as the image triggers of Schema/v6_trust.sql and later write them.
  static let all: [RowImageTable] = [
    RowImageTable(
      "office", key: ["id"],
      columns: ["id", "name", "timezone", "currency", "created_at", "code"]),
    RowImageTable(
      "users", key: ["id"],
      columns: ["id", "name", "created_at"]),
    RowImageTable(
      "user_role", key: ["user_id", "role"],
      columns: ["user_id", "role"]),
    RowImageTable(
      "user_key", key: ["id"],
      columns: [
        "id", "user_id", RowImageTable.blob("public_key"), "state", "created_at", "activated_at",
        "retired_at", "label", "revoked_at",
      ]),
    RowImageTable(
      "item", key: ["id"],
      columns: ["id", "code", "name", "category", "base_unit", "tracking", "created_at"]),
    RowImageTable(
      "item_pack", key: ["item_id", "name"],
      columns: ["item_id", "name", "base_quantity"]),
    RowImageTable(
      "account", key: ["id"],
      columns: [
        "id", "code", "name", "kind", "is_reserve", "licence", "licence_expires", "lead_time_days",
        "created_at",
      ]),
    RowImageTable(
      "user_site", key: ["user_id", "account_id"],
      columns: ["user_id", "account_id"]),
    RowImageTable(
      "period_close", key: ["period"],
      columns: ["period", "closed_by", "closed_at"]),
    RowImageTable(
      "document", key: ["id"],
      columns: [
        "id", "kind", "year", "sequence", "number", "state", "effective_date", "created_by",
        "created_at", "source_account_id", "destination_account_id", "reverses_document_id", "note",
      ]),
    RowImageTable(
      "lot", key: ["id"],
      columns: [
        "id", "item_id", "number", "expiry", "source_account_id", "order_document_id",
        "receipt_document_id", "created_at",
      ]),
    RowImageTable(
      "request_log", key: ["user_id", "ref"],
      columns: ["user_id", "ref", "command", "inputs", "result", "recorded_at"]),
    RowImageTable(
      "issuance_request", key: ["document_id"],
      columns: [
        "document_id", "priority", "needed_by", "floor_override_reason", "requested_at",
        "approved_at", "first_shipped_at", "confirmed_at", "closed_at", "approval_entered_late",
        "shipment_entered_late", "confirmation_entered_late",
      ]),
    RowImageTable(
      "issuance_line", key: ["document_id", "item_id"],
      columns: [
        "document_id", "item_id", "position", "requested", "approved", "shipped", "released",
        "received", "damaged", "missing", "declined", "decline_reason", "declined_on",
      ]),
    RowImageTable(
      "reserve_level", key: ["item_id", "account_id"],
      columns: ["item_id", "account_id", "floor", "minimum", "maximum"]),
    RowImageTable(
      "purchase_request", key: ["document_id"],
      columns: ["document_id", "reason", "needed_by"]),
    RowImageTable(
      "purchase_request_line", key: ["document_id", "item_id"],
      columns: [
        "document_id", "item_id", "position", "quantity", "approved", "declined", "decline_reason",
        "declined_on",
      ]),
    RowImageTable(
      "purchase_order", key: ["document_id"],
      columns: ["document_id", "request_document_id", "contract", "emergency", "justification"]),
    RowImageTable(
      "purchase_order_line", key: ["document_id", "item_id"],
      columns: [
        "document_id", "item_id", "position", "ordered", "price", "price_per", "price_unit",
        "received", "rejected",
      ]),
    RowImageTable(
      "receipt_rejection", key: ["id"],
      columns: [
        "id", "document_id", "order_document_id", "item_id", "lot_number", "quantity", "reason",
      ]),
    RowImageTable(
      "invoice", key: ["id"],
      columns: [
        "id", "order_document_id", "supplier_account_id", "number", "amount", "invoice_date",
        "recorded_by", "recorded_at",
      ]),
    RowImageTable(
      "payment", key: ["id"],
      columns: [
        "id", "order_document_id", "amount", "reference", "prepayment", "paid_on", "recorded_by",
        "recorded_at",
      ]),
    RowImageTable(
      "adjustment", key: ["document_id"],
      columns: ["document_id", "kind", "reason", "account_id", "origin_document_id"]),
    RowImageTable(
      "adjustment_line", key: ["document_id", "position"],
      columns: ["document_id", "position", "item_id", "lot_id", "quantity"]),
    RowImageTable(
      "waste_batch", key: ["document_id"],
      columns: ["document_id", "category", "source_account_id", "adjustment_document_id"]),
    RowImageTable(
      "waste_collection", key: ["batch_document_id"],
      columns: [
        "batch_document_id", "containers", "weight_grams", "collector", "recorded_by",
        "collected_at",
      ]),
    RowImageTable(
      "waste_storage", key: ["batch_document_id"],
      columns: ["batch_document_id", "account_id", "stored_by", "stored_at"]),
    RowImageTable(
      "waste_manifest", key: ["document_id"],
      columns: [
        "document_id", "manifest_number", "contractor_account_id", "licence", "licence_expires",
        "expected_grams", "expected_containers", "weight_grams", "containers", "driver", "vehicle",
        "discrepancy", "handed_over_by", "handed_over_at",
      ]),
    RowImageTable(
      "waste_manifest_batch", key: ["batch_document_id"],
      columns: ["batch_document_id", "manifest_document_id"]),
    RowImageTable(
      "waste_resolution", key: ["manifest_document_id"],
      columns: ["manifest_document_id", "reason", "resolved_by", "resolved_at"]),
    RowImageTable(
      "waste_disposal", key: ["manifest_document_id"],
      columns: [
        "manifest_document_id", "certificate", "method", "destination", "recorded_by",
        "recorded_at",
      ]),
    RowImageTable(
      "lot_recall", key: ["lot_id"],
      columns: ["lot_id", "reason", "recalled_by", "recalled_at"]),
    RowImageTable(
      "disinfection", key: ["id"],
      columns: [
        "id", "lot_id", "account_id", "return_document_id", "started_at", "method", "done_by",
        "done_at",
      ]),
    RowImageTable(
      "stock_count", key: ["document_id"],
      columns: ["document_id", "account_id", "reserved"]),
    RowImageTable(
      "stock_count_line", key: ["document_id", "position"],
      columns: ["document_id", "position", "item_id", "lot_id", "book", "counted"]),
    RowImageTable(
      "user_profile", key: ["user_id"],
      columns: ["user_id", "display_name", "deactivated_at", "deactivation_reason"]),
    RowImageTable(
      "office_setting", key: ["id"],
      columns: ["id", "setting", "value", "effective_from", "recorded_by", "recorded_at"]),
  ]
}

extension SQLiteTransaction {
  /// Follows the row images beside the envelopes that signed them.
  func checkImages(into check: inout LedgerCheck, format: ChainFormat) throws {
    let cursor = try Row.fetchCursor(
      cached("SELECT id, table_name, row_key, image FROM row_image ORDER BY id"))
    var signed = try SignedRangeFollower(self, .images, legacy: format.legacyImages)
    while let row = try cursor.next() {
      let id: Int64 = row[0]
      try signed.follow(
        id,
        imageEncoding(id: id, table: row[1], key: row[2], image: row[3], office: format.office),
        into: &check)
    }
    try signed.finish(into: &check)
  }

  /// Compares every row of every table under images with its latest image, both ways.
  func checkRows(into check: inout LedgerCheck) throws {
    for table in RowImageTable.all {
      if let key = try String.fetchOne(
        cached(
          """
          SELECT k FROM (
            SELECT \(table.keyExpression) AS k, \(table.imageExpression) AS current,
              (SELECT image FROM row_image AS r WHERE r.table_name = ?
                AND r.row_key = \(table.keyExpression) ORDER BY r.id DESC LIMIT 1) AS recorded,
              (SELECT count(*) FROM row_image AS r WHERE r.table_name = ?
                AND r.row_key = \(table.keyExpression)) AS images
            FROM \(table.name) AS t)
          WHERE recorded IS NOT current ORDER BY images > 0 DESC LIMIT 1
          """), arguments: [table.name, table.name])
      {
        let hasImages =
          try Bool.fetchOne(
            cached("SELECT EXISTS (SELECT 1 FROM row_image WHERE table_name = ? AND row_key = ?)"),
            arguments: [table.name, key]) ?? false
        check.problems.append(
          hasImages
            ? .rowDiffers(table: table.name, key: key)
            : .rowUnrecorded(table: table.name, key: key))
        return
      }
      if let key = try String.fetchOne(
        cached(
          """
          SELECT row_key FROM (
            SELECT row_key, image, max(id) FROM row_image WHERE table_name = ? GROUP BY row_key)
          WHERE image IS NOT NULL
            AND row_key NOT IN (SELECT \(table.keyExpression) FROM \(table.name) AS t)
          LIMIT 1
          """), arguments: [table.name])
      {
        check.problems.append(.rowMissing(table: table.name, key: key))
        return
      }
    }
  }

  /// Checks that every trigger the schema created is there, unchanged.
  func checkTriggers(into check: inout LedgerCheck) throws {
    if let version = try firstMigrationMismatch() {
      check.problems.append(.migrationRecordDiffers(version: version))
    }
    var stored: [String: String] = [:]
    for row in try Row.fetchAll(
      cached("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    {
      stored[row["name"]] = row["sql"]
    }
    for (name, sql) in Self.schemaTriggers {
      guard let found = stored[name] else {
        check.problems.append(.triggerMissing(name: name))
        return
      }
      guard found == sql else {
        check.problems.append(.triggerAltered(name: name))
        return
      }
    }
  }

  /// Every trigger the embedded migrations create, by name, as SQLite keeps its text.
  static let schemaTriggers: [(String, String)] = {
    var triggers: [(String, String)] = []
    for migration in Schema.migrations {
      var rest = Substring(migration.sql)
      while let start = rest.range(of: "CREATE TRIGGER ") {
        guard let end = rest.range(of: "\nEND;", range: start.upperBound..<rest.endIndex) else {
          break
        }
        let text = rest[start.lowerBound..<rest.index(end.upperBound, offsetBy: -1)]
        let name = text.dropFirst("CREATE TRIGGER ".count).prefix { $0 != " " && $0 != "\n" }
        triggers.removeAll { $0.0 == String(name) }
        triggers.append((String(name), String(text)))
        rest = rest[end.upperBound...]
      }
    }
    return triggers
  }()
}
