import ArgumentParser
import Foundation
import Inventory
import Ledger
import Output

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(help: "The database file (default: $DEPOT_DB, else ./depot.sqlite).")
  var db: String?

  @Option(name: .customLong("as"), help: "Who acts (default: $DEPOT_USER).")
  var actor: String?

  @Flag(help: "Print one JSON document on standard output.")
  var json = false

  @Option(help: "Your private key file (default: $DEPOT_KEY, else ~/.config/depot/keys/USER.key).")
  var key: String?

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The database path from --db, $DEPOT_DB or the default.
  var databasePath: String {
    db ?? environment["DEPOT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "depot.sqlite"
  }

  /// The acting user from --as or $DEPOT_USER.
  var actingUser: String? {
    actor ?? environment["DEPOT_USER"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The key file from --key, $DEPOT_KEY, or the acting user's default path.
  func keyPath(for user: String?) -> String? {
    if let key { return key }
    if let path = environment["DEPOT_KEY"], !path.isEmpty { return path }
    return user.map { KeyFile.defaultPath(for: $0, environment: environment) }
  }
}

/// The options of every command that writes.
struct ReferenceOption: ParsableArguments {
  @Option(help: "A client reference: the same command with the same --ref posts once.")
  var ref: String?

  func validate() throws { try checkReference(ref) }
}

/// The options of every command that posts to the ledger.
struct PostingOptions: ParsableArguments {
  @Option(help: "A client reference: the same command with the same --ref posts once.")
  var ref: String?

  @Option(help: "The effective date, YYYY-MM-DD, when it is not today.")
  var date: String?

  func validate() throws {
    try checkReference(ref)
    if let day = try Parse.day(date, flag: "--date") { _ = try Day.checkedEffective(day) }
  }
}

/// What a report's `--from` and `--to` count, as its `--help` says: "First day, YYYY-MM-DD."
protocol PeriodHelp {
  static var day: String { get }
}

/// Office days.
enum Days: PeriodHelp { static let day = "day" }

/// Effective dates of movements.
enum EffectiveDays: PeriodHelp { static let day = "effective day" }

/// The days requests were made.
enum RequestDays: PeriodHelp { static let day = "request day" }

/// The days a report covers, from `--from` to `--to`, each optional.
struct PeriodOptions<Counted: PeriodHelp>: ParsableArguments {
  @Option(help: ArgumentHelp("First \(Counted.day), YYYY-MM-DD.")) var from: String?
  @Option(help: ArgumentHelp("Last \(Counted.day), YYYY-MM-DD.")) var to: String?

  func validate() throws {
    _ = try Parse.day(from, flag: "--from")
    _ = try Parse.day(to, flag: "--to")
    if let first, let last, last < first {
      throw ValidationError(DepotError.periodReversed(from: first, to: last).description)
    }
  }

  /// The first day, once `validate` has passed.
  var first: Day? { from.flatMap(Day.init) }
  /// The last day, once `validate` has passed.
  var last: Day? { to.flatMap(Day.init) }
}

/// Refuses a `--ref` that invisible characters could make look like another one.
private func checkReference(_ ref: String?) throws {
  if let ref { _ = try Text.checkedIdentifier(ref, field: .ref, maximumLength: 128) }
}

extension GlobalOptions {
  /// Who acts, for a command that writes without an effective date.
  func context(_ reference: ReferenceOption) -> WriteContext {
    WriteContext(
      actor: actingUser, reference: reference.ref, signer: keyFileSigner,
      onReplay: Self.noteReplay)
  }

  /// Who acts and when, for a command that posts.
  func context(_ posting: PostingOptions) -> WriteContext {
    WriteContext(
      actor: actingUser, reference: posting.ref, date: posting.date.flatMap(Day.init),
      signer: keyFileSigner, onReplay: Self.noteReplay)
  }

  /// Says on stderr, before the result, that a retry wrote nothing new.
  private static let noteReplay: @Sendable (String) -> Void = { reference in
    Terminal.error(
      "note: --ref \(Sanitized.line(reference)) was used before: nothing new was written; "
        + "this is what that run did")
  }

  /// The acting user's key file, which signs every write.
  private var keyFileSigner: KeyFileSigner? {
    keyPath(for: actingUser).map { KeyFileSigner(path: $0, user: actingUser ?? "") }
  }
}

/// Parses option values at validation time, naming the flag in the error.
enum Parse {
  static func quantity(_ text: String, unit: String? = nil, flag: String = "--qty") throws
    -> QuantityAmount
  {
    do {
      return try QuantityAmount.parse(text, unit: unit)
    } catch {
      throw ValidationError("'\(flag)' must be a positive whole number of base units: \(error)")
    }
  }

  /// A quantity option that may be left out.
  static func quantity(_ text: String?, unit: String? = nil, flag: String = "--qty") throws
    -> QuantityAmount?
  {
    try text.map { try quantity($0, unit: unit, flag: flag) }
  }

  /// The `--qty` of a command that takes a quantity or one `--serial` per piece: it needs one
  /// of them.
  static func quantity(_ text: String?, unit: String?, orSerials serials: [String]) throws
    -> QuantityAmount?
  {
    guard text != nil || !serials.isEmpty else {
      throw ValidationError("'--qty' is required (or one '--serial' per piece)")
    }
    return try quantity(text, unit: unit)
  }

  static func itemAmounts(_ texts: [String], flag: String) throws -> [ItemAmount] {
    try texts.map { text in
      do {
        return try ItemAmount.parse(text)
      } catch {
        throw ValidationError(
          "'\(flag)' must be CODE=QTY with a positive whole quantity, like MASK-SURG=4box: \(error)"
        )
      }
    }
  }

  /// The `--item` lines of a request, which needs at least one.
  static func requestedItems(_ texts: [String]) throws -> [ItemAmount] {
    guard !texts.isEmpty else { throw ValidationError("'--item' is required: CODE=QTY") }
    return try itemAmounts(texts, flag: "--item")
  }

  static func money(_ text: String, flag: String) throws -> Int64 {
    guard let fen = Money.parseYuan(text), fen >= 0 else {
      throw ValidationError(
        "'\(flag)' must be an amount in yuan with at most two decimals, like 12.34 (got '\(text)')")
    }
    return fen
  }

  /// An amount option that may be left out.
  static func money(_ text: String?, flag: String) throws -> Int64? {
    try text.map { try money($0, flag: flag) }
  }

  static func day(_ text: String, flag: String) throws -> Day {
    guard let day = Day(text) else {
      throw ValidationError("'\(flag)' must be a real date written YYYY-MM-DD (got '\(text)')")
    }
    return day
  }

  /// A date option that may be left out.
  static func day(_ text: String?, flag: String) throws -> Day? {
    try text.map { try day($0, flag: flag) }
  }

  /// The one rule for a value from a fixed set (a choice, a filter such as `--state`): `text`
  /// is one of the names of `values`, or is refused naming them all, `words` (the option's
  /// other values, such as `open`) first.
  static func oneOf<T>(
    _ text: String, _ values: [(name: String, value: T)], or words: [String] = [], flag: String
  ) throws -> T {
    guard let match = values.first(where: { $0.name == text }) else {
      throw ValidationError(
        "'\(flag)' must be one of: " + (words + values.map(\.name)).joined(separator: ", "))
    }
    return match.value
  }

  static func choice<T: RawRepresentable & CaseIterable>(_ text: String, flag: String) throws -> T
  where T.RawValue == String {
    try oneOf(text, T.allCases.map { ($0.rawValue, $0) }, flag: flag)
  }

  /// A choice option that may be left out.
  static func choice<T: RawRepresentable & CaseIterable>(_ text: String?, flag: String) throws
    -> T?
  where T.RawValue == String {
    try text.map { try choice($0, flag: flag) }
  }

  /// Refuses one of two options that go together given without the other.
  static func together(_ first: (flag: String, given: Bool), _ second: (flag: String, given: Bool))
    throws
  {
    guard first.given == second.given else {
      throw ValidationError("'\(first.flag)' and '\(second.flag)' go together")
    }
  }

  /// A `--state` filter of a list of documents of `kinds`: one of the states they can be in.
  /// `words` are the filter's other values (`open`), named first when `text` is none of them.
  static func state(
    _ text: String, of kinds: [DocumentKind], or words: [String] = [], flag: String = "--state"
  ) throws -> DocumentState {
    let states = DocumentState.allCases.filter { state in
      kinds.contains { $0.states.contains(state) }
    }
    return try oneOf(text, states.map { ($0.rawValue, $0) }, or: words, flag: flag)
  }

  /// A `--state` filter that may be left out.
  static func state(_ text: String?, of kinds: [DocumentKind]) throws -> DocumentState? {
    try text.map { try state($0, of: kinds) }
  }
}
