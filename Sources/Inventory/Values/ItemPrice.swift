import Macros

/// An item and its price as typed: `MASK-N95=3.20` per base unit, `GOGGLES=150.00/box` per
/// pack. Prices include tax.
@MemberwiseInit
public struct ItemPrice: Sendable, Equatable, Codable, CustomStringConvertible {
  public var item: String
  /// In fen.
  public var amount: Int64
  /// The pack or unit the price is per; nil for the base unit.
  public var unit: String? = nil

  /// Parses `CODE=AMOUNT` or `CODE=AMOUNT/UNIT`; nil if it is neither.
  public static func parse(_ text: String) -> ItemPrice? {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else { return nil }
    let price = parts[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard let amount = Money.parseYuan(String(price[0])), amount >= 0 else { return nil }
    let unit = price.count == 2 ? String(price[1]) : nil
    if let unit, unit.isEmpty || !unit.allSatisfy(\.isLetter) { return nil }
    return ItemPrice(item: parts[0], amount: amount, unit: unit)
  }

  public var description: String {
    "\(item)=\(Money.yuan(amount))" + (unit.map { "/\($0)" } ?? "")
  }
}
