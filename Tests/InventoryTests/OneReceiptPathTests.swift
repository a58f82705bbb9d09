import Foundation
import GRDB
import Testing

@testable import Inventory
@testable import LedgerSQLite

/// One receipt path (issue 14): the same rows fed through `depot receive` one by one and
/// through `depot import receipts` on two identical offices post the same movements, lots,
/// order quantities and events, and are refused with the same `DepotError`.
@Suite struct OneReceiptPathTests {
  /// One row of a receipts file, its cells as typed.
  struct ReceiptRow: CustomTestStringConvertible, Sendable {
    var name: String
    var order: Int? = nil
    var supplier: String? = nil
    var warehouse = "WH-CENTRAL"
    var item: String
    var qty: String? = nil
    var unit: String? = nil
    var lot: String? = nil
    var expiry: String? = nil
    var serial: String? = nil
    var value: String? = nil
    var rejected: String? = nil
    var reason: String? = nil
    /// The effective date both are run with, if not today.
    var date: String? = nil
    /// Whether the row is an emergency receipt's, without an order (a bad row only).
    var emergency = false

    var testDescription: String { name }

    static let header =
      "order,supplier,warehouse,item,qty,unit,lot,expiry,serial,value,rejected,reason"

    /// The row as a line of the file, against the orders placed.
    func csv(_ orders: [String]) -> String {
      [
        order.map { orders[$0] }, supplier, warehouse, item, qty, unit, lot, expiry, serial,
        value, rejected, reason,
      ]
      .map { cell in
        guard let cell else { return "" }
        return cell.contains(",") ? "\"\(cell)\"" : cell
      }
      .joined(separator: ",")
    }

    /// The row as `depot receive` takes it, parsed as the command line parses its options.
    func request(_ orders: [String], emergency: String?) throws -> ReceiptRequest {
      ReceiptRequest(
        order: order.map { orders[$0] }, source: supplier, warehouse: warehouse, item: item,
        quantity: try qty.map { try QuantityAmount.parse($0, unit: unit) }, lot: lot,
        expiry: expiry.flatMap(Day.init), serials: serial.map { [$0] } ?? [],
        value: value.flatMap(Money.parseYuan),
        rejected: try rejected.map { try QuantityAmount.parse($0, unit: unit) },
        rejectionReason: reason, emergencyJustification: emergency)
    }
  }

  /// Two offices set up alike: orders 0 (2 000 MASK-SURG at 17.99 a box), 1 (500 GLOVE at
  /// 0.12), 2 (3 THERMO-IR at 150.00) and 3 (cancelled), and a second supplier SUP-B.
  static func offices(withStock: Bool = false) throws -> (TestOffice, TestOffice, [String]) {
    var orders: [String] = []
    var offices: [TestOffice] = []
    for _ in 0..<2 {
      let office = try TestOffice()
      _ = try office.depot.addParty(
        NewParty(code: "SUP-B", name: "另一家", kind: .supplier), office.admin)
      orders = [
        try office.order([("MASK-SURG", 2_000)], prices: [price("MASK-SURG", 1_799, per: "box")])
          .number,
        try office.order([("GLOVE", 500)], prices: [price("GLOVE", 12)]).number,
        try office.order([("THERMO-IR", 3)], prices: [price("THERMO-IR", 15_000)]).number,
        try office.order([("GLOVE", 10)], prices: [price("GLOVE", 12)]).number,
      ]
      _ = try office.depot.decideOrder(
        PurchaseOrderDecision(.cancel, number: orders[3], reason: "not needed"),
        office.context("zhang"))
      if withStock {
        try office.receive("MASK-SURG", 10, against: orders[0], lot: "L1", expiry: "2028-01-31")
        try office.receive("THERMO-IR", 1, against: orders[2], serials: ["IR-1"])
      }
      offices.append(office)
    }
    return (offices[0], offices[1], orders)
  }

  /// Feeds the rows through `receive`, one by one, as wang (zhang in an emergency).
  static func receive(
    _ rows: [ReceiptRow], on office: TestOffice, orders: [String], emergency: String?
  ) throws {
    for row in rows {
      _ = try office.depot.receive(
        try row.request(orders, emergency: emergency),
        office.context(emergency == nil ? "wang" : "zhang", date: row.date.flatMap(Day.init)))
    }
  }

  /// Feeds the rows through one import, as wang (zhang in an emergency).
  static func importing(
    _ rows: [ReceiptRow], on office: TestOffice, orders: [String], emergency: String?
  ) throws {
    let file = ([ReceiptRow.header] + rows.map { $0.csv(orders) }).joined(separator: "\n") + "\n"
    _ = try office.depot.importFile(
      ImportRequest(
        kind: .receipts, file: "receipts.csv", bytes: Array(file.utf8),
        emergencyJustification: emergency),
      office.context(
        emergency == nil ? "wang" : "zhang", date: rows.first?.date.flatMap(Day.init)))
  }

  /// What a receipt leaves behind, as rows of text: movements, lots, order lines and states,
  /// rejections and document events; `byDocument` keeps the receipts' numbers and events.
  static func ledger(_ office: TestOffice, byDocument: Bool) throws -> [String: [String]] {
    let queries: [String: String] = [
      "movements": """
      SELECT \(byDocument ? "d.number" : "''"), i.code, l.number, f.code, t.code, m.quantity,
        m.value, m.effective_date
      FROM movement m JOIN item i ON i.id = m.item_id JOIN lot l ON l.id = m.lot_id
        JOIN account f ON f.id = m.from_account_id JOIN account t ON t.id = m.to_account_id
        JOIN document d ON d.id = m.document_id ORDER BY m.id
      """,
      "lots": """
      SELECT i.code, l.number, l.expiry, s.code, o.number, \(byDocument ? "r.number" : "''")
      FROM lot l JOIN item i ON i.id = l.item_id JOIN account s ON s.id = l.source_account_id
        LEFT JOIN document o ON o.id = l.order_document_id
        LEFT JOIN document r ON r.id = l.receipt_document_id ORDER BY l.id
      """,
      "order lines": """
      SELECT d.number, d.state, i.code, ol.ordered, ol.received, ol.rejected
      FROM purchase_order_line ol JOIN document d ON d.id = ol.document_id
        JOIN item i ON i.id = ol.item_id ORDER BY ol.document_id, ol.item_id
      """,
      "rejections": """
      SELECT \(byDocument ? "d.number" : "''"), o.number, i.code, r.lot_number, r.quantity,
        r.reason
      FROM receipt_rejection r JOIN document d ON d.id = r.document_id
        LEFT JOIN document o ON o.id = r.order_document_id JOIN item i ON i.id = r.item_id
      ORDER BY r.id
      """,
      "events": """
      SELECT d.number, e.action, e.from_state, e.to_state, e.reason,
        CASE WHEN d.kind = 'PO' THEN e.payload ELSE '' END
      FROM document_event e JOIN document d ON d.id = e.document_id
      \(byDocument ? "" : "WHERE d.kind = 'never'") ORDER BY e.id
      """,
    ]
    return try office.sqlite.queue.read { db in
      try queries.mapValues { sql in
        try Row.fetchAll(db, sql: sql).map { row in
          (0..<row.count).map { (row[$0] as DatabaseValue).description }.joined(separator: " | ")
        }
      }
    }
  }

  struct Scenario: CustomTestStringConvertible, Sendable {
    var name: String
    var rows: [ReceiptRow]
    var emergency: String? = nil
    /// Whether every row becomes a receipt of its own in the import too, so that document
    /// numbers and events can be compared as well.
    var receiptPerRow = true

    var testDescription: String { name }
  }

  static let scenarios: [Scenario] = [
    Scenario(
      name: "against orders, each row its own receipt",
      rows: [
        ReceiptRow(
          name: "packs", order: 0, item: "MASK-SURG", qty: "10", unit: "box", lot: "L1",
          expiry: "2028-01-31"),
        ReceiptRow(
          name: "rejected at inspection", order: 1, item: "GLOVE", qty: "300", rejected: "20",
          reason: "torn, wet"),
        ReceiptRow(
          name: "supplier named", order: 0, supplier: "SUP-JX",
          warehouse: "WH-TOWN", item: "MASK-SURG", qty: "499", lot: "L2",
          expiry: "2028-06-30"),
        ReceiptRow(name: "serial", order: 2, item: "THERMO-IR", qty: "1", serial: "IR-7"),
        ReceiptRow(name: "the rest", order: 1, warehouse: "WH-TOWN", item: "GLOVE", qty: "200"),
      ]),
    Scenario(
      name: "against an order, rows of one receipt",
      rows: [
        ReceiptRow(
          name: "7", order: 0, item: "MASK-SURG", qty: "7", lot: "L1", expiry: "2028-01-31"),
        ReceiptRow(
          name: "13", order: 0, item: "MASK-SURG", qty: "13", lot: "L1", expiry: "2028-01-31",
          rejected: "3", reason: "wet"),
        ReceiptRow(
          name: "a box", order: 0, item: "MASK-SURG", qty: "1", unit: "box", lot: "L2",
          expiry: "2028-03-31"),
        ReceiptRow(name: "gloves", order: 1, item: "GLOVE", qty: "33"),
        ReceiptRow(name: "more gloves", order: 1, item: "GLOVE", qty: "67"),
      ], receiptPerRow: false),
    Scenario(
      name: "emergency, without orders",
      rows: [
        ReceiptRow(name: "gloves", supplier: "SUP-JX", item: "GLOVE", qty: "100", value: "12.34"),
        ReceiptRow(
          name: "masks", supplier: "SUP-B", item: "MASK-SURG", qty: "2", unit: "box", lot: "E1",
          expiry: "2028-01-31", value: "35.98", rejected: "1", reason: "crushed"),
        ReceiptRow(
          name: "thermometer", supplier: "SUP-JX", warehouse: "WH-TOWN", item: "THERMO-IR",
          qty: "1", serial: "IR-9", value: "150.00"),
      ], emergency: "delivered before the order"),
  ]

  @Test(arguments: scenarios)
  func theSameRowsPostTheSameThroughReceiveAndImport(_ scenario: Scenario) throws {
    let (byReceive, byImport, orders) = try Self.offices()
    try Self.receive(scenario.rows, on: byReceive, orders: orders, emergency: scenario.emergency)
    try Self.importing(scenario.rows, on: byImport, orders: orders, emergency: scenario.emergency)
    let (received, imported) = (
      try Self.ledger(byReceive, byDocument: scenario.receiptPerRow),
      try Self.ledger(byImport, byDocument: scenario.receiptPerRow)
    )
    for table in received.keys.sorted() {
      #expect(received[table] == imported[table], "\(table)")
    }
    #expect(try byReceive.onHand() == byImport.onHand())
    #expect(try byReceive.payables() == byImport.payables())
    #expect(try byReceive.verify().ok)
    #expect(try byImport.verify().ok)
  }

  /// A bad row, one per rule, each refused alike by both.
  static let badRows: [ReceiptRow] = [
    ReceiptRow(
      name: "dated before its order", order: 1, item: "GLOVE", qty: "5", date: "2026-11-28"),
    ReceiptRow(name: "dated in the future", order: 1, item: "GLOVE", qty: "5", date: "2026-11-30"),
    ReceiptRow(name: "more than outstanding", order: 1, item: "GLOVE", qty: "501"),
    ReceiptRow(name: "not on the order", order: 0, item: "GLOVE", qty: "1"),
    ReceiptRow(name: "a cancelled order", order: 3, item: "GLOVE", qty: "1"),
    ReceiptRow(
      name: "the order's other supplier", order: 1, supplier: "SUP-B", item: "GLOVE", qty: "1"),
    ReceiptRow(
      name: "an unknown supplier", order: 1, supplier: "SUP-NONE", item: "GLOVE", qty: "1"),
    ReceiptRow(name: "a value with an order", order: 1, item: "GLOVE", qty: "1", value: "5.00"),
    ReceiptRow(name: "no order", item: "GLOVE", qty: "1"),
    ReceiptRow(name: "no order, with a value", item: "GLOVE", qty: "1", value: "5.00"),
    ReceiptRow(name: "into a site", order: 1, warehouse: "SITE-CP3", item: "GLOVE", qty: "1"),
    ReceiptRow(name: "unknown item", order: 1, item: "NOPE", qty: "1"),
    ReceiptRow(name: "unknown unit", order: 1, item: "GLOVE", qty: "1", unit: "crate"),
    ReceiptRow(name: "part of a piece", order: 1, item: "GLOVE", qty: "1.5"),
    ReceiptRow(name: "no lot", order: 0, item: "MASK-SURG", qty: "1"),
    ReceiptRow(name: "no expiry", order: 0, item: "MASK-SURG", qty: "1", lot: "L9"),
    ReceiptRow(
      name: "lot on an untracked item", order: 1, item: "GLOVE", qty: "1", lot: "L1",
      expiry: "2028-01-31"),
    ReceiptRow(
      name: "serial on an untracked item", order: 1, item: "GLOVE", qty: "1", serial: "S1"),
    ReceiptRow(
      name: "already expired", order: 0, item: "MASK-SURG", qty: "1", lot: "OLD",
      expiry: "2026-01-01"),
    ReceiptRow(
      name: "a known lot with another expiry", order: 0, item: "MASK-SURG", qty: "1", lot: "L1",
      expiry: "2029-01-31"),
    ReceiptRow(
      name: "a bad lot number", order: 0, item: "MASK-SURG", qty: "1", lot: "L\u{200B}1",
      expiry: "2028-01-31"),
    ReceiptRow(name: "a lot on a serial item", order: 2, item: "THERMO-IR", qty: "1", lot: "L1"),
    ReceiptRow(name: "no serial", order: 2, item: "THERMO-IR", qty: "1"),
    ReceiptRow(
      name: "two pieces, one serial", order: 2, item: "THERMO-IR", qty: "2", serial: "IR-8"),
    ReceiptRow(
      name: "a serial received before", order: 2, item: "THERMO-IR", qty: "1", serial: "IR-1"),
    ReceiptRow(name: "rejected without a reason", order: 1, item: "GLOVE", qty: "1", rejected: "1"),
    ReceiptRow(name: "a reason without rejected", order: 1, item: "GLOVE", qty: "1", reason: "wet"),
    ReceiptRow(
      name: "rejected, part of a piece", order: 1, item: "GLOVE", qty: "1", unit: "box",
      rejected: "0.005"),
    ReceiptRow(
      name: "emergency with an order", order: 1, supplier: "SUP-JX", item: "GLOVE", qty: "1",
      value: "1.00", emergency: true),
    ReceiptRow(
      name: "emergency without a supplier", item: "GLOVE", qty: "1", value: "1.00", emergency: true),
    ReceiptRow(
      name: "emergency without a value", supplier: "SUP-JX", item: "GLOVE", qty: "1",
      emergency: true),
    ReceiptRow(
      name: "emergency from a donor", supplier: "DON-RC", item: "GLOVE", qty: "1", value: "1.00",
      emergency: true),
    ReceiptRow(
      name: "emergency from an unknown supplier", supplier: "SUP-NONE", item: "GLOVE", qty: "1",
      value: "1.00", emergency: true),
    ReceiptRow(
      name: "emergency in the future", supplier: "SUP-JX", item: "GLOVE", qty: "1", value: "1.00",
      date: "2026-11-30", emergency: true),
  ]

  /// How an import refused: a single bad row's refusal, or the whole file's.
  static func importRefusal(_ body: () throws -> Void) -> DepotError? {
    do {
      try body()
    } catch DepotError.importRejected(_, let problems) {
      guard problems.count == 1, problems[0].line == 2 else {
        Issue.record("refused with \(problems)")
        return nil
      }
      return problems[0].refusal
    } catch let error as DepotError {
      return error
    } catch {
      Issue.record("refused otherwise: \(error)")
    }
    return nil
  }

  @Test func aBadRowIsRefusedAlikeByReceiveAndImport() throws {
    let (byReceive, byImport, orders) = try Self.offices(withStock: true)
    let (movements, events) = (
      try byImport.depot.ledgerHead(as: "audit"), try byImport.eventCount()
    )
    for row in Self.badRows {
      let justification = row.emergency ? "delivered before the order" : nil
      var received: DepotError?
      do {
        try Self.receive([row], on: byReceive, orders: orders, emergency: justification)
        Issue.record("\(row.name): receive accepted it")
      } catch let error as DepotError {
        received = error
      }
      let imported = Self.importRefusal {
        try Self.importing([row], on: byImport, orders: orders, emergency: justification)
      }
      #expect(received != nil, "\(row.name)")
      #expect(imported == received, "\(row.name)")
    }
    #expect(try byImport.depot.ledgerHead(as: "audit") == movements)
    #expect(try byImport.eventCount() == events)
  }
}
