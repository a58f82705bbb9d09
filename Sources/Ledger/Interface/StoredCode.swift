/// A closed set of codes stored as text. A stored value outside the set fails to decode with
/// a sentence that names it; it never falls back to another code.
public protocol StoredCode: RawRepresentable, Codable, CaseIterable, Sendable
where RawValue == String {
  /// What a code is, for that sentence ("document state").
  static var storedName: String { get }
}

extension StoredCode {
  /// The code stored as `text`; a `DecodingError` that names `text` when it is none of them.
  public init(stored text: String) throws {
    guard let code = Self(rawValue: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: [], debugDescription: Self.unknown(text)))
    }
    self = code
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let code = Self(rawValue: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath, debugDescription: Self.unknown(text)))
    }
    self = code
  }

  private static func unknown(_ text: String) -> String {
    "a stored \(storedName) is '\(text)', which this depot does not know"
  }
}
