import ArgumentParser
import Inventory
import Output

/// `depot waste`: medical waste from the site's bin to the contractor's certificate.
struct WasteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "waste",
    abstract: "Collect, store, hand over and dispose of medical waste; list and show batches.",
    discussion: """
      A batch is collected → stored → handed over → disposed. It must be handed over within \
      48 hours of collection (a write-off's batch: of its approval).
      """,
    subcommands: [
      Collect.self, Store.self, Handover.self, Resolve.self, Dispose.self, List.self, Show.self,
    ])

  struct Collect: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "collect",
      abstract: "Record waste collected at a site into a batch (the site's requester, or a clerk).",
      discussion: """
        Classes: infectious, sharps, pathological, pharmaceutical, chemical. Weights are whole \
        grams: 12.4kg, 800g. Naming a WST batch instead weighs a batch that an approved \
        write-off opened.

        Example:
          depot waste collect --at SITE-CP3 --category infectious \\
            --containers 3 --weight 12.4kg --as li
          depot waste collect WST-2026-000003 --containers 1 --weight 3.2kg \\
            --as wang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "A batch opened by a write-off, to weigh.") var batch: String?
    @Option(help: "Where the waste was collected (a site or warehouse).") var at: String?
    @Option(help: "infectious, sharps, pathological, pharmaceutical or chemical.")
    var category: String?
    @Option(help: "How many containers (bags, sharps boxes).") var containers: Int64
    @Option(help: "The weight: 12.4kg, 800g.") var weight: String
    @Option(parsing: .unconditional, help: "Who collected it, when not you.") var collector: String?

    func validate() throws {
      _ = try Parse.weight(weight)
      let _: WasteCategory? = try Parse.choice(category, flag: "--category")
      if batch == nil {
        guard at != nil else { throw ValidationError("'--at' is required for a new batch") }
        guard category != nil else {
          throw ValidationError("'--category' is required for a new batch")
        }
      }
    }

    func run(on depot: Depot) throws {
      let request = WasteCollection(
        batch: batch, location: at,
        category: try Parse.choice(category, flag: "--category"),
        containers: containers, weightGrams: try Parse.weight(weight), collector: collector)
      try emit(try depot.collectWaste(request, global.context(reference)), text: renderBatch)
    }
  }

  struct Store: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "store",
      abstract: "Take a collected batch to a temporary waste point (clerk).",
      discussion: "Example:\n  depot waste store WST-2026-000001 --at WP-1 --as wang")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The batch.") var batch: String
    @Option(help: "The waste point.") var at: String

    func run(on depot: Depot) throws {
      let request = WasteStorage(batch: batch, wastePoint: at)
      try emit(try depot.storeWaste(request, global.context(reference)), text: renderBatch)
    }
  }

  struct Handover: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "handover",
      abstract: "Hand stored batches to a licensed contractor under a manifest (clerk, signed).",
      discussion: """
        The contractor's licence must be valid today and the manifest number unused. --weight \
        and --containers are the load as re-measured at hand-over: a weight more than 10 % \
        off the batches' collected weight, or any difference in containers, opens a \
        discrepancy that an approver resolves before disposal.

        Example:
          depot waste handover WST-2026-000001 WST-2026-000002 \\
            --contractor ENV-CO --manifest 3401-2026-118 --weight 24.1kg \\
            --containers 5 --driver "赵师傅" --vehicle "皖N·12345" --as wang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The stored batches.") var batches: [String]
    @Option(help: "The disposal contractor.") var contractor: String
    @Option(parsing: .unconditional, help: "The transfer manifest number (联单).")
    var manifest: String
    @Option(help: "The load's weight as re-measured: 24.1kg.") var weight: String
    @Option(help: "The load's containers as counted.") var containers: Int64
    @Option(parsing: .unconditional, help: "The contractor's driver.") var driver: String
    @Option(parsing: .unconditional, help: "The vehicle's plate.") var vehicle: String

    func validate() throws {
      guard !batches.isEmpty else { throw ValidationError("name at least one stored batch") }
      _ = try Parse.weight(weight)
    }

    func run(on depot: Depot) throws {
      let request = WasteHandover(
        batches: batches, contractor: contractor, manifest: manifest,
        weightGrams: try Parse.weight(weight), containers: containers, driver: driver,
        vehicle: vehicle)
      try emit(try depot.handOverWaste(request, global.context(reference)), text: renderManifest)
    }
  }

  struct Resolve: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "resolve",
      abstract: "Resolve a manifest's discrepancy with a reason (approver, signed).",
      discussion: """
        Example:
          depot waste resolve MAN-2026-000001 \\
            --reason "re-weighed at plant: 24.3 kg" --as zhang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The manifest.") var manifest: String
    @Option(parsing: .unconditional, help: "Why the difference is settled.") var reason: String

    func run(on depot: Depot) throws {
      let request = WasteResolution(manifest: manifest, reason: reason)
      try emit(try depot.resolveManifest(request, global.context(reference)), text: renderManifest)
    }
  }

  struct Dispose: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "dispose",
      abstract: "Record the contractor's disposal certificate, closing the manifest (clerk).",
      discussion: """
        Example:
          depot waste dispose MAN-2026-000001 --certificate C-7781 \\
            --method incineration --destination "__焚烧厂" --as wang
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reference: ReferenceOption
    @Argument(help: "The manifest.") var manifest: String
    @Option(parsing: .unconditional, help: "The disposal certificate's number.")
    var certificate: String
    @Option(
      parsing: .unconditional, help: "How it was disposed of: incineration, steam sterilisation ..."
    ) var method: String
    @Option(parsing: .unconditional, help: "The final destination.") var destination: String

    func run(on depot: Depot) throws {
      let request = WasteDisposal(
        manifest: manifest, certificate: certificate, method: method, destination: destination)
      try emit(try depot.disposeWaste(request, global.context(reference)), text: renderManifest)
    }
  }

  struct List: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List batches; with --overdue, those past 48 hours (exit 1 if there are any).",
      discussion: """
        Example:
          depot waste list --state stored --as wang
          depot waste list --overdue \\
            --as wang || echo "waste waiting too long"
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only batches in this state.") var state: String?
    @Flag(help: "Only batches not handed over within 48 hours; exit 1 when there are any.")
    var overdue = false

    func validate() throws {
      _ = try Parse.state(state, of: [.wasteBatch])
    }

    func run(on depot: Depot) throws {
      let filter = WasteListFilter(
        state: try Parse.state(state, of: [.wasteBatch]), overdueOnly: overdue)
      let entries = try depot.wasteList(filter, as: global.actingUser)
      try emit(entries) { entries in
        guard !entries.isEmpty else { return overdue ? "No overdue batches." : "No batches." }
        return renderRegister(entries)
      }
      if overdue, !entries.isEmpty {
        Terminal.error(
          "error: \(entries.count) batch(es) not handed over within 48 hours: "
            + entries.map(\.batch).joined(separator: ", "))
        throw ExitCode(1)
      }
    }
  }

  struct Show: EngineCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a batch's register entry and history, or a manifest.",
      discussion: """
        Example:
          depot waste show WST-2026-000001 --as audit
          depot waste show MAN-2026-000001 --as audit
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A WST batch, or a MAN manifest or its paper number (联单号).")
    var number: String

    func run(on depot: Depot) throws {
      try emit(
        try depot.document(number, among: [.wasteBatch, .wasteManifest], as: global.actingUser),
        text: shownText)
    }
  }
}

extension Parse {
  static func weight(_ text: String, field: Field = .weight) throws -> Int64 {
    do {
      return try Weight.grams(text, field: field)
    } catch {
      throw ValidationError(error.description)
    }
  }
}

/// A batch as `show` prints it: its line, register entry, lots and history.
func shownText(_ view: WasteBatchView) -> String {
  var parts = [renderBatch(view), renderRegisterEntry(view.register)]
  if !view.lines.isEmpty { parts.append(renderAdjustmentLines(view.lines)) }
  parts.append(renderHistory(view.history))
  return parts.joined(separator: "\n\n")
}

/// A manifest as `show` prints it, with its history.
func shownText(_ view: ManifestView) -> String {
  renderManifest(view) + "\n\n" + renderHistory(view.history)
}

/// A batch in one line: class, source, weight and where it is.
func renderBatch(_ view: WasteBatchView) -> String {
  let entry = view.register
  var text = "\(view.number) \(view.state): \(entry.category) from \(entry.source)"
  if let grams = entry.weightGrams, let containers = entry.containers {
    text += ", \(Weight.text(grams: grams)) in \(containers) container(s)"
  }
  if let contents = entry.contents { text += " (\(contents))" }
  if let point = entry.storagePoint { text += ", at \(point)" }
  if let manifest = entry.manifest { text += ", handed over under \(manifest)" }
  if !["handed-over", "disposed"].contains(view.state) {
    text += "; hand over by \(entry.deadline.local)" + (entry.overdue ? " (OVERDUE)" : "")
  }
  return text
}

/// Every field of a register entry, one per line.
func renderRegisterEntry(_ entry: WasteRegisterEntry) -> String {
  let fields: [(String, String?)] = [
    ("Source", "\(entry.source) \(entry.sourceName)"), ("Class", entry.category),
    ("Write-off", entry.writeOff), ("Contents", entry.contents),
    ("Weight", entry.weightGrams.map { Weight.text(grams: $0) }),
    ("Containers", entry.containers.map(String.init)),
    ("Opened", "\(entry.openedAt.local) by \(entry.openedBy)"),
    ("Collected", entry.collectedAt.map { "\($0.local) by \(entry.collector ?? "?")" }),
    (
      "Stored",
      entry.storagePoint.map {
        "\($0) at \(entry.storedAt?.local ?? "?") by \(entry.storedBy ?? "?")"
      }
    ),
    ("Deadline", entry.deadline.local + (entry.overdue ? " (OVERDUE)" : "")),
    (
      "Handed over",
      entry.handedOverAt.map {
        "\($0.local) by \(entry.handedOverBy ?? "?") (signed)"
          + (entry.handedOverLate ? " (LATE)" : "")
      }
    ),
    ("Manifest", entry.manifest.map { "\($0) (\(entry.manifestNumber ?? "?"))" }),
    (
      "Contractor",
      entry.contractor.map {
        "\($0) \(entry.contractorName ?? ""), licence \(entry.licence ?? "?") until "
          + (entry.licenceExpires?.description ?? "?")
      }
    ),
    ("Driver", entry.driver), ("Vehicle", entry.vehicle), ("Discrepancy", entry.discrepancy),
    ("Resolved", entry.resolution.map { "\($0) (\(entry.resolvedBy ?? "?"), signed)" }),
    ("Disposal", entry.disposalMethod), ("Destination", entry.destination),
    (
      "Certificate",
      entry.certificate.map { "\($0), recorded by \(entry.disposalRecordedBy ?? "?")" }
    ),
  ]
  var table = Table([.init("Field"), .init("Value")])
  for (name, value) in fields {
    if let value { table.append([name, value]) }
  }
  return table.render()
}

/// Register entries as a table.
func renderRegister(_ entries: [WasteRegisterEntry]) -> String {
  var table = Table([
    .init("Batch"), .init("State"), .init("Class"), .init("Source"),
    .init("Weight", alignRight: true), .init("Cont.", alignRight: true), .init("Opened"),
    .init("Point"), .init("Manifest"), .init("Contractor"), .init("Flag"),
  ])
  for entry in entries {
    table.append([
      entry.batch, entry.state, entry.category, entry.source,
      entry.weightGrams.map { Weight.text(grams: $0) } ?? "-",
      entry.containers.map(String.init) ?? "-", entry.openedAt.local,
      entry.storagePoint ?? "",
      entry.manifest ?? "", entry.contractor ?? "",
      entry.overdue ? "OVERDUE" : entry.handedOverLate ? "late" : "",
    ])
  }
  return table.render()
}

/// A manifest: the hand-over, the re-measured load, any discrepancy, and its batches.
func renderManifest(_ view: ManifestView) -> String {
  var lines = [
    "\(view.number) \(view.state): manifest \(view.manifestNumber) to \(view.contractor) "
      + "\(view.contractorName) (licence \(view.licence) until \(view.licenceExpires)), "
      + "driver \(view.driver), vehicle \(view.vehicle), by \(view.handedOverBy) (signed)",
    "Re-measured \(Weight.text(grams: view.weightGrams)) in \(view.containers) container(s); "
      + "collected \(Weight.text(grams: view.expectedGrams)) in \(view.expectedContainers)",
  ]
  if let discrepancy = view.discrepancy {
    lines.append(
      "Discrepancy: \(discrepancy)"
        + (view.resolution.map { "; resolved by \(view.resolvedBy ?? "?"): \($0)" }
          ?? "; an approver resolves it with 'depot waste resolve \(view.number) --reason ...'"))
  }
  if let certificate = view.certificate {
    lines.append(
      "Disposed: certificate \(certificate), \(view.disposalMethod ?? "?"), "
        + (view.destination ?? "?"))
  }
  return lines.joined(separator: "\n") + "\n" + renderRegister(view.batches)
}

/// A document's steps.
func renderHistory(_ steps: [HistoryStep]) -> String {
  var table = Table([.init("At"), .init("Step"), .init("By"), .init("Signed"), .init("Reason")])
  for step in steps {
    table.append([
      step.at.local, step.action, step.actor, step.signed ? "yes" : "", step.reason ?? "",
    ])
  }
  return table.render()
}
