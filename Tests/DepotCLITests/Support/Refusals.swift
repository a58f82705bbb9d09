import Foundation
import Testing

/// Text that would show the program leaked its insides: SQL, SQLite codes or a crash.
let leakedInternals = [
  "SQLITE_", "stepping", "SELECT ", "INSERT INTO", "Fatal error", "Stack dump", "stack trace",
  "Swift runtime failure", "DatabaseError",
]

/// Checks that a run was refused as SPEC §5 says: the exit code, nothing on stdout, and one
/// `error: ` sentence on stderr that names every fragment and leaks no SQL or stack trace.
///
/// Usage errors (exit 64) come from the argument parser, which follows its sentence with the
/// command's usage; for them only the first line is checked to be the sentence.
func expectRefusal(
  _ result: RunResult, exit status: Int32, naming fragments: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status == status, result.transcript, sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, result.transcript, sourceLocation: sourceLocation)
  expectErrorSentence(result, naming: fragments, sourceLocation: sourceLocation)
}

/// Checks stderr alone: one `error: ` sentence (the first line for usage errors) naming the
/// fragments, and no SQL or stack trace.
func expectErrorSentence(
  _ result: RunResult, naming fragments: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let lines = result.errorLines
  if result.status == 64 {
    #expect(
      lines.first?.lowercased().hasPrefix("error: ") == true, result.transcript,
      sourceLocation: sourceLocation)
  } else {
    #expect(
      lines.count == 1, "one line on stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      lines.first?.hasPrefix("error: ") == true, result.transcript, sourceLocation: sourceLocation)
  }
  let controls = result.stderr.unicodeScalars.filter {
    $0 != "\n" && $0.properties.generalCategory == .control
  }
  #expect(
    controls.isEmpty,
    "stderr carries control characters \(controls.map { $0.value }): \(result.stderr)",
    sourceLocation: sourceLocation)
  let sentence = lines.first ?? ""
  for fragment in fragments {
    #expect(
      sentence.contains(fragment), "stderr names '\(fragment)': \(result.stderr)",
      sourceLocation: sourceLocation)
  }
  for leak in leakedInternals {
    #expect(
      !result.stderr.contains(leak), "stderr leaks '\(leak)': \(result.stderr)",
      sourceLocation: sourceLocation)
  }
}

extension DepotSandbox {
  /// Runs `depot ARGUMENTS` and checks that it is refused with `status`, naming every
  /// fragment, and that the database dump is the same afterwards.
  @discardableResult
  func expectRefused(
    _ arguments: [String], exit status: Int32, naming fragments: [String],
    db: String? = nil, now: String = DepotSandbox.now,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let before = try dump(db)
    let result = try depot(arguments, db: db, now: now)
    expectRefusal(result, exit: status, naming: fragments, sourceLocation: sourceLocation)
    let after = try dump(db)
    #expect(
      after == before, "the refused command changed the database", sourceLocation: sourceLocation)
    return result
  }
}
