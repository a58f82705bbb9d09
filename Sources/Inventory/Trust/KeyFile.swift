import Crypto
import Foundation

/// A user's Ed25519 private key on disk, readable by its owner only.
public enum KeyFile {
  /// The first line of every key file; a file that starts with it is never written over.
  public static let header = "depot-ed25519-private-key-v1"

  /// The default key path for a user: `$XDG_CONFIG_HOME/depot/keys/NAME.key`, else
  /// `~/.config/depot/keys/NAME.key`.
  public static func defaultPath(for user: String, environment: [String: String]) -> String {
    let configuration =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return "\(configuration)/depot/keys/\(user).key"
  }

  /// Reads a private key, refusing a missing file, one readable by others, or another format.
  static func read(path: String, user: String) throws -> Curve25519.Signing.PrivateKey {
    var status = stat()
    guard stat(path, &status) == 0 else { throw DepotError.keyFileMissing(user: user, path: path) }
    let mode = status.st_mode & 0o777
    guard mode & 0o077 == 0 else {
      throw DepotError.keyFileTooOpen(path: path, mode: String(mode, radix: 8).leftPadded(to: 4))
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw DepotError.keyFileUnreadable(path: path)
    }
    let lines = text.split(whereSeparator: \.isNewline)
    guard lines.first == Substring(header), let encoded = lines.last,
      let raw = Data(base64Encoded: String(encoded)),
      let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    else { throw DepotError.keyFileUnreadable(path: path) }
    return key
  }

  /// Writes a new private key with mode 0600, creating owner-only folders; replaces an
  /// existing file only when `replacing` is set, and then atomically.
  static func write(
    _ key: Curve25519.Signing.PrivateKey, user: String, path: String, replacing: Bool = false
  ) throws {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try? FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let text = "\(header)\nuser: \(user)\n\(key.rawRepresentation.base64EncodedString())\n"
    let target = replacing ? path + ".new" : path
    let descriptor = open(target, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let reason: Reason =
        errno == EEXIST
        ? "a key file already exists there; move it away or choose another \(Field.key) path"
        : Reason(verbatim: String(cString: strerror(errno)))
      throw DepotError.invalidOption(field: .key, reason: "cannot write \(target): \(reason)")
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    fsync(descriptor)
    close(descriptor)
    guard written == bytes.count else {
      unlink(target)
      throw DepotError.invalidOption(field: .key, reason: "could not write \(target)")
    }
    if replacing, rename(target, path) != 0 {
      unlink(target)
      throw DepotError.invalidOption(field: .key, reason: "could not replace \(path)")
    }
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
