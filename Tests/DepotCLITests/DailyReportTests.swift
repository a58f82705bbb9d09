import Foundation
import Testing

/// `depot report daily`: the JSON report and the HTML page for the same day agree, and the
/// page is one well-formed, self-contained document.
@Suite struct DailyReportTests {
  @Test func theHTMLPageIsWellFormedAndCarriesTheFiguresOfTheJSONReport() throws {
    let sandbox = try DepotSandbox()
    try sandbox.runScenario()
    let page = sandbox.path("daily.html")
    let result = try sandbox.succeed([
      "report", "daily", "--date", "2026-11-29", "--html", page, "--json", "--as", "wang",
    ])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(report["date"] as? String == "2026-11-29")
    let received = try #require(report["received"] as? [[String: Any]])
    #expect(
      received.compactMap { $0["document"] as? String }.sorted() == [
        "DON-2026-000001", "RCV-2026-000001", "RCV-2026-000002",
      ])
    let reserves = try #require(report["reserves"] as? [[String: Any]])
    #expect(reserves.compactMap { $0["available"] as? Int } == [49850])
    #expect((report["issuancePerDay"] as? [[String: Any]])?.count == 14)

    let html = try String(contentsOfFile: page, encoding: .utf8)
    let parsed = try sandbox.start(
      "/usr/bin/env",
      [
        "python3", "-c",
        "import sys, xml.etree.ElementTree as E; root = E.parse(sys.argv[1]).getroot(); "
          + "print(len(root.findall('.//{http://www.w3.org/2000/svg}svg')))",
        page,
      ], environment: sandbox.environment()
    ).finish()
    #expect(parsed.status == 0, parsed.transcript)
    #expect(parsed.stdout == "2\n", "a reserves chart and an issuance chart")
    for figure in ["Xianyu Town", "RCV-2026-000001", "DON-2026-000001", "49850", "一次性医用口罩"] {
      #expect(html.contains(figure), "the page shows \(figure)")
    }
    #expect(
      !html.contains("http://") || !html.contains("src=\"http"), "nothing loads from a network")
    #expect(!html.contains("<script"))
  }

  @Test func aDayInTheFutureIsRefused() throws {
    let sandbox = try DepotSandbox()
    try sandbox.setUpOffice()
    let result = try sandbox.depot(["report", "daily", "--date", "2026-12-30", "--as", "wang"])
    #expect(result.status == 1)
    #expect(
      result.errorLines.first?.hasPrefix("error: the date 2026-12-30 is in the future") == true)
  }
}
