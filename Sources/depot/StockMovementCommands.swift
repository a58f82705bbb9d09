import ArgumentParser
import Inventory
import Output

/// The options of a receipt line, shared by purchases and donations.
struct ReceiptLineOptions: ParsableArguments {
  @Option(help: "The warehouse receiving the goods.") var to: String
  @Option(help: "The item code.") var item: String
  @Option(parsing: .unconditional, help: "The quantity: 40, 1.5t, 4box (whole base units only).")
  var qty: String?
  @Option(help: "The unit of --qty: the base unit, a pack or a standard unit.") var unit: String?
  @Option(help: "The lot number (lot-tracked items).") var lot: String?
  @Option(help: "The lot's expiry date, YYYY-MM-DD.") var expiry: String?
  @Option(help: "A serial number (serial-tracked items; repeatable).") var serial: [String] = []
  @Option(
    parsing: .unconditional,
    help: "The total value of the line in yuan, e.g. 14000.00 (0 for a free donation).")
  var value: String
  @Option(help: "A note.") var note: String?

  func validate() throws {
    if let qty { _ = try Parse.quantity(qty, unit: unit) }
    guard qty != nil || !serial.isEmpty else {
      throw ValidationError("'--qty' is required (or one '--serial' per piece)")
    }
    _ = try Parse.money(value, flag: "--value")
    if let expiry { _ = try Parse.day(expiry, flag: "--expiry") }
  }

  func request(from source: String, isDonation: Bool) throws -> ReceiptRequest {
    ReceiptRequest(
      isDonation: isDonation, source: source, warehouse: to, item: item,
      quantity: try qty.map { try Parse.quantity($0, unit: unit) }, lot: lot,
      expiry: try expiry.map { try Parse.day($0, flag: "--expiry") }, serials: serial,
      value: try Parse.money(value, flag: "--value"), note: note)
  }
}

/// `depot receive`: goods from a supplier into a warehouse.
struct ReceiveCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "receive",
    abstract: "Receive goods from a supplier into a warehouse (clerk).",
    discussion: """
      Example:
        depot receive --from SUP-JX --to WH-CENTRAL --item MASK-SURG --qty 40 --unit carton \\
          --lot L2301 --expiry 2028-01-31 --value 14000.00 --as wang
        depot receive --from SUP-JX --to WH-CENTRAL --item THERMO-IR --qty 2 \\
          --serial IR-0001 --serial IR-0002 --value 300.00 --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The supplier.") var from: String
  @OptionGroup var line: ReceiptLineOptions

  func run(on depot: Depot) throws {
    let document = try depot.receive(
      try line.request(from: from, isDonation: false), global.context(posting))
    try emit(document, text: renderDocument)
  }
}

/// `depot donation`: donated goods.
struct DonationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "donation", abstract: "Receive donations.", subcommands: [Receive.self])

  struct Receive: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "receive",
      abstract: "Receive a donation from a donor into a warehouse (clerk).",
      discussion: """
        Donated stock keeps its donor through every movement.

        Example:
          depot donation receive --from DON-RC --to WH-CENTRAL --item MASK-SURG --qty 10000 \\
            --lot RC-77 --expiry 2027-06-30 --value 0 --as wang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Option(help: "The donor.") var from: String
    @OptionGroup var line: ReceiptLineOptions

    func run(on depot: Depot) throws {
      let document = try depot.receive(
        try line.request(from: from, isDonation: true), global.context(posting))
      try emit(document, text: renderDocument)
    }
  }
}

/// `depot transfer`: stock between warehouses.
struct TransferCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "transfer",
    abstract: "Move stock between two warehouses (clerk).",
    discussion: """
      Lots are taken first-expiry-first-out, never expired ones, unless --lot names one.
      Serial-tracked items move by --serial.

      Example:
        depot transfer --from WH-CENTRAL --to WH-TOWN --item MASK-SURG --qty 3 --unit box --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The warehouse the stock leaves.") var from: String
  @Option(help: "The warehouse the stock goes to.") var to: String
  @Option(help: "The item code.") var item: String
  @Option(parsing: .unconditional, help: "The quantity: 40, 1.5t, 4box (whole base units only).")
  var qty: String?
  @Option(help: "The unit of --qty.") var unit: String?
  @Option(help: "Take this lot only.") var lot: String?
  @Option(help: "A serial number to move (repeatable).") var serial: [String] = []
  @Option(help: "A note.") var note: String?

  func validate() throws {
    if let qty { _ = try Parse.quantity(qty, unit: unit) }
    guard qty != nil || !serial.isEmpty else {
      throw ValidationError("'--qty' is required (or one '--serial' per piece)")
    }
  }

  func run(on depot: Depot) throws {
    let request = TransferRequest(
      source: from, destination: to, item: item,
      quantity: try qty.map { try Parse.quantity($0, unit: unit) }, lot: lot, serials: serial,
      note: note)
    try emit(try depot.transfer(request, global.context(posting)), text: renderDocument)
  }
}

/// A posted document as text: its number, state and date, then its lines.
func renderDocument(_ document: PostedDocument) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Lot"), .init("Expiry"), .init("From"), .init("To"),
    .init("Quantity", alignRight: true), .init("Unit"), .init("Value", alignRight: true),
  ])
  for line in document.lines {
    table.append([
      line.item, line.itemName, line.lot ?? "", line.expiry ?? "", line.from, line.to,
      String(line.quantity), line.unit, line.value,
    ])
  }
  var text = "\(document.number) \(document.state), effective \(document.date)\n" + table.render()
  if let writeOffs = document.writeOffs {
    text += "\nDamaged goods await write-off approval: " + writeOffs.joined(separator: ", ")
  }
  if let serials = document.inDisinfection {
    text += "\nIn disinfection: " + serials.joined(separator: ", ")
  }
  return text
}
