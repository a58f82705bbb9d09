import Crypto
import Foundation
import Inventory

/// A user's Ed25519 private key on disk, readable by its owner only.
enum KeyFile {
  /// The first line of every key file; a file that starts with it is never written over.
  static let header = KeyFileFormat.header

  /// The default key path for a user: `$XDG_CONFIG_HOME/depot/keys/NAME.key`, else
  /// `~/.config/depot/keys/NAME.key`.
  static func defaultPath(for user: String, environment: [String: String]) -> String {
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
      throw DepotError.keyFileTooOpen(path: path, mode: String(format: "%04o", UInt32(mode)))
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw DepotError.keyFileUnreadable(path: path)
    }
    guard let key = KeyFileFormat.key(in: text) else {
      throw DepotError.keyFileUnreadable(path: path)
    }
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
    let text = KeyFileFormat.text(of: key, user: user)
    let target = replacing ? path + ".new" : path
    let descriptor = open(target, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let reason =
        errno == EEXIST
        ? "a key file already exists there; move it away or choose another --key path"
        : String(cString: strerror(errno))
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

/// The command line's signer: the user's key file, read when the engine first asks for the key
/// (after its own checks, so a refused or replayed command reads no key) and then kept for the
/// rest of the write.
final class KeyFileSigner: EnvelopeSigner, @unchecked Sendable {
  /// The key file.
  let path: String
  /// Whose key it should be, for the error sentences.
  let user: String
  private let lock = NSLock()
  private var key: Curve25519.Signing.PrivateKey?

  init(path: String, user: String) {
    self.path = path
    self.user = user
  }

  var keyLocation: String { path }

  func publicKey() throws -> Data {
    try privateKey().publicKey.rawRepresentation
  }

  func sign(_ message: Data) throws -> Data {
    try privateKey().signature(for: message)
  }

  private func privateKey() throws -> Curve25519.Signing.PrivateKey {
    try lock.withLock {
      if let key { return key }
      let read = try KeyFile.read(path: path, user: user)
      key = read
      return read
    }
  }
}

/// A new private key, written beside its key file (`PATH.new`) before the engine registers it,
/// and put in place only once the registration has committed: a refusal, or a replay of an
/// earlier `--ref` that registered another key, leaves the files as they were.
struct StagedKey {
  let key = Curve25519.Signing.PrivateKey()
  /// The key file it goes to.
  let path: String
  var staged: String { path + ".new" }

  /// Writes a new key for `user` beside `path`, over any stale staged key.
  init(for user: String, at path: String) throws {
    self.path = path
    unlink(path + ".new")
    try KeyFile.write(key, user: user, path: path + ".new")
  }

  /// The signer of `key generate`: the new key, which refuses to be registered, when the
  /// engine asks for it, if a key file is already where it would go.
  var registrationSigner: any EnvelopeSigner { FreshKeySigner(key: MemorySigner(key), path: path) }

  /// Runs `register` and puts the key in place if `register` registered it: over the old key
  /// when `replacing` (rotation), else only where no file is.
  func register(replacing: Bool, _ register: () throws -> KeySummary) throws -> KeySummary {
    var summary: KeySummary
    do {
      summary = try register()
    } catch {
      unlink(staged)
      throw error
    }
    guard summary.lists(key.publicKey) else {
      unlink(staged)
      summary.keyPath = path
      return summary
    }
    let placed = replacing ? rename(staged, path) : link(staged, path)
    guard placed == 0 else {
      throw DepotError.invalidOption(
        field: .key, reason: "the new key is in \(staged); move it to \(path)")
    }
    if !replacing { unlink(staged) }
    summary.keyPath = path
    return summary
  }
}

/// A key just made, for its own registration: it signs only if no key file is yet where it is
/// to be kept.
private struct FreshKeySigner: EnvelopeSigner {
  let key: MemorySigner
  let path: String

  var keyLocation: String { path }

  func publicKey() throws -> Data {
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DepotError.invalidOption(
        field: .key,
        reason: "cannot write \(path): a key file already exists there; move it away or "
          + "choose another --key path")
    }
    return try key.publicKey()
  }

  func sign(_ message: Data) throws -> Data {
    try key.sign(message)
  }
}
