import ArgumentParser
import Inventory
import Output

/// `depot reserve`: reserve levels per item and warehouse.
struct ReserveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reserve", abstract: "Set and list reserve levels.",
    subcommands: [Set.self, List.self])

  struct Set: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Set an item's floor, minimum and maximum at a warehouse (admin).",
      discussion: """
        Approving an issuance below the floor needs an override with a reason.

        Example:
          depot reserve set MASK-SURG WH-CENTRAL --floor 20000 --min 30000 \\
            --max 80000 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The item code.") var item: String
    @Argument(help: "The warehouse.") var location: String
    @Option(help: "The reserve floor.") var floor: String?
    @Option(help: "The minimum (reorder point).") var min: String?
    @Option(help: "The maximum.") var max: String?

    func validate() throws {
      _ = try Parse.quantity(floor, flag: "--floor")
      _ = try Parse.quantity(min, flag: "--min")
      _ = try Parse.quantity(max, flag: "--max")
      guard floor != nil || min != nil || max != nil else {
        throw ValidationError("give '--floor', '--min' or '--max'")
      }
    }

    func run(on depot: Depot) throws {
      let setting = ReserveSetting(
        item: item, warehouse: location,
        floor: try Parse.quantity(floor, flag: "--floor"),
        minimum: try Parse.quantity(min, flag: "--min"),
        maximum: try Parse.quantity(max, flag: "--max"))
      try emit(try depot.setReserve(setting, global.context(reference))) { level in
        "\(level.item) at \(level.location): " + describe(level)
      }
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List reserve levels.", discussion: "Example:\n  depot reserve list --as zhang")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.reserveLevels(as: global.actingUser)) { levels in
        var table = Table([
          .init("Item"), .init("Location"), .init("Floor", alignRight: true),
          .init("Min", alignRight: true), .init("Max", alignRight: true), .init("Unit"),
        ])
        for level in levels {
          table.append(
            [level.item, level.location]
              + [level.floor, level.minimum, level.maximum].map { $0.map(String.init) ?? "" }
              + [level.unit])
        }
        return table.render()
      }
    }
  }
}

private func describe(_ level: ReserveView) -> String {
  [("floor", level.floor), ("min", level.minimum), ("max", level.maximum)]
    .compactMap { name, value in value.map { "\(name) \($0) \(level.unit)" } }
    .joined(separator: ", ")
}
