import ArgumentParser
import Foundation
import Inventory
import Output

/// `depot export`: CSV files for finance.
struct ExportCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a CSV export and its manifest (finance, auditor, admin).",
    discussion: """
      Exports: ledger (every movement), stock (per lot and place), payables (per order), \
      donations (every donated lot and rejection). RFC 4180 with CRLF, a UTF-8 byte-order \
      mark unless --no-bom, money in yuan with two decimals; the same ledger state always \
      gives the same bytes. FILE.manifest.json beside it holds the row count, the ledger head \
      it reflects and the file's SHA-256. --from/--to limit the ledger and donations by \
      effective date; --to gives the day stock and payables stand at.

      An existing file is replaced only with --force. The database, its -wal and -shm files, \
      key files, links, folders and devices are never written over.

      Example:
        depot export ledger --out ledger-2026-11.csv --from 2026-11-01 \\
          --to 2026-11-30 --as sun
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "ledger, stock, payables or donations.") var kind: String
  @Option(help: "The CSV file to write.") var out: String
  @OptionGroup var period: PeriodOptions<EffectiveDays>
  @Flag(help: "Leave out the UTF-8 byte-order mark.") var noBom = false
  @Flag(help: "Replace an existing file (and its manifest).") var force = false

  func validate() throws {
    let _: ExportKind = try Parse.choice(kind, flag: "kind")
  }

  func run(on depot: Depot) throws {
    let request = ExportRequest(
      kind: try Parse.choice(kind, flag: "kind"), fileName: (out as NSString).lastPathComponent,
      from: period.first, to: period.last, byteOrderMark: !noBom)
    let file = try OutputFile(path: out, replacing: force, database: global.databasePath)
    let manifestFile = try OutputFile(
      path: out + ".manifest.json", replacing: force, database: global.databasePath)
    let showProgress = Terminal.standardErrorIsTerminal
    let manifest = try depot.export(request, as: global.actingUser, into: file.write) { rows in
      if showProgress { Terminal.progress("exported \(rows) rows") }
    }
    if showProgress { Terminal.progress("") }
    try manifest.manifestData.withUnsafeBytes { try manifestFile.write($0) }
    try file.commit()
    try manifestFile.commit()
    try emit(manifest) { manifest in
      "Exported \(manifest.rows) \(manifest.rows == 1 ? "row" : "rows") of \(manifest.export) to \(out) "
        + "(\(manifest.bytes) bytes, sha256 \(manifest.sha256)); manifest \(out).manifest.json"
    }
  }
}

/// `depot import`: CSV files into the catalogue or as receipts, all or nothing.
struct ImportCommand: EngineCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import items (admin) or receipts (clerk) from a CSV file, all or nothing.",
    discussion: """
      Any bad row rejects the whole file: each is reported on stderr as 'line N: reason'. \
      Receipt rows name their order; an approver imports rows without orders as emergency \
      receipts with --emergency --justification (signed).

      The first row names the columns, in any order:
      \(ImportKind.allCases.map(\.columnsHelp).joined(separator: "\n"))

      Example:
        depot import items items.csv --as chen
        depot import receipts deliveries.csv --as wang
      """)

  @OptionGroup var global: GlobalOptions
  @OptionGroup var posting: PostingOptions
  @Argument(help: "items or receipts.") var kind: String
  @Argument(help: "The CSV file.") var file: String
  @Flag(help: "Receipts without orders (approver, signed).") var emergency = false
  @Option(parsing: .unconditional, help: "Why the receipts have no orders (with --emergency).")
  var justification: String?

  func validate() throws {
    let _: ImportKind = try Parse.choice(kind, flag: "kind")
    try Parse.together(("--emergency", emergency), ("--justification", justification != nil))
  }

  func run(on depot: Depot) throws {
    let request = try ImportRequest.reading(
      try Parse.choice(kind, flag: "kind"), path: file,
      emergencyJustification: emergency ? justification : nil)
    try emit(try depot.importFile(request, global.context(posting))) { summary in
      if !summary.items.isEmpty {
        return "Imported \(summary.items.count) items from \(file): "
          + summary.items.joined(separator: " ")
      }
      var table = Table([
        .init("Receipt"), .init("Order"), .init("Supplier"), .init("Warehouse"),
        .init("Lines", alignRight: true),
      ])
      for receipt in summary.receipts {
        table.append([
          receipt.number, receipt.order ?? "", receipt.supplier, receipt.warehouse,
          String(receipt.lines),
        ])
      }
      return "Imported \(summary.rows) rows from \(file)\n" + table.render()
    }
  }
}

extension ImportRequest {
  /// Reads the file at `path`: the engine is handed its bytes.
  static func reading(
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
}

extension ImportKind {
  /// The columns of a file of this kind, for `help import`: `  items: code, name (required);
  /// packs (optional)`.
  fileprivate var columnsHelp: String {
    "  \(rawValue): \(columns.required.joined(separator: ", ")) (required); "
      + "\(columns.optional.joined(separator: ", ")) (optional)"
  }
}
