/// What a person names by code or name wherever a command asks for one (SPEC §10 "Finding
/// things"), as a refusal calls it.
public enum Catalogue: String, Sendable {
  case item
  case location
  case party
  case user
}

/// An existing entry a refusal offers instead of what was typed: its code (a user's name, a
/// manifest's paper number) and what else names it, if anything.
public struct Candidate: Equatable, Sendable {
  public var code: String
  public var name: String?

  public init(code: String, name: String? = nil) {
    self.code = code
    self.name = name
  }
}

/// The one rule by which a typed text names an entry: its code in any letter case; failing
/// that, its exact name when no other entry bears that name. Codes win over names, so a text
/// that is one entry's code and another's name names the first.
struct Naming<Entry> {
  /// An entry's code, unique in any letter case.
  var code: (Entry) -> String
  /// An entry's name apart from its code, if it has one.
  var name: (Entry) -> String?

  /// How far apart a typed text and an existing code or name may be for a refusal to offer it.
  static var farthest: Int { 3 }
  /// How many entries a refusal offers at most.
  static var offered: Int { 3 }

  /// What `text` names: the entry `byCode` finds by its code in any letter case, else the
  /// one of `entries` (those the text may name) that bears it as name.
  func match(
    _ text: String, byCode: (String) throws -> Entry?, among entries: () throws -> [Entry]
  ) throws -> Match {
    if let entry = try byCode(text) { return .found(entry) }
    let all = try entries()
    let named = all.filter { name($0) == text }
    switch named.count {
    case 1: return .found(named[0])
    case 0: return .unknown(closest: closest(to: text, among: all))
    default: return .ambiguous(named)
    }
  }

  /// The entries whose code or name is nearest `text` by edit distance, nearest first: at
  /// most `offered`, none farther than `farthest` nor than half of `text`'s length.
  func closest(to text: String, among entries: [Entry]) -> [Entry] {
    let limit = min(Self.farthest, text.count / 2)
    let scored = entries.compactMap { entry -> (entry: Entry, distance: Int, code: String)? in
      let distance =
        ([code(entry)] + [name(entry)].compactMap { $0 })
        .map { EditDistance.between(text, $0) }.min() ?? Int.max
      return distance <= limit ? (entry, distance, code(entry)) : nil
    }
    return scored.sorted { ($0.distance, $0.code) < ($1.distance, $1.code) }
      .prefix(Self.offered).map(\.entry)
  }

  /// What a typed text names.
  enum Match {
    case found(Entry)
    /// Several entries bear the name and none has it as code.
    case ambiguous([Entry])
    /// No entry has the code or the name; the nearest ones.
    case unknown(closest: [Entry])
  }

  /// The entry as a refusal offers it.
  func candidate(_ entry: Entry) -> Candidate {
    Candidate(code: code(entry), name: name(entry))
  }
}

/// The Levenshtein distance between two texts, by characters and ignoring letter case.
public enum EditDistance {
  /// The fewest insertions, deletions and substitutions of characters that turn `a` into `b`.
  public static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    var previous = Array(0...b.count)
    for (i, characterA) in a.enumerated() {
      var current = [i + 1]
      for (j, characterB) in b.enumerated() {
        current.append(
          min(previous[j + 1] + 1, current[j] + 1, previous[j] + (characterA == characterB ? 0 : 1))
        )
      }
      previous = current
    }
    return previous[b.count]
  }
}
