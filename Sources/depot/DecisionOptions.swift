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

/// A decision's document number, reason and effective date, as its options give them.
protocol DecisionArguments: ParsableArguments {
  var posting: PostingOptions { get }
  var number: String { get }
  var givenReason: String? { get }
}

/// The options of an approver's signed decision that needs a reason (reject, cancel, close);
/// `--date` enters a decision taken earlier, by phone (SPEC §10).
struct DecisionOptions<Documents: DecisionHelp>: DecisionArguments {
  @OptionGroup var posting: PostingOptions
  @Argument(help: Documents.numberHelp) var number: String
  @Option(parsing: .unconditional, help: "Why.") var reason: String

  var givenReason: String? { reason }
}

/// The options of an approver's signed approval, which may go without a reason.
struct ApprovalOptions<Documents: ApprovalHelp>: DecisionArguments {
  @OptionGroup var posting: PostingOptions
  @Argument(help: Documents.numberHelp) var number: String
  @Option(parsing: .unconditional, help: ArgumentHelp(Documents.reasonHelp)) var reason: String?

  var givenReason: String? { reason }
}

/// What an approval decides line by line (SPEC §10): `--item` approves part of a line, and
/// `--decline` turns a line's rest down with a reason; every other line awaiting a decision
/// is approved in full.
struct LineDecisionOptions: ParsableArguments {
  @Option(help: "CODE=QTY to approve part of a line; the rest awaits a decision (repeatable).")
  var item: [String] = []
  @Option(
    parsing: .unconditionalSingleValue,
    help: "CODE=REASON to decline what of a line is not approved (repeatable).")
  var decline: [String] = []

  func validate() throws {
    _ = try choices
  }

  /// The decisions, once `validate` has passed.
  var choices: LineChoices {
    get throws {
      LineChoices(
        items: try Parse.itemAmounts(item, flag: "--item"),
        declines: try decline.map { text in
          guard let parsed = ItemDecline.parse(text) else {
            throw ValidationError(
              "'--decline' must be CODE=REASON, like MASK-N95=\"not in the contract\" "
                + "(got '\(text)')")
          }
          return parsed
        })
    }
  }
}

/// The lines a request declined, each with its reason, under the request's table: empty when
/// nothing was declined.
func renderDeclines(_ lines: [(item: String, declined: Int64, unit: String, reason: String?)])
  -> String
{
  let declined = lines.filter { $0.declined > 0 }
  guard !declined.isEmpty else { return "" }
  return "\nDeclined:\n"
    + declined.map { line in
      labelled("  \(line.item) \(line.declined) \(line.unit)", line.reason ?? "")
    }.joined(separator: "\n")
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
    try emit(try engine(decision, global.context(options.posting)), text: text)
  }
}
