import Ledger

/// The decisions one command group takes on its documents, and what such a decision returns.
public protocol DecisionKind: RawRepresentable, Sendable where RawValue == String {
  associatedtype Result: Codable & Sendable
  /// The command group, as a person types it (`issue`).
  static var commandGroup: String { get }
}

/// An approver's decision on one document (approve, reject, cancel, close), with the reason
/// that some decisions require.
public struct Decision<Kind: DecisionKind>: DepotRequest {
  public typealias Result = Kind.Result

  public var kind: Kind
  public var number: String
  public var reason: String?

  public init(_ kind: Kind, number: String, reason: String? = nil) {
    self.kind = kind
    self.number = number
    self.reason = reason
  }

  public var command: String { "\(Kind.commandGroup) \(kind.rawValue)" }
  public var inputs: [(Field, String)] {
    [(.number, number)] + (reason.map { [(.reason, $0)] } ?? [])
  }

  /// The reason, which this decision may not go without.
  func requiredReason() throws -> String {
    guard let reason else {
      throw DepotError.reasonRequired(action: "\(kind.rawValue) \(number)")
    }
    return try Text.checked(reason, field: .reason, maximumLength: 2000, lineBreaks: true)
  }
}

/// The documents a kind of decision is taken on, and how its roles check and its events name
/// them.
struct DecidedDocuments: Sendable {
  var kind: DocumentKind
  /// As the roles check names them: `purchase requests` in `approve purchase requests`.
  var named: String
  /// The first part of the event's action: `purchase` in `purchase.approve`.
  var event: String
}

/// The rule a kind of decision follows: the documents it is taken on, the states it may be
/// taken in and the state it leaves them in.
protocol DecisionRule: DecisionKind {
  static var documents: DecidedDocuments { get }
  var transition: (allowed: [DocumentState], target: DocumentState) { get }
}

/// What a decision's own checks and work hand back to the event that records it.
struct DecisionOutcome {
  /// The reason, checked.
  var reason: String?
  /// What the event's payload carries after the document and the decision.
  var details: [(String, String?)] = []
}

extension Depot {
  /// Runs an approver's signed decision on one document: refuses it unless the document is in
  /// a state the decision may be taken in; `carryOut` makes the decision's own checks and
  /// changes; then the document moves to its new state with an event that records the reason,
  /// and `conclude` returns the document as it then stands.
  func decide<Kind: DecisionRule>(
    _ request: Decision<Kind>, _ context: WriteContext,
    _ carryOut: (Session, DocumentRecord) throws -> DecisionOutcome,
    then conclude: (Session, DocumentRecord) throws -> Kind.Result
  ) throws -> Kind.Result {
    let decision = request.kind.rawValue
    let (allowed, target) = request.kind.transition
    return try perform(
      request, context, roles: [.approver], action: "\(decision) \(Kind.documents.named)"
    ) { session in
      var document = try session.document(
        request.number, kind: Kind.documents.kind, allowing: allowed, to: target)
      let outcome = try carryOut(session, document)
      try session.move(
        &document, to: target, action: "\(Kind.documents.event).\(decision)",
        reason: outcome.reason,
        payload: session.dated(
          Payload([("document", document.number), ("decision", decision)] + outcome.details)))
      return try conclude(session, document)
    }
  }
}

extension Session {
  /// Refuses a decision on `document` by whoever took its earlier step (four eyes, SPEC §1):
  /// nobody approves, rejects or settles what they requested or recorded themselves.
  func requireFourEyes(on document: DocumentRecord, earlierStep: String, by userID: Int64)
    throws
  {
    guard userID != actor.id else {
      throw DepotError.fourEyes(
        user: actor.name, document: document.number, earlierStep: earlierStep)
    }
  }
}
