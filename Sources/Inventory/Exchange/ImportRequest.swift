import Crypto
import Foundation

/// What `depot import` reads.
public enum ImportKind: String, CaseIterable, Codable, Sendable {
  case items, receipts

  /// The header a file of this kind has: the columns it must have, then those it may have
  /// (in any order; a column's name is its header cell).
  public var columns: (required: [String], optional: [String]) {
    switch self {
    case .items: Session.itemColumns
    case .receipts: Session.receiptColumns
    }
  }
}

/// `depot import items|receipts FILE`: a whole file, imported all or nothing.
public struct ImportRequest: DepotRequest {
  public typealias Result = ImportSummary
  public var kind: ImportKind
  /// The file as named on the command line, for messages.
  public var file: String
  /// The file's content, as the caller read it.
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
