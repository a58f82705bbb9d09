#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to the standard streams.
public enum Terminal {
  /// Whether standard error is a terminal (progress is shown only then).
  public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

  /// Whether standard output is a terminal (colour is used only then).
  public static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

  /// Writes a line to standard error.
  public static func error(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }

  /// Rewrites the current line of standard error (for progress).
  public static func progress(_ line: String) {
    let bytes = Array(("\r" + line + "\u{1B}[K").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}
