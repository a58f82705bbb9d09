import ArgumentParser
import Inventory
import Output

/// `depot show`: any document by its number.
struct ShowCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract:
      "Show any document by its number (any letter case), or a manifest by its paper number.",
    discussion: """
      Requests, orders, adjustments, counts, waste batches and manifests are shown as their own \
      'show' commands show them; receipts, donations, transfers, use and returns with their \
      movements and history.

      Example:
        depot show RCV-2026-000001 --as zhang
        depot show 3401-2026-118 --as zhang
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The document number, or a manifest's paper number (联单号).") var number: String

  func run(on depot: Depot) throws {
    try emit(try depot.show(number, as: global.actingUser), text: shownText)
  }
}

/// A document as the `show` of its kind prints it.
func shownText(_ document: ShownDocument) -> String {
  switch document {
  case .issuance(let view): shownText(view)
  case .procurement(let view): shownText(view)
  case .adjustment(let view): shownText(view)
  case .count(let view): shownText(view)
  case .wasteBatch(let view): shownText(view)
  case .manifest(let view): shownText(view)
  case .posted(let view): shownText(view)
  }
}

/// A receipt, donation, transfer, use or return: header, movements and history.
func shownText(_ view: DocumentView) -> String {
  var header = "\(view.number) \(view.state): \(view.kind), effective \(view.date)"
  if let from = view.from { header += ", from \(from)" }
  if let to = view.to { header += " to \(to)" }
  header += "; recorded \(view.recordedAt.local) by \(view.recordedBy)"
  if let note = view.note { header += "\nNote: \(note)" }
  return header + "\n" + renderLines(view.lines) + "\n\n" + renderHistory(view.history)
}
