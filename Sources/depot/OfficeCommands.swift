import ArgumentParser
import Inventory

/// `depot office`: the office's settings.
struct OfficeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "office", abstract: "Show and change the office's settings.",
    subcommands: [Set.self, Show.self])

  struct Set: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Change the office's time zone or hand-over weight tolerance (admin).",
      discussion: """
        A new time zone takes effect at the start of the office's next day; a new tolerance at \
        once. The tolerance is how far, in percent, a waste load re-measured at hand-over may \
        differ from its collected weight before the manifest is a discrepancy (default 10).

        Example:
          depot office set --timezone Asia/Urumqi --as chen
          depot office set --handover-tolerance 5 --as chen
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Option(help: "An IANA time zone, e.g. Asia/Shanghai.") var timezone: String?
    @Option(help: "Whole percent, 0 to 100.") var handoverTolerance: Int?

    func run(on depot: Depot) throws {
      let request = OfficeChange(timezone: timezone, handoverTolerancePercent: handoverTolerance)
      try emit(try depot.changeOffice(request, global.context(reference)), text: describe)
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show the office's settings.",
      discussion: "Example:\n  depot office show --as chen")

    @OptionGroup var global: GlobalOptions

    func run(on depot: Depot) throws {
      try emit(try depot.office(as: global.actingUser), text: describe)
    }
  }
}

private func describe(_ office: OfficeSummary) -> String {
  var lines = ["\(office.office): time zone \(office.timezone)"]
  if let next = office.nextTimezone, let from = office.nextTimezoneFrom {
    lines.append("  from \(from.local): time zone \(next)")
  }
  lines.append("  hand-over weight tolerance \(office.handoverTolerancePercent) %")
  return lines.joined(separator: "\n")
}
