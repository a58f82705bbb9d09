import Foundation
import Inventory

/// A file that leaves the program (an export, its manifest, a backup), written so that it can
/// never damage what is already there (SPEC §6, §8).
///
/// The destination is refused when it is the database, its `-wal` or `-shm` file, a key
/// file, a symbolic link, a folder or a device, compared by path and by device and inode so
/// that `./x/../office.sqlite` or a hard link is caught too; an existing plain file only with
/// `replacing`. The bytes go to an owner-only temporary file with an unpredictable name in
/// the same folder, created exclusively without following links, and `commit` flushes it and
/// renames it into place, so a failed write leaves nothing behind.
final class OutputFile {
  /// The file being written.
  let path: String
  /// Where the bytes go until `commit`.
  let temporaryPath: String
  private let replacing: Bool
  private let descriptor: Int32
  private var isOpen = true

  /// Checks that `path` may be written (replacing an existing plain file only when
  /// `replacing`) and creates its temporary file.
  init(path: String, replacing: Bool, database: String) throws {
    self.path = path
    self.replacing = replacing
    try Self.check(path, replacing: replacing, database: database)
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let random = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }
    temporaryPath =
      (folder.isEmpty ? "" : folder + "/") + ".\(name).\(random.joined(separator: "-")).tmp"
    descriptor = open(
      temporaryPath, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      isOpen = false
      throw DepotError.cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
    }
  }

  deinit { abandon() }

  /// Appends bytes to the temporary file.
  func write(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      guard written > 0 else { throw failure(String(cString: strerror(errno))) }
      offset += written
    }
  }

  /// Flushes the temporary file to disk and renames it into place.
  func commit() throws {
    var written = stat()
    var named = stat()
    guard fstat(descriptor, &written) == 0, lstat(temporaryPath, &named) == 0,
      written.st_dev == named.st_dev, written.st_ino == named.st_ino
    else { throw failure("its temporary file \(temporaryPath) was replaced while it was written") }
    guard fsync(descriptor) == 0 else { throw failure(String(cString: strerror(errno))) }
    if !replacing, lstat(path, &named) == 0 { throw DepotError.fileExists(path: path) }
    guard rename(temporaryPath, path) == 0 else {
      throw failure(String(cString: strerror(errno)))
    }
    isOpen = false
    close(descriptor)
    let folder = open((path as NSString).deletingLastPathComponent.nonEmpty ?? ".", O_RDONLY)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  /// Removes the temporary file; the destination stays as it was.
  func abandon() {
    guard isOpen else { return }
    isOpen = false
    close(descriptor)
    unlink(temporaryPath)
  }

  private func failure(_ reason: String) -> DepotError {
    abandon()
    return DepotError.cannotWriteFile(path: path, reason: reason)
  }

  /// Refuses a destination that is, or would become, something other than a new file.
  private static func check(_ path: String, replacing: Bool, database: String) throws {
    let protected: [(path: String, kind: ProtectedFile)] = [
      (database, .database), (database + "-wal", .writeAheadLog),
      (database + "-shm", .sharedMemory),
    ]
    var status = stat()
    let exists = lstat(path, &status) == 0
    for file in protected {
      var other = stat()
      let sameFile =
        exists && stat(file.path, &other) == 0
        && (status.st_dev, status.st_ino) == (other.st_dev, other.st_ino)
      if sameFile || canonical(path) == canonical(file.path) {
        throw DepotError.fileProtected(path: path, kind: file.kind)
      }
    }
    guard exists else { return }
    switch status.st_mode & S_IFMT {
    case S_IFLNK: throw DepotError.fileProtected(path: path, kind: .symbolicLink)
    case S_IFDIR: throw DepotError.fileProtected(path: path, kind: .folder)
    case S_IFREG: break
    default: throw DepotError.fileProtected(path: path, kind: .specialFile)
    }
    if startsWithKeyHeader(path) { throw DepotError.fileProtected(path: path, kind: .keyFile) }
    if !replacing { throw DepotError.fileExists(path: path) }
  }

  /// The path with its folder resolved (links, `.` and `..`), the file name kept as given.
  private static func canonical(_ path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent.nonEmpty ?? "."
    guard let resolved = realpath(folder, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved) + "/" + (path as NSString).lastPathComponent
  }

  private static func startsWithKeyHeader(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let header = Array(KeyFile.header.utf8)
    var bytes = [UInt8](repeating: 0, count: header.count)
    let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    return count == header.count && bytes == header
  }
}

extension String {
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
