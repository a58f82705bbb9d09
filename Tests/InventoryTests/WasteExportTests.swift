import Foundation
import Testing

@testable import Inventory

@Suite struct WasteExportTests {
  @Test func theRegisterExportsOneRowPerBatchWithEveryField() throws {
    let office = try TestOffice()
    try office.addWasteSetUp()
    let batch = try office.collect(grams: 12_400, containers: 3).number
    try office.store(batch)
    try office.handOver([batch], grams: 12_400, containers: 3)
    let bytes = ExportBytes()
    let manifest = try office.depot.export(
      ExportRequest(kind: .waste, fileName: "waste.csv", byteOrderMark: false), as: "audit",
      into: bytes.append)
    #expect(manifest.rows == 1)
    #expect(manifest.file == "waste.csv")
    #expect(manifest.bytes == Int64(bytes.data.count))
    let text = String(decoding: bytes.data, as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("batch,state,category,source,source_name,opened_at,deadline"))
    #expect(lines[0].hasSuffix("disposal_method,destination,certificate,disposed_at"))
    let fields = lines[1].components(separatedBy: ",")
    #expect(fields.count == ExportKind.waste.columns.count)
    #expect(fields[0] == batch)
    #expect(fields[2] == "infectious")
    #expect(fields[11] == "12400")
    #expect(fields[18] == "3401-2026-118")
    #expect(fields[25] == "皖N·12345")
  }

  @Test func onlyFinanceAuditorsAndAdminsExport() throws {
    let office = try TestOffice()
    #expect(
      throws: DepotError.missingRole(
        user: "wang", action: "export", roles: [.finance, .auditor, .admin])
    ) {
      try office.depot.export(
        ExportRequest(kind: .waste, fileName: "w.csv"), as: "wang", into: ExportBytes().append)
    }
  }
}

/// What an export wrote, kept in memory.
private final class ExportBytes {
  private(set) var data = Data()

  func append(_ bytes: UnsafeRawBufferPointer) { data.append(contentsOf: bytes) }
}
