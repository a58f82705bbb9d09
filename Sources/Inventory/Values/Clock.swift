import Foundation
import Ledger

/// Where the engine reads the time from; tests inject a fixed one.
public protocol DepotClock: Sendable {
  /// The current instant.
  func now() -> Moment
}

/// The system clock.
public struct SystemClock: DepotClock {
  public init() {}
  public func now() -> Moment { Moment(Date()) }
}

/// A clock that reads a set instant, for tests and reproducible runs.
public final class FixedClock: DepotClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Moment

  public init(_ moment: Moment) {
    current = moment
  }

  public func now() -> Moment { lock.withLock { current } }

  /// Moves the clock on.
  public func advance(hours: Int64) {
    lock.withLock { current = current.adding(hours: hours) }
  }

  /// Sets the clock.
  public func set(_ moment: Moment) {
    lock.withLock { current = moment }
  }
}
