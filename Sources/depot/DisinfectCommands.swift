import ArgumentParser
import Inventory
import Output

/// `depot disinfect`: returned equipment in disinfection.
struct DisinfectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disinfect",
    abstract: "Returned equipment in disinfection, and back to available stock.",
    discussion: """
      Serial-numbered equipment returned from a site ('depot return --serial') is on hand but \
      unavailable until its disinfection is recorded done.
      """,
    subcommands: [Done.self, List.self])

  struct Done: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "done",
      abstract: "Record equipment as disinfected; it is available again (clerk).",
      discussion: """
        Example:
          depot disinfect done --item THERMO-IR --serial IR-0002 \\
            --method "75% alcohol wipe" --as wang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Option(help: "The item code.") var item: String
    @OptionGroup var serials: SerialOptions
    @Option(parsing: .unconditional, help: "How it was disinfected.") var method: String

    func validate() throws {
      guard try !serials.all.isEmpty else { throw ValidationError("'--serial' is required") }
    }

    func run(on depot: Depot) throws {
      let request = DisinfectionDone(item: item, serials: try serials.all, method: method)
      try emit(
        try depot.finishDisinfection(request, global.context(reference)), text: renderDisinfections)
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List equipment in disinfection (with --all, also what is done).",
      discussion: "Example:\n  depot disinfect list --as wang")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Also list finished disinfections.") var all = false

    func run(on depot: Depot) throws {
      try emit(try depot.disinfections(all: all, as: global.actingUser)) { rows in
        rows.isEmpty ? "Nothing in disinfection." : renderDisinfections(rows)
      }
    }
  }
}

private func renderDisinfections(_ rows: [DisinfectionRow]) -> String {
  var table = Table([
    .init("Item"), .init("Serial"), .init("At"), .init("Returned in"), .init("Since"),
    .init("Done"), .init("By"), .init("Method"),
  ])
  for row in rows {
    table.append([
      row.item, row.serial, row.location, row.returnedIn, row.startedAt.local,
      row.doneAt?.local ?? "",
      row.doneBy ?? "", row.method ?? "",
    ])
  }
  return table.render()
}
