import ArgumentParser
import Inventory

/// The documents an approver decides on, as a decision's `--help` names their number: "The
/// request number."
protocol DecisionHelp {
  static var document: String { get }
}

extension DecisionHelp {
  /// The help of the decision's document number.
  static var numberHelp: ArgumentHelp { ArgumentHelp("The \(document) number.") }
}

/// The documents an approver approves, and what an approval's optional `--reason` is for.
protocol ApprovalHelp: DecisionHelp {
  static var reasonHelp: String { get }
}

enum IssueRequests: DecisionHelp { static let document = "request" }
enum PurchaseOrders: DecisionHelp { static let document = "order" }
/// `depot procure cancel` takes either.
enum PurchaseRequestsOrOrders: DecisionHelp { static let document = "request or order" }

enum PurchaseRequests: ApprovalHelp {
  static let document = "request"
  static let reasonHelp = "A reason, if any."
}

enum Adjustments: ApprovalHelp {
  static let document = "adjustment"
  static let reasonHelp = "A note on the decision."
}

/// A decision's document number and reason, as its options give them.
protocol DecisionArguments: ParsableArguments {
  var reference: ReferenceOption { get }
  var number: String { get }
  var givenReason: String? { get }
}

/// The options of an approver's signed decision that needs a reason (reject, cancel, close).
struct DecisionOptions<Documents: DecisionHelp>: DecisionArguments {
  @OptionGroup var reference: ReferenceOption
  @Argument(help: Documents.numberHelp) var number: String
  @Option(parsing: .unconditional, help: "Why.") var reason: String

  var givenReason: String? { reason }
}

/// The options of an approver's signed approval, which may go without a reason.
struct ApprovalOptions<Documents: ApprovalHelp>: DecisionArguments {
  @OptionGroup var reference: ReferenceOption
  @Argument(help: Documents.numberHelp) var number: String
  @Option(parsing: .unconditional, help: ArgumentHelp(Documents.reasonHelp)) var reason: String?

  var givenReason: String? { reason }
}

extension EngineCommand {
  /// Has `engine` take the decision `kind` on the document the options name, and prints the
  /// document as it then stands.
  func decide<Kind: DecisionKind>(
    _ kind: Kind, _ options: some DecisionArguments,
    by engine: (Decision<Kind>, WriteContext) throws -> Kind.Result,
    text: (Kind.Result) -> String
  ) throws {
    let decision = Decision(kind, number: options.number, reason: options.givenReason)
    try emit(try engine(decision, global.context(options.reference)), text: text)
  }
}
