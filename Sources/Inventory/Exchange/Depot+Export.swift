import CSV
import Crypto
import Foundation
import Ledger
import Macros

/// `depot export`: one CSV file and its manifest.
@MemberwiseInit
public struct ExportRequest: Sendable {
  public var kind: ExportKind
  /// The file's name as the manifest records it; the caller writes the file.
  public var fileName: String
  public var from: Day? = nil
  public var to: Day? = nil
  public var byteOrderMark: Bool = true
}

/// What an export wrote, as its manifest file beside it says: the same ledger state always
/// gives the same file, so the manifest holds nothing that changes between runs.
public struct ExportManifest: Codable, Sendable, Equatable {
  public var file: String
  public var export: String
  public var columns: [String]
  /// Data rows, the header not counted.
  public var rows: Int64
  public var bytes: Int64
  public var sha256: String
  public var byteOrderMark: Bool
  public var from: String?
  public var to: String?
  /// The ledger position the file reflects: `depot ledger head`'s token.
  public var ledgerHead: String
}

extension Depot {
  /// Streams one export's bytes into `sink`, from one snapshot of the ledger (finance,
  /// auditor, admin), and returns the manifest that goes beside it (`FILE.manifest.json`,
  /// see `manifestData`). The caller owns the file: the engine writes no file itself.
  /// `progress` hears the rows written so far.
  public func export(
    _ request: ExportRequest, as actor: String?, into sink: @escaping CSVWriter.Sink,
    progress: (Int64) -> Void = { _ in }
  ) throws -> ExportManifest {
    try read(as: actor) { session in
      try session.require([.finance, .auditor, .admin], to: "export")
      if request.from != nil, !request.kind.takesFrom {
        throw DepotError.invalidOption(
          field: .from,
          reason: "does not apply to the \(request.kind.rawValue) export; \(Field.to) gives its day"
        )
      }
      if let from = request.from, let to = request.to, from > to {
        throw DepotError.invalidOption(field: .from, reason: "is after \(Field.to)")
      }
      let heads = try session.transaction.chainHeads()
      let hasher = ExportHash()
      let writer = CSVWriter(byteOrderMark: request.byteOrderMark) { bytes in
        hasher.update(bytes)
        try sink(bytes)
      }
      try writer.record(request.kind.columns.map(\.name))
      let rows = try request.kind.writeRows(
        session, from: request.from, to: request.to, into: writer, progress: progress)
      try writer.flush()
      return ExportManifest(
        file: request.fileName, export: request.kind.rawValue,
        columns: request.kind.columns.map(\.name), rows: rows, bytes: writer.bytesWritten,
        sha256: hasher.hexadecimal, byteOrderMark: request.byteOrderMark,
        from: request.from?.description, to: request.to?.description,
        ledgerHead: LedgerHead(movement: heads.movement, event: heads.event).token)
    }
  }
}

extension ExportManifest {
  /// The manifest file's bytes: sorted, indented JSON ending in a line break.
  public var manifestData: Data {
    get throws {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      return try encoder.encode(self) + Data("\n".utf8)
    }
  }
}

/// The SHA-256 of the bytes an export wrote, taken as they go.
private final class ExportHash {
  private var hasher = SHA256()

  func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

  var hexadecimal: String { Data(hasher.finalize()).hexadecimal }
}
