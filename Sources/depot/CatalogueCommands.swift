import ArgumentParser
import Inventory
import Output

/// `depot item`: the catalogue.
struct ItemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "item", abstract: "Add and list catalogue items.",
    subcommands: [Add.self, List.self])

  struct Add: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add an item with its base unit, pack sizes and tracking (admin).",
      discussion: """
        Categories: disinfectant, protective, equipment, medicine, other. A pack is NAME=COUNT \
        of the base unit or of an earlier pack.

        Example:
          depot item add MASK-SURG --name "一次性医用口罩" --category protective \\
            --unit piece --pack box=50 --pack carton=20box --lots --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The item code, e.g. MASK-SURG.") var code: String
    @Option(parsing: .unconditional, help: "The item's name.") var name: String
    @Option(help: "disinfectant, protective, equipment, medicine or other.") var category: String
    @Option(help: "The base unit every quantity is counted in: piece, bottle, kg ...")
    var unit: String
    @Option(help: "A pack size, e.g. box=50 or carton=20box (repeatable).") var pack: [String] = []
    @Flag(help: "Track lots with expiry dates.") var lots = false
    @Flag(help: "Track each piece by serial number.") var serials = false

    func validate() throws {
      let _: ItemCategory = try Parse.choice(category, flag: "--category")
      if lots && serials { throw ValidationError("choose one of '--lots' and '--serials'") }
    }

    func run(on depot: Depot) throws {
      let request = NewItem(
        code: code, name: name, category: try Parse.choice(category, flag: "--category"),
        unit: unit, packs: pack, tracking: lots ? .lot : serials ? .serial : .none)
      let item = try depot.addItem(request, global.context(reference))
      try emit(item) { item in
        let packs = item.packs.map { "1 \($0.name) = \($0.quantity) \(item.unit)" }
        let tracking = ["lot": "; tracked by lot", "serial": "; tracked by serial number"]
        return "Added \(item.code) \(item.name): \(item.category), counted in \(item.unit)"
          + (packs.isEmpty ? "" : "; " + packs.joined(separator: ", "))
          + (tracking[item.tracking] ?? "")
      }
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the catalogue.", discussion: "Example:\n  depot item list --as wang")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.items(as: global.actingUser)) { items in
        var table = Table([
          .init("Item"), .init("Name"), .init("Category"), .init("Unit"), .init("Packs"),
          .init("Tracking"),
        ])
        for item in items {
          table.append([
            item.code, item.name, item.category, item.unit,
            item.packs.map { "\($0.name)=\($0.quantity)" }.joined(separator: " "), item.tracking,
          ])
        }
        return table.render()
      }
    }
  }
}

/// `depot location`: warehouses, sites and waste points.
struct LocationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "location", abstract: "Add and list warehouses, sites and waste points.",
    subcommands: [Add.self, List.self])

  struct Add: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a warehouse, site or waste point (admin).",
      discussion: """
        Example:
          depot location add WH-CENTRAL --name "区应急物资仓库" --kind warehouse \\
            --reserve --as chen
          depot location add SITE-CP3 --name "高速卡口3号" --kind site --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The location code.") var code: String
    @Option(parsing: .unconditional, help: "The location's name.") var name: String
    @Option(help: "warehouse, site or waste-point.") var kind: String
    @Flag(help: "Flag a warehouse as holding the reserve.") var reserve = false

    func validate() throws {
      let _: LocationKind = try Parse.choice(kind, flag: "--kind")
    }

    func run(on depot: Depot) throws {
      let request = NewLocation(
        code: code, name: name, kind: try Parse.choice(kind, flag: "--kind"), isReserve: reserve)
      try emit(try depot.addLocation(request, global.context(reference))) { place in
        "Added \(place.kind) \(place.code) \(place.name)" + (place.reserve ? " (reserve)" : "")
      }
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List locations.", discussion: "Example:\n  depot location list --as wang")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.places(parties: false, as: global.actingUser), text: renderPlaces)
    }
  }
}

/// `depot party`: suppliers, donors and disposal contractors.
struct PartyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "party", abstract: "Add, set and list suppliers, donors and contractors.",
    subcommands: [Add.self, Set.self, List.self])

  struct Set: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Set a supplier's lead time: days from order to receipt (admin).",
      discussion: "Example:\n  depot party set SUP-JX --lead-time 5 --as chen")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The party code.") var code: String
    @Option(help: "Days from order to receipt (default 7).") var leadTime: Int

    func validate() throws {
      guard (0...365).contains(leadTime) else {
        throw ValidationError("'--lead-time' must be 0 to 365 days")
      }
    }

    func run(on depot: Depot) throws {
      let request = PartySetting(code: code, leadTimeDays: leadTime)
      try emit(try depot.setParty(request, global.context(reference))) { place in
        "\(place.code): lead time \(place.leadTimeDays ?? 7) days"
      }
    }
  }

  struct Add: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a supplier, donor or disposal contractor (admin).",
      discussion: """
        Example:
          depot party add SUP-JX --name "__超市" --kind supplier --as chen
          depot party add ENV-CO --name "医疗废物处置中心" --kind contractor \\
            --licence HW-3401-0021 --licence-expires 2027-12-31 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The party code.") var code: String
    @Option(parsing: .unconditional, help: "The party's name.") var name: String
    @Option(help: "supplier, donor or contractor.") var kind: String
    @Option(parsing: .unconditional, help: "A contractor's licence number.") var licence: String?
    @Option(help: "When the contractor's licence expires, YYYY-MM-DD.") var licenceExpires: String?

    func validate() throws {
      let _: PartyKind = try Parse.choice(kind, flag: "--kind")
      _ = try Parse.day(licenceExpires, flag: "--licence-expires")
    }

    func run(on depot: Depot) throws {
      let request = NewParty(
        code: code, name: name, kind: try Parse.choice(kind, flag: "--kind"), licence: licence,
        licenceExpires: try Parse.day(licenceExpires, flag: "--licence-expires"))
      try emit(try depot.addParty(request, global.context(reference))) { place in
        "Added \(place.kind) \(place.code) \(place.name)"
          + (place.licence.map { ", licence \($0)" } ?? "")
          + (place.licenceExpires.map { " until \($0)" } ?? "")
      }
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List parties.", discussion: "Example:\n  depot party list --as wang")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.places(parties: true, as: global.actingUser), text: renderPlaces)
    }
  }
}

private func renderPlaces(_ places: [PlaceSummary]) -> String {
  var table = Table([.init("Code"), .init("Name"), .init("Kind"), .init("Notes")])
  for place in places {
    var notes: [String] = []
    if place.reserve { notes.append("reserve") }
    if let licence = place.licence { notes.append("licence \(licence)") }
    if let expires = place.licenceExpires { notes.append("until \(expires)") }
    if let lead = place.leadTimeDays { notes.append("lead time \(lead) d") }
    table.append([place.code, place.name, place.kind, notes.joined(separator: ", ")])
  }
  return table.render()
}
