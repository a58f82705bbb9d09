import Macros

/// An amount as typed: a decimal number and an optional unit (`40 carton`, `1.5t`, `4box`).
@MemberwiseInit
public struct QuantityAmount: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The digits without the decimal point: `1.5` is 15.
  public var digits: Int64
  /// How many of the digits are decimals: `1.5` is 1.
  public var scale: Int = 0
  /// The unit named with the number, if any.
  public var unit: String? = nil

  /// The largest quantity accepted: a trillion base units.
  public static let maximum: Int64 = 1_000_000_000_000

  /// Parses `40`, `1.5`, `4box`, `1.5 t`; `unit` applies when the text names none.
  public static func parse(_ text: String, unit: String? = nil) throws(QuantityError)
    -> QuantityAmount
  {
    if (1...15).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let digits = Int64(text), digits > 0,
      unit.map({ !$0.isEmpty && $0.allSatisfy(\.isLetter) }) ?? true
    {
      return QuantityAmount(digits: digits, unit: unit)
    }
    let trimmed = text.trimmingWhitespace
    let numberPart = trimmed.prefix {
      $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+")
    }
    let unitPart = trimmed.dropFirst(numberPart.count).trimmingWhitespace
    guard !numberPart.isEmpty else { throw .notANumber(text) }
    guard !numberPart.hasPrefix("-") else { throw .notPositive(text) }
    let pieces = numberPart.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count), !pieces[0].isEmpty,
      pieces.allSatisfy({ $0.allSatisfy(\.isNumber) }),
      pieces.count == 1 || !pieces[1].isEmpty
    else { throw .notANumber(text) }
    let whole = pieces[0].drop { $0 == "0" }
    let fraction =
      pieces.count == 2 ? String(pieces[1].reversed().drop { $0 == "0" }.reversed()) : ""
    guard whole.count + fraction.count <= 15 else { throw .tooLarge(text) }
    let digits = Int64(whole + fraction) ?? 0
    guard digits > 0 else { throw .notPositive(text) }
    if !unitPart.isEmpty, let unit, unit != unitPart {
      throw .conflictingUnits(String(unitPart), unit)
    }
    let named = unitPart.isEmpty ? unit : String(unitPart)
    if let named, named.isEmpty || !named.allSatisfy({ $0.isLetter }) {
      throw .notANumber(text)
    }
    return QuantityAmount(digits: digits, scale: fraction.count, unit: named)
  }

  public var description: String {
    var number = String(digits)
    if scale > 0 {
      if number.count <= scale {
        number = String(repeating: "0", count: scale - number.count + 1) + number
      }
      number.insert(".", at: number.index(number.endIndex, offsetBy: -scale))
    }
    return unit.map { "\(number) \($0)" } ?? number
  }
}

/// Why a typed amount is not a usable quantity.
public enum QuantityError: Error, Equatable, Sendable {
  case notANumber(String)
  case notPositive(String)
  case tooLarge(String)
  case conflictingUnits(String, String)
  case unknownUnit(unit: String, item: String, known: [String])
  case notWhole(amount: String, item: String, baseUnit: String)
}

extension QuantityError: CustomStringConvertible {
  /// Why the amount is refused, naming the fields it mentions.
  public var reason: Reason {
    switch self {
    case .notANumber(let text): "'\(text)' is not a number"
    case .notPositive(let text): "'\(text)' is not a positive quantity"
    case .tooLarge(let text): "'\(text)' is larger than any real stock"
    case .conflictingUnits(let typed, let flag):
      "the amount names unit '\(typed)' but \(Field.unit) says '\(flag)'"
    case .unknownUnit(let unit, let item, let known):
      "\(item) is not counted in '\(unit)'; use one of: \(known.joined(separator: ", "))"
    case .notWhole(let amount, let item, let baseUnit):
      "\(amount) of \(item) is not a whole number of \(baseUnit)"
    }
  }

  /// The reason, its fields named as `DepotError.fieldNaming` names them.
  public var description: String { reason.description }
}

/// The units an item's quantities can be typed in, each as a whole number of base units or,
/// for standard units smaller than the base unit, as a fraction of one.
@MemberwiseInit
public struct UnitTable: Sendable {
  public let itemCode: String
  public let baseUnit: String
  /// Pack name to base units.
  public let packs: [String: Int64]

  /// Standard units and their size in the family's smallest unit.
  static let standardFamilies: [[String: Int64]] = [
    ["mg": 1, "g": 1_000, "kg": 1_000_000, "t": 1_000_000_000],
    ["ml": 1, "l": 1_000, "L": 1_000],
  ]

  /// The size of one `unit` in base units, as numerator over denominator.
  public func factor(of unit: String) -> (numerator: Int64, denominator: Int64)? {
    if unit == baseUnit { return (1, 1) }
    if let pack = packs[unit] { return (pack, 1) }
    for family in Self.standardFamilies {
      if let size = family[unit], let base = family[baseUnit] {
        return size >= base ? (size / base, 1) : (1, base / size)
      }
    }
    return nil
  }

  /// Every unit a quantity of this item may be typed in.
  public var knownUnits: [String] {
    var units = [baseUnit] + packs.sorted { $0.value < $1.value }.map(\.key)
    if let family = Self.standardFamilies.first(where: { $0[baseUnit] != nil }) {
      units += family.keys.sorted { family[$0]! < family[$1]! }.filter { !units.contains($0) }
    }
    return units
  }

  /// Converts an amount to base units; refused unless it is a whole, positive, sane number.
  public func baseQuantity(of amount: QuantityAmount) throws(QuantityError) -> Int64 {
    let unit = amount.unit ?? baseUnit
    guard let factor = factor(of: unit) else {
      throw .unknownUnit(unit: unit, item: itemCode, known: knownUnits)
    }
    var denominator = factor.denominator
    for _ in 0..<amount.scale {
      let (next, overflow) = denominator.multipliedReportingOverflow(by: 10)
      guard !overflow else {
        throw .notWhole(amount: amount.description, item: itemCode, baseUnit: baseUnit)
      }
      denominator = next
    }
    let (product, overflow) = amount.digits.multipliedReportingOverflow(by: factor.numerator)
    guard !overflow else { throw .tooLarge(amount.description) }
    guard product % denominator == 0 else {
      throw .notWhole(amount: amount.description, item: itemCode, baseUnit: baseUnit)
    }
    let quantity = product / denominator
    guard quantity <= QuantityAmount.maximum else { throw .tooLarge(amount.description) }
    return quantity
  }
}

extension StringProtocol {
  var trimmingWhitespace: Substring {
    let characters = Substring(self)
    if let first = characters.utf8.first, let last = characters.utf8.last,
      (0x21...0x7E).contains(first),
      (0x21...0x7E).contains(last)
    {
      return characters
    }
    let start = characters.firstIndex { !$0.isWhitespace } ?? characters.endIndex
    let end = characters.lastIndex { !$0.isWhitespace }.map { characters.index(after: $0) } ?? start
    return characters[start..<end]
  }
}
