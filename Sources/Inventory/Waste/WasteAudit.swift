import Ledger

/// What `ledger verify` checks of write-offs, recalls and the waste register: that holds
/// never exceed the stock they hold, that a write-off batch's movements match its state,
/// and that the recall and register tables say what their hash-chained events recorded.
enum WasteAudit {
  /// The first hold larger than what is on hand, or the first batch whose movements do not
  /// match how far it got.
  static func stockProblem(_ transaction: any LedgerTransaction) throws -> String? {
    for hold in try transaction.holds() {
      let onHand = try transaction.balance(accountID: hold.accountId, lotID: hold.lotId).quantity
      if hold.quantity > onHand {
        let place = try transaction.account(id: hold.accountId)?.code ?? "?"
        let lot = try transaction.lot(id: hold.lotId)
        let item = try lot.flatMap { try transaction.item(id: $0.itemId)?.code } ?? "?"
        let layer = lot?.number.map { "\(item) lot \($0)" } ?? "\(item) (layer \(hold.lotId))"
        return "\(hold.quantity) of \(layer) are held by write-offs or disinfection at \(place) "
          + "but only \(onHand) are on hand"
      }
    }
    for flow in try transaction.wasteBatchFlows() {
      let moved = [flow.intoWastePoint, flow.intoContractor, flow.intoDisposed, flow.elsewhere]
      if moved != expectedFlows(state: flow.state, carried: flow.carried) {
        return "\(flow.batchNumber) is \(flow.state) and carries \(flow.carried), but its "
          + "movements moved \(flow.intoWastePoint) to a waste point, \(flow.intoContractor) to "
          + "the contractor, \(flow.intoDisposed) to disposed and \(flow.elsewhere) elsewhere"
      }
    }
    return nil
  }

  /// What a batch's document moves by the time it is in `state`: into the waste point when
  /// stored, on to the contractor when handed over, and into `disposed` with the certificate.
  /// The state is read as stored, so that a state edited by hand is reported, not thrown.
  private static func expectedFlows(state: String, carried: Int64) -> [Int64] {
    switch DocumentState(rawValue: state) {
    case .stored: [carried, 0, 0, 0]
    case .handedOver: [carried, carried, 0, 0]
    case .disposed: [carried, carried, carried, 0]
    default: [0, 0, 0, 0]
    }
  }

  /// The first lot that the recall table and the signed recalls disagree about.
  static func recallProblem(_ transaction: any LedgerTransaction) throws -> String? {
    var recorded: Set<Int64> = []
    for event in try transaction.events(actions: ["lot.recall"]) {
      for field in Payload(parsing: event.payload).fields where field.name == "lotId" {
        if let id = Int64(field.value) { recorded.insert(id) }
      }
    }
    let stored = try transaction.recalledLotIDs()
    if let extra = stored.subtracting(recorded).min() {
      return "lot \(extra) is in the recall table but no signed recall recorded it"
    }
    if let missing = recorded.subtracting(stored).min() {
      return "lot \(missing) was recalled by a signed recall but is missing from the recall table"
    }
    return nil
  }

  /// The first batch or manifest whose register rows differ from the events that recorded
  /// each step. Streams the register against the history, so memory grows with the facts
  /// kept per batch, not with the rows and events read.
  static func registerProblem(_ transaction: any LedgerTransaction) throws -> String? {
    var (batches, manifests) = try recordedHistory(transaction)
    var differing: Set<String> = []
    try transaction.forEachWasteRegisterRow(WasteRegisterFilter()) { row in
      let facts = BatchFacts(
        category: row.category, source: row.source, writeOff: row.writeOff,
        grams: row.weightGrams.map(String.init), containers: row.containers.map(String.init),
        collector: row.collector, point: row.storagePoint, manifest: row.manifest)
      if batches.removeValue(forKey: row.batch) != facts {
        differing.insert(row.batch)
      }
    }
    if let number = differing.union(batches.keys).min() {
      return "\(number) in the waste register differs from its recorded history"
    }
    for (number, manifest, carried) in try transaction.manifests() {
      let resolution = try transaction.resolution(manifestDocumentID: manifest.documentId)
      let disposal = try transaction.disposal(manifestDocumentID: manifest.documentId)
      let facts = ManifestFacts(
        handover: [
          manifest.manifestNumber,
          try transaction.account(id: manifest.contractorAccountId)?
            .code ?? "?", manifest.licence, manifest.licenceExpires.description,
          String(manifest.expectedGrams), String(manifest.expectedContainers),
          String(manifest.weightGrams), String(manifest.containers), manifest.driver,
          manifest.vehicle, manifest.discrepancy ?? "",
        ], batches: carried, resolution: resolution?.reason,
        disposal: disposal.map { [$0.certificate, $0.method, $0.destination] })
      if manifests.removeValue(forKey: number) != facts { differing.insert(number) }
    }
    if let number = differing.union(manifests.keys).min() {
      return "\(number) in the waste register differs from its recorded history"
    }
    return nil
  }

  /// What a batch's register row says, as text.
  private struct BatchFacts: Equatable {
    var category: String?
    var source: String?
    var writeOff: String?
    var grams: String?
    var containers: String?
    var collector: String?
    var point: String?
    var manifest: String?
  }

  /// What a manifest's register rows say, as text.
  private struct ManifestFacts: Equatable {
    var handover: [String] = []
    var batches: [String] = []
    var resolution: String?
    var disposal: [String]?
  }

  /// The register as the waste events recorded it, step by step.
  private static func recordedHistory(_ transaction: any LedgerTransaction) throws -> (
    batches: [String: BatchFacts], manifests: [String: ManifestFacts]
  ) {
    var batches: [String: BatchFacts] = [:]
    var manifests: [String: ManifestFacts] = [:]
    let actions = [
      "waste.open", "waste.collect", "waste.store", "waste.handover", "manifest.handover",
      "manifest.resolve", "manifest.dispose",
    ]
    try transaction.forEachEvent(actions: actions) { event in
      let payload = Payload(parsing: event.payload)
      switch event.action {
      case "waste.open", "waste.collect":
        var facts = batches[event.subject, default: BatchFacts()]
        facts.category = payload["category"]
        facts.source = payload["source"]
        facts.writeOff = payload["writeOff"] ?? facts.writeOff
        facts.grams = payload["grams"]
        facts.containers = payload["containers"]
        facts.collector = payload["collector"]
        batches[event.subject] = facts
      case "waste.store":
        batches[event.subject, default: BatchFacts()].point = payload["point"]
      case "waste.handover":
        batches[event.subject, default: BatchFacts()].manifest = payload["manifest"]
      case "manifest.handover":
        manifests[event.subject, default: ManifestFacts()].handover = [
          "manifestNumber", "contractor", "licence", "licenceExpires", "expectedGrams",
          "expectedContainers", "grams", "containers", "driver", "vehicle", "discrepancy",
        ].map { payload[$0] ?? "" }
        manifests[event.subject]?.batches = payload.fields.filter { $0.name == "batch" }.map(
          \.value)
      case "manifest.resolve":
        manifests[event.subject, default: ManifestFacts()].resolution = event.reason
      default:
        manifests[event.subject, default: ManifestFacts()].disposal = [
          payload["certificate"] ?? "", payload["method"] ?? "", payload["destination"] ?? "",
        ]
      }
    }
    return (batches, manifests)
  }
}
