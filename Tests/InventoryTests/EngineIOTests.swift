import Foundation
import Testing

/// The engine does no file I/O of its own: its callers read and write files (the command line
/// its key files, imports and database file) and hand it values and an opened store.
@Suite struct EngineIOTests {
  static let forbidden = [
    "FileManager", "FileHandle", "fopen", "contentsOf", ".write(to", "unlink(", "fsync(",
  ]

  /// Every Swift source file of Sources/Inventory, by its path inside the package.
  static func engineSources() throws -> [(path: String, text: String)] {
    let package = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let sources = package.appendingPathComponent("Sources/Inventory")
    var found: [(String, String)] = []
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard file.pathExtension == "swift" else { continue }
      let path = String(file.path.dropFirst(package.path.count + 1))
      found.append((path, try String(contentsOf: file, encoding: .utf8)))
    }
    return found.sorted { $0.0 < $1.0 }
  }

  @Test func theEngineSourcesNameNoFileIO() throws {
    let sources = try Self.engineSources()
    #expect(sources.count >= 50, "the source scan found \(sources.count) files")
    var uses: [String] = []
    for (path, text) in sources {
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        for word in Self.forbidden where line.contains(word) {
          uses.append("\(path):\(number + 1): \(word)")
        }
      }
    }
    #expect(uses == [])
  }
}
