import Crypto
import Foundation

/// What `depot import` reads.
public enum ImportKind: String, CaseIterable, Codable, Sendable {
  case items, receipts
}

/// `depot import items|receipts FILE`: a whole file, imported all or nothing.
public struct ImportRequest: DepotRequest {
  public typealias Result = ImportSummary
  public var kind: ImportKind
  /// The file as named on the command line, for messages.
  public var file: String
  public let bytes: [UInt8]
  /// The file's SHA-256, which stands for it among the inputs.
  public let digest: String
  /// An emergency receipts import's written justification: rows then name no order, and an
  /// approver signs each receipt.
  public var emergencyJustification: String?

  public init(
    kind: ImportKind, file: String, bytes: [UInt8], emergencyJustification: String? = nil
  ) {
    self.kind = kind
    self.file = file
    self.bytes = bytes
    digest = "sha256 " + Data(SHA256.hash(data: bytes)).hexadecimal
    self.emergencyJustification = emergencyJustification
  }

  /// Reads the file at `path`.
  public static func reading(
    _ kind: ImportKind, path: String, emergencyJustification: String? = nil
  ) throws -> ImportRequest {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      throw DepotError.cannotReadFile(path: path, reason: reason)
    }
    return ImportRequest(
      kind: kind, file: path, bytes: [UInt8](data),
      emergencyJustification: emergencyJustification)
  }

  public var command: String { "import \(kind.rawValue)" }

  /// The file's content stands for it: the same file imported again with the same --ref
  /// is a retry, another file is not.
  public var inputs: [(Field, String)] {
    [(.file, digest)]
      + (emergencyJustification.map { [(.emergency, "yes"), (.justification, $0)] } ?? [])
  }
}

/// What an import wrote.
public struct ImportSummary: Codable, Sendable, Equatable {
  /// One receipt document written.
  public struct Receipt: Codable, Sendable, Equatable {
    public var number: String
    public var order: String?
    public var supplier: String
    public var warehouse: String
    public var lines: Int
  }

  public var file: String
  public var rows: Int
  /// The items catalogued, by code.
  public var items: [String]
  public var receipts: [Receipt]
}
