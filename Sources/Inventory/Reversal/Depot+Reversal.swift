import Ledger
import Macros

/// `depot reverse`: a posted document undone by a reversal document (`REV-`) whose movements
/// mirror it exactly (SPEC §10, §3 I3).
@MemberwiseInit
public struct ReversalRequest: DepotRequest {
  public typealias Result = PostedDocument
  /// The number of the document to reverse.
  public var document: String
  /// Why it is reversed.
  public var reason: String

  public var command: String { "reverse" }
  public var inputs: [(Field, String)] { [(.number, document), (.reason, reason)] }
}

extension DocumentKind {
  /// The kinds whose posted documents a reversal can undo.
  public static let reversible: [DocumentKind] = [
    .receipt, .donation, .transfer, .use, .stockReturn,
  ]
}

extension Depot {
  /// Reverses a receipt, donation, transfer, use or return (an approver who did not record
  /// it): a REV document moves back exactly what it moved, lot by lot at the same values, on
  /// the effective date, and a receipt's order takes back what it received. Refused where the
  /// goods it brought have moved on, and for a document already reversed.
  public func reverse(_ request: ReversalRequest, _ context: WriteContext) throws
    -> PostedDocument
  {
    try perform(request, context, roles: [.approver], action: "reverse documents") { session in
      let reason = try Text.checked(
        request.reason, field: .reason, maximumLength: 2000, lineBreaks: true)
      let original = try session.reversible(request.document)
      let movements = try session.transaction.movements(ofDocument: original.id)
      try session.checkStillThere(movements, of: original)
      var order = try session.orderGivingBack(original, movements: movements)
      let reversal = try session.newDocument(
        .reversal, state: .posted, source: original.destinationAccountId,
        destination: original.sourceAccountId, reverses: original.id)
      let lines = try movements.map { movement in
        let lot = try session.lot(id: movement.lotId)
        try session.transaction.post(
          MovementDraft(
            lot: lot, fromAccountId: movement.toAccountId, toAccountId: movement.fromAccountId,
            quantity: movement.quantity, value: movement.value, documentId: reversal.id,
            actorId: session.actor.id, effectiveDate: session.effectiveDate,
            recordedAt: session.now, reversesMovementId: movement.id))
        return PostedDocument.Line(
          item: try session.item(id: movement.itemId), lot: lot,
          from: try session.account(movement.toAccountId),
          to: try session.account(movement.fromAccountId), quantity: movement.quantity,
          value: movement.value)
      }
      try session.recordOpening(
        of: reversal, action: "reversal.post", reason: reason,
        payload: Payload([("reverses", original.number)] + Payload(lines: lines).optionalFields))
      if order != nil { try session.giveBack(&order!, for: original, reversal: reversal) }
      return try session.posted(reversal)
    }
  }

  /// A posted receipt, donation, transfer, use, return or reversal with its movements and
  /// what reverses it or what it reverses (any registered user).
  public func postedDocument(_ number: String, as actor: String?) throws -> PostedDocument {
    try read(as: actor) { session in
      let document = try session.document(number, kinds: DocumentKind.allCases)
      guard document.kind == .reversal || DocumentKind.reversible.contains(document.kind) else {
        throw DepotError.notReversible(document: document.number, kind: document.kind)
      }
      return try session.posted(document)
    }
  }
}
