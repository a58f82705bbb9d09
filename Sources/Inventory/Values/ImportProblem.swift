/// One bad row of an imported file: the physical line its record starts on, and why.
public struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
  public var line: Int
  public var reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  /// `line 7: reason`, as the command line prints it.
  public var description: String { "line \(line): \(reason)" }
}
