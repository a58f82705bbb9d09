import Testing

@testable import Inventory

extension VerificationReport {
  /// Expects exactly the checks `failing` to fail, `check` among them with `problem`.
  func expect(
    failing: [String], _ check: String, problem: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(failedChecks == failing, sourceLocation: sourceLocation)
    #expect(self.problem(of: check) == problem, sourceLocation: sourceLocation)
  }
}
