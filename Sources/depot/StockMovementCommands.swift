import ArgumentParser
import Inventory
import Output

/// The options of a receipt line, shared by purchases and donations.
struct ReceiptLineOptions: ParsableArguments {
  @Option(help: "The warehouse receiving the goods.") var to: String
  @Option(help: "The item code.") var item: String
  @Option(
    parsing: .unconditional,
    help: "The accepted quantity: 40, 1.5t, 4box (whole base units only); 0 with --rejected.")
  var qty: String?
  @Option(help: "The unit of --qty and --rejected: the base unit, a pack or a standard unit.")
  var unit: String?
  @Option(parsing: .unconditional, help: "The lot number (lot-tracked items).") var lot: String?
  @Option(help: "The lot's expiry date, YYYY-MM-DD.") var expiry: String?
  @OptionGroup var serials: SerialOptions
  @Option(
    parsing: .unconditional,
    help: "The total value of the line in yuan, e.g. 14000.00 (0 for a free donation).")
  var value: String?
  @Option(parsing: .unconditional, help: "How much was delivered but refused at inspection.")
  var rejected: String?
  @Option(parsing: .unconditional, help: "Why it was refused (with --rejected).")
  var reason: String?
  @Option(parsing: .unconditional, help: "A note.") var note: String?

  /// `--qty 0`: the delivery was refused whole at inspection, nothing accepted.
  private var acceptsNothing: Bool { qty == "0" }

  func validate() throws {
    if acceptsNothing {
      guard rejected != nil, try serials.all.isEmpty else {
        throw ValidationError(
          "'--qty 0' records a line refused whole at inspection: give '--rejected' and "
            + "'--reason', and no serials")
      }
    } else {
      _ = try Parse.quantity(qty, unit: unit, orSerials: try serials.all)
    }
    _ = try Parse.money(value, flag: "--value")
    _ = try Parse.quantity(rejected, unit: unit, flag: "--rejected")
    try Parse.together(("--rejected", rejected != nil), ("--reason", reason != nil))
    _ = try Parse.day(expiry, flag: "--expiry")
  }

  func request(
    from source: String?, isDonation: Bool, order: String? = nil, justification: String? = nil
  ) throws -> ReceiptRequest {
    ReceiptRequest(
      isDonation: isDonation, order: order, source: source, warehouse: to, item: item,
      quantity: acceptsNothing ? nil : try Parse.quantity(qty, unit: unit), lot: lot,
      expiry: try Parse.day(expiry, flag: "--expiry"), serials: try serials.all,
      value: try Parse.money(value, flag: "--value"), note: note,
      rejected: try Parse.quantity(rejected, unit: unit, flag: "--rejected"),
      rejectionReason: reason, emergencyJustification: justification)
  }
}

/// `depot receive`: goods from a supplier into a warehouse.
struct ReceiveCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "receive",
    abstract: "Receive goods against a purchase order (clerk), or in an emergency (approver).",
    discussion: """
      --qty is what was accepted at inspection, --rejected what was delivered but refused; \
      a delivery refused whole is --qty 0 with --rejected and --reason. \
      Against an order the goods take the order's price; no more than is ordered and not yet \
      received is accepted. Without an order only an approver records a signed emergency \
      receipt, with --from, --emergency, --justification and the line's --value.

      Example:
        depot receive --order PO-2026-000001 --to WH-CENTRAL --item MASK-N95 \\
          --qty 12000 --lot N95-A1 --expiry 2028-03-01 --rejected 200 \\
          --reason "ear loops broken" --as wang
        depot receive --from SUP-JX --emergency \\
          --justification "outbreak at CP3, no time" --to WH-CENTRAL \\
          --item MASK-SURG --qty 40 --unit carton --lot L2301 \\
          --expiry 2028-01-31 --value 14000.00 --as zhang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The purchase order the goods arrive against.") var order: String?
  @Option(help: "The supplier (required without --order).") var from: String?
  @Flag(help: "An emergency receipt without an order (approver, signed).") var emergency = false
  @Option(parsing: .unconditional, help: "Why the emergency receipt has no order.")
  var justification: String?
  @OptionGroup var line: ReceiptLineOptions

  func validate() throws {
    guard order != nil || from != nil else {
      throw ValidationError(
        "give '--order PO-...', or '--from SUPPLIER --emergency --justification ...'")
    }
    try Parse.together(("--emergency", emergency), ("--justification", justification != nil))
  }

  func run(on depot: Depot) throws {
    let request = try line.request(
      from: from, isDonation: false, order: order, justification: emergency ? justification : nil)
    try emit(try depot.receive(request, global.context(posting)), text: renderDocument)
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
        Donated stock keeps its donor through every movement. --value is the declared value \
        of the accepted goods (0 allowed); --rejected what was refused at inspection.

        Example:
          depot donation receive --from DON-RC --to WH-CENTRAL \\
            --item MASK-SURG --qty 10000 --lot RC-77 --expiry 2027-06-30 \\
            --value 0 --rejected 500 --reason "wet" --as wang
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
      Lots are taken first-expiry-first-out, never expired ones, unless --lot names one. \
      Serial-tracked items move by --serial, or by --serials FIRST..LAST for a run of them.

      Example:
        depot transfer --from WH-CENTRAL --to WH-TOWN --item MASK-SURG \\
          --qty 3 --unit box --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The warehouse the stock leaves.") var from: String
  @Option(help: "The warehouse the stock goes to.") var to: String
  @Option(help: "The item code.") var item: String
  @Option(parsing: .unconditional, help: "The quantity: 40, 1.5t, 4box (whole base units only).")
  var qty: String?
  @Option(help: "The unit of --qty.") var unit: String?
  @Option(parsing: .unconditional, help: "Take this lot only.") var lot: String?
  @OptionGroup var serials: SerialOptions
  @Option(parsing: .unconditional, help: "A note.") var note: String?

  func validate() throws {
    _ = try Parse.quantity(qty, unit: unit, orSerials: try serials.all)
  }

  func run(on depot: Depot) throws {
    let request = TransferRequest(
      source: from, destination: to, item: item,
      quantity: try Parse.quantity(qty, unit: unit), lot: lot, serials: try serials.all,
      note: note)
    try emit(try depot.transfer(request, global.context(posting)), text: renderDocument)
  }
}

/// A posted document as text: its number, state and date (or, replayed by a retry with the
/// same `--ref`, that it was already posted), then its lines.
func renderDocument(_ document: PostedDocument) -> String {
  var text =
    document.replayed == true
    ? "already posted as \(document.number), effective \(document.date)"
    : "\(document.number) \(document.state), effective \(document.date)"
  if let order = document.order { text += ", against \(order)" }
  if let reverses = document.reverses { text += ", reverses \(reverses)" }
  if let reversedBy = document.reversedBy { text += ", reversed by \(reversedBy)" }
  text += "\n" + renderLines(document.lines)
  for rejection in document.rejections ?? [] {
    text +=
      "\nRejected at inspection: \(rejection.quantity) \(rejection.unit) \(rejection.item)"
      + (rejection.lot.map { " of lot \($0)" } ?? "") + " (\(rejection.reason))"
  }
  if let writeOffs = document.writeOffs {
    text += "\nDamaged goods await write-off approval: " + writeOffs.joined(separator: ", ")
  }
  if let serials = document.inDisinfection {
    text += "\nIn disinfection: " + serials.joined(separator: ", ")
  }
  if let reason = document.reason { text += "\nReason: \(reason)" }
  return text
}

/// A document's movements as a table.
func renderLines(_ lines: [PostedDocument.Line]) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Lot"), .init("Expiry"), .init("From"), .init("To"),
    .init("Quantity", alignRight: true), .init("Unit"), .init("Value", alignRight: true),
  ])
  for line in lines {
    table.append([
      line.item, line.itemName, line.lot ?? "", line.expiry ?? "", line.from, line.to,
      String(line.quantity), line.unit, line.value,
    ])
  }
  return table.render()
}
