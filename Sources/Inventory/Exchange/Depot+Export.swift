import CSV
import Foundation
import Ledger

/// `depot export`: one CSV file and its manifest.
public struct ExportRequest: Sendable {
  public var kind: ExportKind
  public var path: String
  public var from: Day?
  public var to: Day?
  public var byteOrderMark: Bool

  public init(
    kind: ExportKind, path: String, from: Day? = nil, to: Day? = nil, byteOrderMark: Bool = true
  ) {
    self.kind = kind
    self.path = path
    self.from = from
    self.to = to
    self.byteOrderMark = byteOrderMark
  }
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
  /// Writes one export and its manifest (`FILE.manifest.json`), streaming from one snapshot
  /// of the ledger (finance, auditor, admin). `progress` hears the rows written so far.
  public func export(
    _ request: ExportRequest, as actor: String?, progress: (Int64) -> Void = { _ in }
  ) throws -> ExportManifest {
    try read(as: actor) { session in
      try session.require([.finance, .auditor, .admin], to: "export")
      if request.from != nil, !request.kind.takesFrom {
        throw DepotError.invalidOption(
          field: "--from",
          reason: "does not apply to the \(request.kind.rawValue) export; --to gives its day")
      }
      if let from = request.from, let to = request.to, from > to {
        throw DepotError.invalidOption(field: "--from", reason: "is after --to")
      }
      for path in [request.path, request.path + ".manifest.json"]
      where ExportFile.isSameFile(path, store.path) {
        throw DepotError.cannotWriteFile(path: path, reason: "it is the database itself")
      }
      let heads = try session.transaction.chainHeads()
      let file = try ExportFile(path: request.path)
      let writer = CSVWriter(byteOrderMark: request.byteOrderMark) { try file.write($0) }
      let rows: Int64
      do {
        try writer.record(request.kind.columns.map(\.name))
        rows = try request.kind.writeRows(
          session, from: request.from, to: request.to, into: writer, progress: progress)
        try writer.flush()
      } catch {
        file.abandon()
        throw error
      }
      let manifest = ExportManifest(
        file: (request.path as NSString).lastPathComponent, export: request.kind.rawValue,
        columns: request.kind.columns.map(\.name), rows: rows, bytes: writer.bytesWritten,
        sha256: try file.finish(), byteOrderMark: request.byteOrderMark,
        from: request.from?.description, to: request.to?.description,
        ledgerHead: LedgerHead(movement: heads.movement, event: heads.event).token)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try ExportFile.write(
        try encoder.encode(manifest) + Data("\n".utf8), to: request.path + ".manifest.json")
      return manifest
    }
  }
}
