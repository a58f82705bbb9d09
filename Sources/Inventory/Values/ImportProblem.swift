import Macros

/// One bad row of an imported file: the physical line its record starts on, and why.
@MemberwiseInit
public struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
  public var line: Int
  public var reason: String
  /// The engine's refusal of the row, when a rule refused it (rather than the file's
  /// format): the same case and data as the command that posts one such line refuses with.
  public var refusal: DepotError? = nil

  /// `line 7: reason`, as the command line prints it.
  public var description: String { "line \(line): \(reason)" }

  private enum CodingKeys: String, CodingKey {
    case line, reason
  }
}
