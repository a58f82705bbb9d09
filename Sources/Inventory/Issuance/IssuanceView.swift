import Ledger

/// An issuance request as `depot issue show` prints it: its lines and how far each got, the
/// lots shipped, any discrepancy, and every step with who took it and when.
public struct IssuanceView: Codable, Sendable, Equatable {
  /// One item of the request.
  public struct Line: Codable, Sendable, Equatable {
    public var item: String
    public var itemName: String
    public var unit: String
    public var requested: Int64
    public var approved: Int64
    public var shipped: Int64
    public var received: Int64
    public var damaged: Int64
    public var missing: Int64
    public var released: Int64
    public var reserved: Int64
    public var inTransit: Int64
    /// Turned down, by a decision or by closing the request.
    public var declined: Int64
    public var declineReason: String?
    /// Requested and neither approved nor declined yet, while the request is open (SPEC §10).
    public var awaitingDecision: Int64
  }

  /// One lot that left the warehouse for the site.
  public struct Shipment: Codable, Sendable, Equatable {
    public var date: String
    public var item: String
    public var lot: String?
    public var expiry: String?
    public var quantity: Int64
    public var value: String
  }

  /// One step of the request's history.
  public typealias Step = HistoryStep

  public var number: String
  public var state: String
  public var priority: String
  public var neededBy: String?
  public var source: String
  public var site: String
  public var requester: String
  public var note: String?
  public var floorOverride: String?
  public var lines: [Line]
  public var shipments: [Shipment]
  public var discrepancies: [String]
  /// The write-offs opened for goods that arrived damaged.
  public var writeOffs: [String]
  public var history: [Step]

  /// Whether some line still awaits an approver's decision.
  public var awaitsDecision: Bool { lines.contains { $0.awaitingDecision > 0 } }
}

extension Session {
  /// The full view of a request.
  func issuanceView(_ document: DocumentRecord) throws -> IssuanceView {
    let request = try issuanceRecord(document)
    let source = try account(document.sourceAccountId)
    let site = try account(document.destinationAccountId)
    let transit = try systemAccount(.transit)
    var items: [Int64: ItemRecord] = [:]
    var lines: [IssuanceView.Line] = []
    var discrepancies: [String] = []
    for line in try transaction.issuanceLines(documentID: document.id) {
      let item = try item(id: line.itemId)
      items[item.id] = item
      lines.append(
        IssuanceView.Line(
          item: item.code, itemName: item.name, unit: item.baseUnit, requested: line.requested,
          approved: line.approved, shipped: line.shipped, received: line.received,
          damaged: line.damaged, missing: line.missing, released: line.released,
          reserved: line.reserved, inTransit: line.inTransit, declined: line.declined,
          declineReason: line.declineReason,
          awaitingDecision: document.kind.isOpen(document.state) ? line.awaitingDecision : 0))
      if line.damaged > 0 || line.missing > 0 {
        discrepancies.append(
          "\(item.code): \(line.shipped) shipped, \(line.received) received intact, "
            + "\(line.damaged) damaged, \(line.missing) missing")
      }
    }
    let shipments = try transaction.movements(ofDocument: document.id)
      .filter { $0.fromAccountId == source.id && $0.toAccountId == transit.id }
      .map { movement in
        let lot = try transaction.lot(id: movement.lotId)
        return IssuanceView.Shipment(
          date: movement.effectiveDate.description, item: items[movement.itemId]?.code ?? "?",
          lot: lot?.number, expiry: lot?.expiry?.description, quantity: movement.quantity,
          value: Money.yuan(movement.value))
      }
    let history = try history(of: document)
    return IssuanceView(
      number: document.number, state: document.state.rawValue, priority: request.priority,
      neededBy: request.neededBy?.description, source: source.code, site: site.code,
      requester: try transaction.user(id: document.createdBy)?.name ?? "?", note: document.note,
      floorOverride: request.floorOverrideReason, lines: lines, shipments: shipments,
      discrepancies: discrepancies,
      writeOffs: try transaction.adjustments(originDocumentID: document.id).map(\.number),
      history: history)
  }
}
