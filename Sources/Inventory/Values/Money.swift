/// Money as an integer number of fen (1/100 yuan); never floating point.
public enum Money {
  /// The largest amount accepted on input: 100 billion yuan.
  public static let maximumFen: Int64 = 10_000_000_000_000

  /// Parses yuan with at most two decimals (`12.34` is 1234 fen); nil if it is not one.
  public static func parseYuan(_ text: String) -> Int64? {
    var digits = Substring(text)
    var negative = false
    if digits.first == "-" {
      negative = true
      digits = digits.dropFirst()
    }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    var fen = Int64(parts[0])! * 100
    if parts.count == 2 {
      let fraction = parts[1]
      guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber })
      else { return nil }
      fen += Int64(fraction.count == 1 ? fraction + "0" : fraction)!
    }
    guard fen <= maximumFen else { return nil }
    return negative ? -fen : fen
  }

  /// Yuan with two decimals: 1234 fen is `12.34`, -1250 is `-12.50`.
  public static func yuan(_ fen: Int64) -> String {
    let magnitude = fen.magnitude
    let cents = magnitude % 100
    return (fen < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
  }

  /// The share of `value` that `part` of `whole` units carries, rounded down; all of it when
  /// `part == whole`, so shares taken until a lot is empty add up to its value exactly.
  public static func share(of value: Int64, part: Int64, whole: Int64) -> Int64 {
    precondition(whole > 0 && part >= 0 && part <= whole && value >= 0, "share of a holding")
    if part == whole { return value }
    let product = value.multipliedFullWidth(by: part)
    return whole.dividingFullWidth(product).quotient
  }

  /// The value of `quantity` units when `whole` units are worth `value`, rounded down.
  public static func value(of quantity: Int64, at value: Int64, per whole: Int64) -> Int64 {
    precondition(whole > 0 && quantity >= 0 && value >= 0, "value of a quantity")
    return whole.dividingFullWidth(value.multipliedFullWidth(by: quantity)).quotient
  }

  /// Splits `value` into `count` shares that differ by at most one fen and add up exactly.
  public static func split(_ value: Int64, into count: Int) -> [Int64] {
    precondition(count > 0 && value >= 0, "split into shares")
    let base = value / Int64(count)
    let remainder = Int(value % Int64(count))
    return (0..<count).map { base + ($0 < remainder ? 1 : 0) }
  }

  /// The value of `quantity` base units at `price` fen per `per` base units, rounded half up
  /// to the fen; nil when it exceeds `maximumFen`.
  ///
  /// Partial deliveries take `value(of: after) - value(of: before)`, so the values of every
  /// delivery of an order line add up exactly to the value of the whole line.
  public static func value(of quantity: Int64, price: Int64, per: Int64) -> Int64? {
    precondition(quantity >= 0 && price >= 0 && per > 0, "a price and a quantity")
    let product = quantity.multipliedFullWidth(by: price)
    let (low, carry) = product.low.addingReportingOverflow(UInt64(per / 2))
    let high = product.high + (carry ? 1 : 0)
    guard high < per / 2 || (high == 0 && low < UInt64(Int64.max)) else { return nil }
    let value = per.dividingFullWidth((high, low)).quotient
    return value <= maximumFen ? value : nil
  }
}
