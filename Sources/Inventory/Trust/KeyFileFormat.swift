import Crypto
import Foundation

/// The text of a key file: a header line, the user it was made for, and the Ed25519 private
/// key in base64. Only the format: whoever stores the text opens the file.
public enum KeyFileFormat {
  /// The first line of every key file; a file that starts with it is never written over.
  public static let header = "depot-ed25519-private-key-v1"

  /// The text of a key file holding `key`, made for `user`.
  public static func text(of key: Curve25519.Signing.PrivateKey, user: String) -> String {
    "\(header)\nuser: \(user)\n\(key.rawRepresentation.base64EncodedString())\n"
  }

  /// The key a key file's text holds, or nil when the text is not a key file.
  public static func key(in text: String) -> Curve25519.Signing.PrivateKey? {
    let lines = text.split(whereSeparator: \.isNewline)
    guard lines.first == Substring(header), let encoded = lines.last,
      let raw = Data(base64Encoded: String(encoded))
    else { return nil }
    return try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
  }
}
