import Crypto
import Foundation

/// An export being written: bytes go to `PATH.partial` (owner-only) and into a SHA-256 as
/// they come; `finish` moves the file into place, so a failed export leaves nothing behind.
final class ExportFile {
  let path: String
  private let temporary: String
  private let descriptor: Int32
  private var hasher = SHA256()
  private var isOpen = true

  init(path: String) throws {
    self.path = path
    temporary = path + ".partial"
    descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw DepotError.cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Appends bytes to the file and to the hash.
  func write(_ bytes: UnsafeRawBufferPointer) throws {
    hasher.update(bufferPointer: bytes)
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(
        descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      guard written > 0 else {
        let reason = String(cString: strerror(errno))
        throw DepotError.cannotWriteFile(path: path, reason: reason)
      }
      offset += written
    }
  }

  /// Flushes the file to disk, moves it into place and returns its SHA-256.
  func finish() throws -> String {
    guard fsync(descriptor) == 0 else {
      let reason = String(cString: strerror(errno))
      abandon()
      throw DepotError.cannotWriteFile(path: path, reason: reason)
    }
    isOpen = false
    guard close(descriptor) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DepotError.cannotWriteFile(path: path, reason: reason)
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DepotError.cannotWriteFile(path: path, reason: reason)
    }
    return Data(hasher.finalize()).hexadecimal
  }

  /// Removes what was written.
  func abandon() {
    guard isOpen else { return }
    isOpen = false
    close(descriptor)
    unlink(temporary)
  }

  /// Whether two paths name the same existing file.
  static func isSameFile(_ path: String, _ other: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(path, &first) == 0, stat(other, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }

  /// Writes a small file whole, owner-only, replacing any file there.
  static func write(_ data: Data, to path: String) throws {
    let file = try ExportFile(path: path)
    do {
      try data.withUnsafeBytes { try file.write($0) }
      _ = try file.finish()
    } catch {
      file.abandon()
      throw error
    }
  }
}
