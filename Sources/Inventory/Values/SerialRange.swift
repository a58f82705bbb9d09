/// A run of serial numbers written `FIRST..LAST` (`IR-0001..IR-0010`): one prefix, then a
/// number that counts up, zero-padded to the width both ends are written in (SPEC §10 "Input
/// that people type"). The one place the notation is read, for every interface that takes
/// serial numbers.
public struct SerialRange: Equatable, Sendable {
  /// The most serial numbers one range may hold.
  public static let limit = 10_000

  /// What is wrong with a range as written.
  public enum Problem: Equatable, Sendable {
    /// Not `FIRST..LAST`, each ending in digits of the same width (or neither padded).
    case malformed
    /// The two ends have different prefixes.
    case prefixesDiffer(first: String, last: String)
    /// The last number is below the first.
    case endsBeforeStart
    /// More than `limit` serial numbers.
    case tooMany(count: Int)
  }

  /// What comes before the number, `IR-`.
  public let prefix: String
  public let first: Int
  public let last: Int
  /// The number's width in digits, zero-padded; 0 when it is written without padding.
  public let width: Int

  /// Reads `FIRST..LAST`, refusing a range that is not one, runs between two prefixes, ends
  /// before it starts or holds more than `limit` numbers.
  public init(_ text: String) throws(DepotError) {
    let ends = text.split(separator: "..", omittingEmptySubsequences: false)
    guard ends.count == 2, let start = Self.split(ends[0]), let end = Self.split(ends[1]) else {
      throw .invalidSerialRange(range: text, problem: .malformed)
    }
    guard start.prefix == end.prefix else {
      throw .invalidSerialRange(
        range: text, problem: .prefixesDiffer(first: start.prefix, last: end.prefix))
    }
    let padded = start.digits.hasPrefix("0") || end.digits.hasPrefix("0")
    guard start.digits.count == end.digits.count || !padded,
      let first = Int(start.digits), let last = Int(end.digits)
    else { throw .invalidSerialRange(range: text, problem: .malformed) }
    guard first <= last else { throw .invalidSerialRange(range: text, problem: .endsBeforeStart) }
    guard last - first < Self.limit else {
      throw .invalidSerialRange(range: text, problem: .tooMany(count: last - first + 1))
    }
    prefix = start.prefix
    self.first = first
    self.last = last
    width = padded ? start.digits.count : 0
  }

  /// Every serial number of the range, in order.
  public var serials: [String] {
    (first...last).map { number in
      prefix + String(number).leftPadded(to: width)
    }
  }

  /// An end split into its prefix and its trailing digits (at most 18, so that it counts).
  private static func split(_ end: Substring) -> (prefix: String, digits: String)? {
    let digits = end.reversed().prefix { ("0"..."9").contains($0) }
    guard (1...18).contains(digits.count) else { return nil }
    return (String(end.dropLast(digits.count)), String(digits.reversed()))
  }
}
