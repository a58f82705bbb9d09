import ArgumentParser
import Foundation
import Inventory
import Output

/// `depot count`: a physical count of a place.
struct CountCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "count",
    abstract: "Record a physical count; variances become adjustments for approval (clerk).",
    discussion: """
      Each variance from the books becomes an adjustment (ADJ-) with a reason (damaged, \
      expired, lost, found, data-error; by default lost for a shortage, found for a surplus) \
      that an approver other than the counter signs with 'depot adjust approve'. Until then \
      the count is pending and a shortage is not available.

      Example:
        depot count --at WH-CENTRAL --item MASK-SURG --lot L2301 \\
          --counted 39850 --as wang
        depot count --at WH-CENTRAL --file count-sheet.csv --as wang

      A count sheet is a CSV file with the columns item, counted and, where needed, lot and \
      unit: one row per item (and lot) counted at the place.
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Option(help: "The warehouse or site counted.") var at: String
  @Option(help: "The item counted.") var item: String?
  @Option(parsing: .unconditional, help: "The lot counted (lot- and serial-tracked items).")
  var lot: String?
  @Option(parsing: .unconditional, help: "What was found, 0 included: 39850, 12box.")
  var counted: String?
  @Option(help: "A count sheet (CSV: item, counted, lot, unit) for a whole place at once.")
  var file: String?
  @Option(help: "The unit of --counted.") var unit: String?
  @Option(parsing: .unconditional, help: "damaged, expired, lost, found or data-error.")
  var reason: String?
  @Option(parsing: .unconditional, help: "A note.") var note: String?

  func amount(_ counted: String) throws -> QuantityAmount {
    if counted.trimmingCharacters(in: .whitespaces) == "0" {
      return QuantityAmount(digits: 0, unit: unit)
    }
    return try Parse.quantity(counted, unit: unit, flag: "--counted")
  }

  func validate() throws {
    switch (file, item, counted) {
    case (nil, .some, .some(let counted)): _ = try amount(counted)
    case (.some, nil, nil):
      guard lot == nil && unit == nil else {
        throw ValidationError(
          "'--file' takes lots and units from the sheet; leave out --lot and --unit")
      }
    default: throw ValidationError("give '--item' and '--counted', or '--file'")
    }
    let _: CountReason? = try Parse.choice(reason, flag: "--reason")
  }

  func run(on depot: Depot) throws {
    let lines: [CountedLine]
    if let file {
      guard let bytes = FileManager.default.contents(atPath: file) else {
        throw DepotError.cannotReadFile(path: file, reason: "no such file, or not readable")
      }
      lines = try CountSheet.lines(Array(bytes), file: file)
    } else {
      lines = [CountedLine(item: item ?? "", lot: lot, counted: try amount(counted ?? "0"))]
    }
    let request = CountRequest(
      location: at, lines: lines,
      reason: try Parse.choice(reason, flag: "--reason"), note: note)
    try emit(try depot.count(request, global.context(posting)), text: shownText)
  }
}

/// A count as its command and `show` print it: the lots counted and what awaits approval.
func shownText(_ view: CountView) -> String {
  var table = Table([
    .init("Item"), .init("Name"), .init("Lot"), .init("Book", alignRight: true),
    .init("Counted", alignRight: true), .init("Variance", alignRight: true), .init("Unit"),
  ])
  for line in view.lines {
    table.append([
      line.item, line.itemName, line.lot ?? "", String(line.book), String(line.counted),
      String(line.variance), line.unit,
    ])
  }
  var text = "\(view.number) \(view.state) at \(view.location)\n" + table.render()
  if !view.adjustments.isEmpty {
    text += "\nVariances await approval: " + view.adjustments.joined(separator: ", ")
  }
  if view.reservedAtCount > 0 {
    text += "\nOpen requests had \(view.reservedAtCount) reserved here when counted."
  }
  return text
}
