/// Weights of medical waste: integer grams, typed as `12.4kg`, `800g` or `1.2t`.
public enum Weight {
  /// The heaviest load accepted: a thousand tonnes.
  public static let maximumGrams: Int64 = 1_000_000_000

  /// Parses a weight that names its unit (g, kg or t) into whole grams.
  public static func grams(_ text: String, field: Field) throws(DepotError) -> Int64 {
    let units = UnitTable(itemCode: "a weight", baseUnit: "g", packs: [:])
    let invalid = { (reason: Reason) in
      DepotError.invalidOption(
        field: field, reason: "must be a weight like 12.4kg or 800g: \(reason)")
    }
    let amount: QuantityAmount
    do throws(QuantityError) {
      amount = try QuantityAmount.parse(text)
    } catch {
      throw invalid(error.reason)
    }
    guard let unit = amount.unit, ["g", "kg", "t"].contains(unit) else {
      throw invalid("name the unit, g, kg or t (got '\(text)')")
    }
    let grams: Int64
    do throws(QuantityError) {
      grams = try units.baseQuantity(of: amount)
    } catch {
      throw invalid(error.reason)
    }
    try checked(grams, field: field)
    return grams
  }

  /// Refuses a weight that is not between one gram and the maximum.
  public static func checked(_ grams: Int64, field: Field) throws(DepotError) {
    guard (1...maximumGrams).contains(grams) else {
      throw .invalidOption(
        field: field, reason: "must be between 1 g and \(text(grams: maximumGrams))")
    }
  }

  /// `800 g` below a kilogram, else kilograms with only the decimals needed: `12.4 kg`.
  public static func text(grams: Int64) -> String {
    guard grams.magnitude >= 1000 else { return "\(grams) g" }
    let kilograms = grams.magnitude / 1000
    var decimals = String(grams.magnitude % 1000)
    decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
    while decimals.last == "0" { decimals.removeLast() }
    let sign = grams < 0 ? "-" : ""
    return sign + "\(kilograms)" + (decimals.isEmpty ? "" : ".\(decimals)") + " kg"
  }
}
