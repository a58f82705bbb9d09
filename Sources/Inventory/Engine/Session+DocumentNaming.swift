import Ledger

extension DocumentKind {
  /// The kind whose prefix starts this document number, in any letter case: `RCV` in
  /// `rcv-2026-000001`; nil when the text does not start with a kind's prefix and a dash.
  public init?(numbered text: String) {
    guard let dash = text.firstIndex(of: "-") else { return nil }
    self.init(rawValue: text[..<dash].uppercased())
  }
}

extension Session {
  /// The document of one of `kinds` that `text` names: its number in any letter case or,
  /// where a manifest may be named, the paper number (联单号) recorded at its hand-over.
  /// Refused with the closest paper numbers when the text is no document number and names
  /// no manifest, else with the closest numbers of the kind it names (or of `kinds`).
  func document(_ text: String, kinds: [DocumentKind]) throws -> DocumentRecord {
    if let document = try transaction.document(number: text.uppercased()),
      kinds.contains(document.kind)
    {
      return document
    }
    let numbered = DocumentKind(numbered: text)
    if kinds.contains(.wasteManifest), numbered == nil {
      let manifests = try transaction.manifests()
      let naming = Naming<(number: String, manifest: WasteManifestRecord, batches: [String])>(
        code: { $0.manifest.manifestNumber }, name: { $0.number })
      if let found = manifests.first(where: { $0.manifest.manifestNumber == text }),
        let document = try transaction.document(id: found.manifest.documentId)
      {
        return document
      }
      let closest = naming.closest(to: text, among: manifests)
      if !closest.isEmpty || kinds == [.wasteManifest] {
        throw DepotError.unknownPaperNumber(text, closest: closest.map(naming.candidate))
      }
    }
    let searched = numbered.flatMap { kinds.contains($0) ? [$0] : nil } ?? kinds
    let numbers = try transaction.documentNumbers(kinds: searched)
    throw DepotError.unknownDocument(
      text,
      closest: Naming<String>(code: { $0 }, name: { _ in nil }).closest(
        to: text, among: numbers))
  }
}
