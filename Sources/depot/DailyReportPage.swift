import Inventory

/// The daily report as one self-contained HTML page a leader can open on a phone: no
/// network, inline CSS, inline SVG charts. The markup is well-formed XML as well as HTML.
enum DailyReportPage {
  static func render(_ report: DailyReport) -> String {
    var body = "<header><h1>\(escape(report.office))</h1>"
    body += "<p class=\"date\">每日物资报告 · Daily report \(escape(report.date))</p></header>"
    body += section(
      "储备 Reserves against floors", reservesChart(report.reserves) + reservesTable(report.reserves))
    body += section("发放 Issued per day, last 14 days", issuanceChart(report.issuancePerDay))
    body += section(
      "接收 Received",
      table(
        ["Document", "Kind", "From", "Item", "Quantity", "Value"],
        report.received.map {
          [
            $0.document, $0.kind, $0.sourceName, "\($0.item) \($0.itemName)",
            "\($0.quantity) \($0.unit)", $0.value,
          ]
        }))
    body += section(
      "发放 Issued by site",
      table(
        ["Site", "Item", "Quantity"],
        report.issuedBySite.map { [$0.site ?? "", $0.item, "\($0.quantity) \($0.unit)"] }))
    body += section(
      "发放 Issued by priority",
      table(
        ["Priority", "Item", "Quantity"],
        report.issuedByPriority.map { [$0.priority ?? "", $0.item, "\($0.quantity) \($0.unit)"] }))
    body += section(
      "待办 Pending requests",
      table(
        ["Request", "Waiting for", "Priority", "Site", "Requested", "Age (h)"],
        report.pending.map {
          [
            $0.number, $0.waitingFor, $0.priority, $0.site, $0.requestedAt.local,
            String($0.ageHours),
          ]
        }))
    body += section(
      "未满足 Unmet demand",
      table(
        ["Request", "Site", "Item", "Requested", "Approved", "Declined", "Awaiting", "Reason"],
        report.unmetDemand.map { line in
          [line.number, line.site, line.item]
            + [line.requested, line.approved, line.declined, line.awaitingDecision].map {
              "\($0) \(line.unit)"
            } + [line.declineReason ?? ""]
        }))
    let waste = { (lines: [DailyReport.WasteLine]) in
      table(
        ["Batch", "Class", "From", "Weight (g)", "Containers", "Manifest"],
        lines.map {
          [
            $0.batch, $0.category, $0.source, $0.grams.map(String.init) ?? "",
            $0.containers.map(String.init) ?? "", $0.manifest ?? "",
          ]
        })
    }
    body += section("医废收集 Waste collected", waste(report.wasteCollected))
    body += section(
      "医废交接 Waste handed over",
      waste(report.wasteHandedOver)
        + (report.wasteOverdue.isEmpty
          ? ""
          : "<p class=\"warning\">Over 48 hours: \(escape(report.wasteOverdue.joined(separator: ", ")))</p>")
    )
    body += section(
      "采购计划 Planned purchases",
      table(
        ["Item", "Location", "Propose", "Supplier", "Why"],
        report.plannedPurchases.map {
          [
            "\($0.item) \($0.itemName)", $0.location, "\($0.quantity) \($0.unit)",
            $0.supplier ?? "", $0.reason,
          ]
        }))
    return """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>\(escape(report.office)) \(escape(report.date))</title>
      <style>\(style)</style>
      </head>
      <body>
      \(body)
      </body>
      </html>

      """
  }

  private static let style = """
    body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
    margin:0;padding:12px;color:#1d2733;background:#f4f6f8;font-size:15px}\
    header h1{font-size:20px;margin:4px 0}.date{color:#5b6775;margin:0 0 8px}\
    section{background:#fff;border-radius:8px;padding:10px 12px;margin:10px 0;\
    box-shadow:0 1px 2px rgba(0,0,0,.08)}h2{font-size:16px;margin:0 0 8px}\
    table{border-collapse:collapse;width:100%;font-size:13px}\
    th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e3e7eb}\
    .scroll{overflow-x:auto}.empty{color:#8a95a1}svg{width:100%;height:auto}\
    th{white-space:nowrap}.warning{color:#c0262d;font-weight:600}
    """

  private static func section(_ title: String, _ content: String) -> String {
    "<section><h2>\(escape(title))</h2>\(content)</section>"
  }

  private static func table(_ headings: [String], _ rows: [[String]]) -> String {
    guard !rows.isEmpty else { return "<p class=\"empty\">None.</p>" }
    let head = headings.map { "<th>\(escape($0))</th>" }.joined()
    let body = rows.map { row in
      "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
    }.joined()
    return "<div class=\"scroll\"><table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody>"
      + "</table></div>"
  }

  private static func reservesTable(_ reserves: [ReserveStatus]) -> String {
    table(
      ["Item", "Location", "Available", "Floor", "Cover (d)", "Status"],
      reserves.map {
        [
          "\($0.item) \($0.itemName)", $0.location, "\($0.available) \($0.unit)",
          $0.floor.map(String.init) ?? "", $0.daysOfCover.map(String.init) ?? "∞", $0.status,
        ]
      })
  }

  /// One bar per item: available stock, with the floor marked.
  private static func reservesChart(_ reserves: [ReserveStatus]) -> String {
    guard !reserves.isEmpty else { return "" }
    let rowHeight = 34
    let width = 360
    let barStart = 150
    let barWidth = width - barStart - 10
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(rowHeight * reserves.count + 10)\" role=\"img\" aria-label=\"stock against floor\">"
    for (index, status) in reserves.enumerated() {
      let top = index * rowHeight + 5
      let scale = max(status.available, status.floor ?? 0, status.maximum ?? 0, 1)
      let length = Int(max(0, status.available) * Int64(barWidth) / scale)
      let colour =
        status.status == "ok" ? "#3a8f50" : status.status == "below floor" ? "#c0262d" : "#d08a10"
      svg += "<text x=\"0\" y=\"\(top + 14)\" font-size=\"11\">\(escape(status.itemName))</text>"
      svg +=
        "<text x=\"0\" y=\"\(top + 27)\" font-size=\"9\" fill=\"#5b6775\">\(escape(status.location))</text>"
      svg +=
        "<rect x=\"\(barStart)\" y=\"\(top + 4)\" width=\"\(length)\" height=\"18\" fill=\"\(colour)\" />"
      svg +=
        "<text x=\"\(barStart + 4)\" y=\"\(top + 17)\" font-size=\"10\" fill=\"#fff\">\(status.available)</text>"
      if let floor = status.floor {
        let x = barStart + Int(floor * Int64(barWidth) / scale)
        svg +=
          "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(top + 26)\" stroke=\"#1d2733\" stroke-width=\"2\" stroke-dasharray=\"3,2\" />"
      }
    }
    return svg + "</svg>"
  }

  /// One column per day for the last 14 days.
  private static func issuanceChart(_ days: [DailyReport.DayTotal]) -> String {
    let width = 360
    let height = 170
    let plotHeight = 120
    let most = max(days.map(\.quantity).max() ?? 0, 1)
    let slot = width / max(days.count, 1)
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"issued per day\">"
    for (index, day) in days.enumerated() {
      let barHeight = Int(day.quantity * Int64(plotHeight) / most)
      let x = index * slot + 3
      svg +=
        "<rect x=\"\(x)\" y=\"\(10 + plotHeight - barHeight)\" width=\"\(slot - 6)\" height=\"\(barHeight)\" fill=\"#2f6db5\" />"
      if day.quantity > 0 {
        svg +=
          "<text x=\"\(x)\" y=\"\(8 + plotHeight - barHeight)\" font-size=\"8\">\(day.quantity)</text>"
      }
      svg +=
        "<text x=\"\(x)\" y=\"\(plotHeight + 26)\" font-size=\"8\" transform=\"rotate(45 \(x) \(plotHeight + 26))\">\(escape(String(day.date.dropFirst(5))))</text>"
    }
    return svg + "</svg>"
  }

  static func escape(_ text: String) -> String {
    text.reduce(into: "") { escaped, character in
      escaped += entities[character] ?? String(character)
    }
  }

  private static let entities: [Character: String] = [
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
  ]
}
