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
    return try Text.checked(reason, field: .reason, maximumLength: 2000)
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
