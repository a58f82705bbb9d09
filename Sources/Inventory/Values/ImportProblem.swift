import Macros

/// One bad row of an imported file: the physical line its record starts on, and why.
@MemberwiseInit
public struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
  public var line: Int
  public var reason: String

  /// `line 7: reason`, as the command line prints it.
  public var description: String { "line \(line): \(reason)" }
}
