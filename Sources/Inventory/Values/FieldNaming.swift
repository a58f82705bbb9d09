import Foundation

/// How an interface names fields in the sentences it shows: the command line by its options
/// (`--qty`), a server by its JSON keys, a catalogue in another language by its own words.
public protocol FieldNaming: Sendable {
  /// The name `field` goes by in this interface.
  func name(of field: Field) -> String
}

/// Names every field by its key, `Field.rawValue`: what the engine's sentences use until an
/// interface installs its own naming.
public struct FieldKeys: FieldNaming {
  public init() {}

  public func name(of field: Field) -> String { field.rawValue }
}

extension DepotError {
  /// How `description` names fields: by their keys (`FieldKeys`) unless the interface in
  /// use installed its own naming, as the command line does with its options at start-up.
  public static var fieldNaming: any FieldNaming {
    get { installedNaming.value }
    set { installedNaming.value = newValue }
  }

  private static let installedNaming = InstalledNaming()
}

/// The process's field naming, behind a lock.
private final class InstalledNaming: @unchecked Sendable {
  private let lock = NSLock()
  private var naming: any FieldNaming = FieldKeys()

  var value: any FieldNaming {
    get {
      lock.lock()
      defer { lock.unlock() }
      return naming
    }
    set {
      lock.lock()
      defer { lock.unlock() }
      naming = newValue
    }
  }
}

/// Why an input is refused: words and the fields they name, so that each interface names the
/// fields its own way. Written as a string literal, with fields interpolated:
/// `"goes with \(Field.rejected)"`.
public struct Reason: Equatable, Sendable, ExpressibleByStringInterpolation,
  CustomStringConvertible
{
  /// A run of words, or a field to name.
  public enum Part: Equatable, Sendable {
    case text(String)
    case field(Field)
  }

  /// The words and fields in order, with no two runs of words next to each other.
  public private(set) var parts: [Part]

  public init(stringLiteral value: String) {
    parts = value.isEmpty ? [] : [.text(value)]
  }

  public init(stringInterpolation: Interpolation) {
    parts = stringInterpolation.parts
  }

  /// A reason made of words alone, from text written elsewhere.
  public init(verbatim text: String) {
    self.init(stringLiteral: text)
  }

  /// One reason followed by another, as a long literal is written over several lines.
  public static func + (lhs: Reason, rhs: Reason) -> Reason {
    var joined = Interpolation(literalCapacity: 0, interpolationCount: 0)
    joined.appendInterpolation(lhs)
    joined.appendInterpolation(rhs)
    return Reason(stringInterpolation: joined)
  }

  /// The reason with its fields named by `naming`.
  public func text(naming: any FieldNaming) -> String {
    parts.map { part in
      switch part {
      case .text(let text): text
      case .field(let field): naming.name(of: field)
      }
    }.joined()
  }

  /// The reason with its fields named as `DepotError.fieldNaming` names them.
  public var description: String { text(naming: DepotError.fieldNaming) }

  /// Builds a reason from a literal's text and interpolations.
  public struct Interpolation: StringInterpolationProtocol {
    fileprivate var parts: [Part] = []

    public init(literalCapacity: Int, interpolationCount: Int) {}

    public mutating func appendLiteral(_ literal: String) {
      guard !literal.isEmpty else { return }
      if case .text(let earlier) = parts.last {
        parts[parts.count - 1] = .text(earlier + literal)
      } else {
        parts.append(.text(literal))
      }
    }

    /// A field, named later by the interface that shows the reason.
    public mutating func appendInterpolation(_ field: Field) {
      parts.append(.field(field))
    }

    /// Another reason, its fields still to be named.
    public mutating func appendInterpolation(_ reason: Reason) {
      for part in reason.parts {
        switch part {
        case .text(let text): appendLiteral(text)
        case .field(let field): appendInterpolation(field)
        }
      }
    }

    /// Any other value, as its text.
    public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
      appendLiteral(value.description)
    }
  }
}
