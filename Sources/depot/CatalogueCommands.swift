import ArgumentParser
import Inventory
import Output

/// `depot item`: the catalogue.
struct ItemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "item", abstract: "Add, change and list catalogue items.",
    subcommands: [Add.self, Set.self, List.self])

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
      try emit(item) { "Added " + describe($0) }
    }
  }

  struct Set: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change an item's name, or add packs (admin).",
      discussion: """
        The code, unit, category and tracking never change. A pack the item already has \
        changes size only while nothing was ever received, requested or ordered of it.

        Example:
          depot item set MASK-SURG --name "医用外科口罩" --as chen
          depot item set MASK-SURG --pack bag=10 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The item code.") var code: String
    @Option(parsing: .unconditional, help: "The item's new name.") var name: String?
    @Option(help: "A pack size, e.g. box=50 or carton=20box (repeatable).") var pack: [String] = []

    func run(on depot: Depot) throws {
      let request = ItemSetting(code: code, name: name, packs: pack)
      try emit(try depot.setItem(request, global.context(reference))) { "Updated " + describe($0) }
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
    commandName: "location", abstract: "Add, change and list warehouses, sites and waste points.",
    subcommands: [Add.self, Set.self, List.self])

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

  struct Set: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Rename a location, or say whether a warehouse holds the reserve (admin).",
      discussion: """
        The code and kind never change.

        Example:
          depot location set SITE-CP3 --name "高速卡口3号(东)" --as chen
          depot location set WH-TOWN --reserve --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The location code.") var code: String
    @Option(parsing: .unconditional, help: "The location's new name.") var name: String?
    @Flag(inversion: .prefixedNo, help: "Whether the warehouse holds the reserve.")
    var reserve: Bool?

    func run(on depot: Depot) throws {
      let request = LocationSetting(code: code, name: name, isReserve: reserve)
      try emit(try depot.setLocation(request, global.context(reference))) { place in
        "Updated \(place.kind) \(place.code) \(place.name)" + (place.reserve ? " (reserve)" : "")
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
      abstract: "Change a party's name, a contractor's licence or a supplier's lead time (admin).",
      discussion: """
        The code and kind never change. The lead time is the days from order to receipt \
        (default 7).

        Example:
          depot party set SUP-JX --lead-time 5 --as chen
          depot party set ENV-CO --licence HW-3401-0022 \\
            --licence-expires 2028-12-31 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The party code.") var code: String
    @Option(parsing: .unconditional, help: "The party's new name.") var name: String?
    @Option(parsing: .unconditional, help: "A contractor's licence number.") var licence: String?
    @Option(help: "When the contractor's licence expires, YYYY-MM-DD.") var licenceExpires: String?
    @Option(help: "Days from order to receipt, 0 to 365.") var leadTime: Int?

    func validate() throws {
      _ = try Parse.day(licenceExpires, flag: "--licence-expires")
    }

    func run(on depot: Depot) throws {
      let request = PartySetting(
        code: code, name: name, licence: licence,
        licenceExpires: try Parse.day(licenceExpires, flag: "--licence-expires"),
        leadTimeDays: leadTime)
      try emit(try depot.setParty(request, global.context(reference))) { place in
        "Updated \(place.kind) \(place.code) \(place.name)"
          + (place.licence.map { ", licence \($0)" } ?? "")
          + (place.licenceExpires.map { " until \($0)" } ?? "")
          + (place.leadTimeDays.map { ", lead time \($0) days" } ?? "")
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

/// An item as `item add` and `item set` print it.
private func describe(_ item: ItemSummary) -> String {
  let packs = item.packs.map { "1 \($0.name) = \($0.quantity) \(item.unit)" }
  let tracking = ["lot": "; tracked by lot", "serial": "; tracked by serial number"]
  return "\(item.code) \(item.name): \(item.category), counted in \(item.unit)"
    + (packs.isEmpty ? "" : "; " + packs.joined(separator: ", ")) + (tracking[item.tracking] ?? "")
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
