import ArgumentParser
import Inventory

/// `depot reverse`: undo a receipt, donation, transfer, use or return by a reversal document.
struct ReverseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reverse",
    abstract: "Reverse a posted document (approver), or show a reversal.",
    subcommands: [Post.self, Show.self], defaultSubcommand: Post.self)

  struct Post: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "post",
      abstract: "Reverse a receipt, donation, transfer, use or return (approver, signed).",
      discussion: """
        A REV document moves back exactly what the document moved: the same lots, \
        quantities and values, from where they went to where they came from, on --date \
        (default today). A receipt's order gets the quantity back as not yet received and \
        its value out of payables. Another approver than whoever recorded the document \
        must reverse it; it is refused where the goods have moved on, and a document is \
        reversed only once.

        Example:
          depot reverse RCV-2026-000002 --reason "entered twice" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var posting: PostingOptions
    @Argument(help: "The document to reverse: RCV-, DON-, TRF-, USE- or RET-.")
    var document: String
    @Option(parsing: .unconditional, help: "Why it is reversed.") var reason: String

    func run(on depot: Depot) throws {
      let request = ReversalRequest(document: document, reason: reason)
      try emit(try depot.reverse(request, global.context(posting)), text: renderDocument)
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a reversal and what it reverses, or a document and what reversed it.",
      discussion: """
        Example:
          depot reverse show REV-2026-000001 --as audit
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A REV- reversal, or an RCV-, DON-, TRF-, USE- or RET- document.")
    var number: String

    func run(on depot: Depot) throws {
      try emit(try depot.postedDocument(number, as: global.actingUser), text: renderDocument)
    }
  }
}
