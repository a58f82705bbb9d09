/// What an export or backup refused to write over, and so why (SPEC §6, §8).
public enum ProtectedFile: Sendable, Equatable {
  /// The office's database itself.
  case database
  /// The database's write-ahead log (`-wal`).
  case writeAheadLog
  /// The database's shared-memory index (`-shm`).
  case sharedMemory
  /// A private key file (it starts with the key-file header).
  case keyFile
  /// A symbolic link, which is never followed.
  case symbolicLink
  /// A folder.
  case folder
  /// A device, pipe or socket: anything but a regular file.
  case specialFile
}
