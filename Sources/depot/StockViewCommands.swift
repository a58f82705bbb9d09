import ArgumentParser
import Foundation
import Inventory
import Output

/// `depot stock`: what is where.
struct StockCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "stock",
    abstract: "Show stock on hand, reserved, available and unusable at every place.",
    discussion: """
      Quantities are in each item's base unit; value is in yuan. On hand is available + \
      reserved + unusable: unusable is what awaits write-off or cannot be used (expired or \
      recalled lots, damaged stock held by a write-off, a count shortage or disinfection, \
      stock at a waste point).

      Example:
        depot stock --at WH-CENTRAL --item MASK-SURG --lots --as wang
        depot stock --as-of 2026-11-30 --json --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @Option(help: "Only this location.") var at: String?
  @Option(help: "Only this item.") var item: String?
  @Flag(help: "One row per lot, with expiry.") var lots = false
  @Option(help: "The stock as it stood at the end of this day, YYYY-MM-DD.") var asOf: String?

  func validate() throws { _ = try Parse.day(asOf, flag: "--as-of") }

  func run(on depot: Depot) throws {
    let query = StockQuery(
      location: at, item: item, byLot: lots,
      asOf: try Parse.day(asOf, flag: "--as-of"))
    let rows = try depot.stock(query, as: global.actingUser)
    if global.json {
      FileHandle.standardOutput.write(Data(json(rows)))
      return
    }
    try emit(rows) { rows in
      guard !rows.isEmpty else { return "No stock." }
      var columns: [Table.Column] = [.init("Item"), .init("Name"), .init("Location")]
      if lots { columns += [.init("Lot"), .init("Expiry")] }
      columns += [
        .init("On hand", alignRight: true), .init("Reserved", alignRight: true),
        .init("Available", alignRight: true), .init("Unusable", alignRight: true), .init("Unit"),
        .init("Value", alignRight: true),
      ]
      var table = Table(columns)
      for row in rows {
        var cells = [row.item, row.itemName, row.location]
        if lots { cells += [row.lot ?? "", row.expiry ?? ""] }
        cells += [
          String(row.onHand), String(row.reserved), String(row.available), String(row.unusable),
          row.unit, row.value,
        ]
        table.append(cells)
      }
      return table.render()
    }
  }
}

/// The stock rows as SPEC §5's JSON array, written directly: the table can be large.
private func json(_ rows: [StockRow]) -> [UInt8] {
  var writer = JSONArrayWriter(capacity: rows.count * 256 + 16)
  for row in rows {
    writer.beginObject()
    writer.field("available", row.available)
    writer.field("expiry", row.expiry)
    writer.field("item", row.item)
    writer.field("itemName", row.itemName)
    writer.field("location", row.location)
    writer.field("lot", row.lot)
    writer.field("onHand", row.onHand)
    writer.field("reserved", row.reserved)
    writer.field("unit", row.unit)
    writer.field("unusable", row.unusable)
    writer.field("value", row.value)
    writer.endObject()
  }
  return writer.finish()
}

/// `depot card`: an item's stock card.
struct CardCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "card",
    abstract: "Show an item's stock card: every movement with a running balance.",
    discussion: """
      Without --at the balance is the stock held across the office. With --from the running \
      balance starts from the balance at the start of that day.

      Example:
        depot card MASK-SURG --at WH-CENTRAL --as wang
        depot card MASK-SURG --lot L2301 --json --as wang
        depot card MASK-SURG --from 2026-11-01 --to 2026-11-30 --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The item code.") var item: String
  @Option(help: "Only movements in and out of this location.") var at: String?
  @Option(parsing: .unconditional, help: "Only this lot.") var lot: String?
  @OptionGroup var period: PeriodOptions<Days>

  func run(on depot: Depot) throws {
    let query = CardQuery(
      item: item, location: at, lot: lot, from: period.first, to: period.last)
    let card = try depot.card(query, as: global.actingUser)
    try emit(card) { card in
      var table = Table([
        .init("Date"), .init("Document"), .init("From"), .init("To"), .init("Lot"),
        .init("In", alignRight: true), .init("Out", alignRight: true),
        .init("Balance", alignRight: true), .init("Value", alignRight: true), .init("By"),
      ])
      for entry in card.entries {
        table.append([
          entry.date, entry.document, entry.from, entry.to, entry.lot ?? "",
          entry.quantityIn == 0 ? "" : String(entry.quantityIn),
          entry.quantityOut == 0 ? "" : String(entry.quantityOut), String(entry.balance),
          entry.value, entry.actor,
        ])
      }
      let scope = [card.location.map { "at \($0)" }, card.lot.map { "lot \($0)" }]
        .compactMap { $0 }.joined(separator: ", ")
      let days = [card.from.map { "from \($0)" }, card.to.map { "to \($0)" }]
        .compactMap { $0 }.joined(separator: " ")
      let opening = card.from.flatMap { from in
        card.opening.map { "Opening balance on \(from): \($0) \(card.unit)\n" }
      }
      return "Stock card \(card.item) \(card.itemName) (\(card.unit))"
        + (scope.isEmpty ? ", whole office" : ", \(scope)") + (days.isEmpty ? "" : ", \(days)")
        + "\n" + (opening ?? "") + table.render() + "\nBalance: \(card.balance) \(card.unit)"
    }
  }
}
