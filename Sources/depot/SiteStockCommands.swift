import ArgumentParser
import Inventory

/// `depot use`: consumption at a site.
struct UseCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "use",
    abstract: "Report what a site used (the site's requester, or a clerk).",
    discussion: "Example:\n  depot use --at SITE-CP3 --item MASK-SURG --qty 500 --as li")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The site.") var at: String
  @Option(help: "The item code.") var item: String
  @Option(parsing: .unconditional, help: "The quantity: 500, 10box.") var qty: String
  @Option(help: "The unit of --qty.") var unit: String?
  @Option(parsing: .unconditional, help: "A note.") var note: String?

  func validate() throws { _ = try Parse.quantity(qty, unit: unit) }

  func run(on depot: Depot) throws {
    let report = UseReport(
      site: at, item: item, quantity: try Parse.quantity(qty, unit: unit), note: note)
    try emit(try depot.reportUse(report, global.context(posting)), text: renderDocument)
  }
}

/// `depot return`: unused stock back from a site.
struct ReturnCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "return",
    abstract: "Take unused stock back from a site into a warehouse (clerk).",
    discussion: """
      --qty is everything returned; --damaged is the part found damaged at inspection: it \
      comes back too and is written off at the warehouse (awaiting an approver). Equipment \
      tracked by serial number comes back by --serial and goes into disinfection \
      ('depot disinfect done' makes it available again).

      Example:
        depot return --from SITE-CP3 --to WH-CENTRAL --item MASK-SURG \\
          --qty 200 --damaged 20 --as wang
        depot return --from SITE-CP3 --to WH-CENTRAL --item THERMO-IR \\
          --serial IR-0002 --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The site returning the stock.") var from: String
  @Option(help: "The warehouse taking it back.") var to: String
  @Option(help: "The item code.") var item: String
  @Option(parsing: .unconditional, help: "The quantity returned.") var qty: String?
  @OptionGroup var serials: SerialOptions
  @Option(parsing: .unconditional, help: "How much of it is damaged.") var damaged: String?
  @Option(help: "The unit of --qty and --damaged.") var unit: String?
  @Option(parsing: .unconditional, help: "A note.") var note: String?

  func validate() throws {
    _ = try Parse.quantity(qty, unit: unit, orSerials: try serials.all)
    _ = try Parse.quantity(damaged, unit: unit, flag: "--damaged")
  }

  func run(on depot: Depot) throws {
    let request = StockReturn(
      site: from, warehouse: to, item: item,
      quantity: try Parse.quantity(qty, unit: unit), serials: try serials.all,
      damaged: try Parse.quantity(damaged, unit: unit, flag: "--damaged"),
      note: note)
    try emit(try depot.returnStock(request, global.context(posting)), text: renderDocument)
  }
}
