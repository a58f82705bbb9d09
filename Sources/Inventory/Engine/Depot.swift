import Foundation
import Ledger
import Macros

/// The Depot engine: one method per use case, each one transaction that keeps every
/// invariant of SPEC §3. Roles, four eyes and signatures are checked here, not by callers.
public final class Depot: Sendable {
  /// The storage the engine writes through.
  public let store: any LedgerStorage
  /// Where the engine reads the time from.
  public let clock: any DepotClock

  /// Uses an opened store.
  public init(store: any LedgerStorage, clock: any DepotClock = SystemClock()) {
    self.store = store
    self.clock = clock
  }

  /// Runs a write use case: identifies the actor, checks roles, honours the client reference
  /// and runs `body` in one immediate transaction, then resolves everything the write wrote
  /// into its envelope, has the context's signer sign it, verifies the signature against the
  /// actor's enrolled key and stores it before the transaction commits (SPEC §7).
  ///
  /// The signing key is judged as it stands before the write (so a write that retires it,
  /// a rotation, is still signed by it), except for a key's own registration, which is
  /// signed by the key it registers.
  func perform<Request: DepotRequest>(
    _ request: Request, _ context: WriteContext, roles: [Role], action: String,
    selfSigned: Bool = false, _ body: (inout Session) throws -> Request.Result
  ) throws -> Request.Result {
    try Self.storage {
      try store.write { transaction in
        var session = try Session(
          transaction: transaction, actorName: context.actor, clock: clock,
          effectiveDate: context.date)
        try session.require(roles, to: action)
        assert(
          UseCasePolicy.admits(request.command, claimed: Set(roles.map(\.rawValue))),
          "\(request.command) needs roles outside UseCasePolicy")
        let inputs = RequestInputs(
          request.inputs + (context.date.map { [(.date, "\($0)")] } ?? []))
        var reference: String?
        if let given = context.reference {
          let checked = try Text.checkedIdentifier(given, field: .ref, maximumLength: 128)
          if let earlier = try transaction.requestLog(userID: session.actor.id, reference: checked)
          {
            let result = try RequestInputs.replay(
              earlier, command: request.command, inputs: inputs, reference: checked,
              as: Request.Result.self)
            context.onReplay?(checked)
            return Self.markedReplayed(result)
          }
          reference = checked
        }
        guard let signer = context.signer else {
          throw DepotError.keyFileMissing(user: session.actor.name, path: nil)
        }
        let publicKey = try signer.publicKey()
        let earlierKeys = Set(try transaction.keys(ofUser: session.actor.id).map(\.id))
        let activeKey =
          selfSigned
          ? nil : try Signing.signingKey(of: session, publicKey: publicKey, signer: signer)
        let position = try transaction.writePosition()
        let result = try body(&session)
        let key =
          try activeKey
          ?? Signing.registeredKey(of: session, publicKey: publicKey, earlier: earlierKeys)
        if let reference {
          try transaction.insertRequestLog(
            RequestLogRecord(
              userId: session.actor.id, ref: reference, command: request.command,
              inputs: inputs.encoded, result: try RequestInputs.encode(result),
              recordedAt: session.now))
        }
        try Signing.seal(
          session, since: position, useCase: request.command, inputs: inputs.encoded,
          roles: roles, signer: signer, key: key)
        return result
      }
    }
  }

  /// A replayed result, marked as such when its kind says whether it is a replay.
  private static func markedReplayed<Result>(_ result: Result) -> Result {
    guard var marked = result as? any ReplayMarked else { return result }
    marked.replayed = true
    return marked as? Result ?? result
  }

  /// Runs a read use case for a registered user, on one consistent snapshot.
  func read<T>(as actor: String?, _ body: (Session) throws -> T) throws -> T {
    try Self.storage {
      try store.read { transaction in
        try body(
          Session(transaction: transaction, actorName: actor, clock: clock, effectiveDate: nil))
      }
    }
  }

  /// Maps storage failures to `DepotError.storage`, a database that is already there to
  /// `alreadyInitialized`, and a stored value that cannot be read (a state or kind no version
  /// of depot writes) to `DepotError.damagedDatabase`: what the engine does with its store,
  /// and what its caller wraps opening or creating a store in.
  public static func storage<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as LedgerError {
      switch error {
      case .databaseExists(let path): throw DepotError.alreadyInitialized(path: path)
      default: throw DepotError.storage(error)
      }
    } catch let error as DecodingError {
      switch error {
      case .dataCorrupted(let context):
        throw DepotError.damagedDatabase(context.debugDescription)
      default:
        throw DepotError.damagedDatabase("a stored row holds a value that depot cannot read")
      }
    }
  }
}

/// Who acts, with which client reference, effective on which day.
@MemberwiseInit
public struct WriteContext: Sendable {
  /// The user acting (`--as`).
  public var actor: String?
  /// The client reference that makes a retry safe (`--ref`).
  public var reference: String? = nil
  /// The effective date when it is not today (`--date`).
  public var date: Day? = nil
  /// What signs the write's envelope: the caller's (the command line's key file, a test's key
  /// in memory); a write without one is refused.
  public var signer: (any EnvelopeSigner)? = nil
  /// Told when the write was a replay: its reference was used before, so what that run
  /// returned comes back and nothing is written now (every kind of result, not only those
  /// that carry `replayed`).
  public var onReplay: (@Sendable (_ reference: String) -> Void)? = nil
}

/// A write's result that says when a retry with the same client reference returned it as
/// the first run left it, instead of writing again.
public protocol ReplayMarked {
  /// True for a replay; nil when the write was done now.
  var replayed: Bool? { get set }
}

/// A write use case's input: its command name and the explicit inputs a retry must repeat.
public protocol DepotRequest: Sendable {
  /// What the use case returns; replayed as is when a reference is used again.
  associatedtype Result: Codable & Sendable
  /// The command, as a person types it (`receive`).
  var command: String { get }
  /// The explicit inputs, each under the field it gives, in a fixed order.
  var inputs: [(Field, String)] { get }
}
