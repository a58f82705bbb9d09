/// The kinds of numbered documents, by the prefix of their numbers (SPEC §2), as stored in
/// `document.kind`.
public enum DocumentKind: String, StoredCode {
  case purchaseRequest = "PR"
  case purchaseOrder = "PO"
  case receipt = "RCV"
  case donation = "DON"
  case issuanceRequest = "REQ"
  case transfer = "TRF"
  case count = "CNT"
  case adjustment = "ADJ"
  case wasteBatch = "WST"
  case wasteManifest = "MAN"
  case use = "USE"
  case stockReturn = "RET"
  case reversal = "REV"

  public static let storedName = "document kind"
}

/// Every state a document of any kind can be in, as stored in `document.state` and shown to
/// people. Which of them a kind uses, and how it moves between them, is the engine's rule.
public enum DocumentState: String, StoredCode {
  case requested
  case approved
  case rejected
  case cancelled
  case ordered
  case partiallyReceived = "partially received"
  case received
  case shipped
  case confirmed
  case closed
  case posted
  case pending
  case awaitingCollection = "awaiting-collection"
  case collected
  case stored
  case handedOver = "handed-over"
  case discrepancy
  case disposed

  public static let storedName = "document state"
}
