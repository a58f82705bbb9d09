/// How recalling some lots changes the reservations of one item at one warehouse, so that
/// no reservation stays larger than the usable stock (SPEC §2, §10).
///
/// Reservations name an item, not a lot: a shipment picks lots first expiry first. The
/// reservations are laid over the usable lots that way, oldest approval first, to tell how
/// much of each rested on a recalled lot. What the other usable lots still cover stays
/// reserved (re-pointed to them); what they cannot cover is released, newest approval
/// first. A shortfall that was there before the recall (a lot that expired) is left alone.
struct ReservationCover: Equatable {
  /// What happens to one reservation.
  struct Change: Equatable {
    /// What rested on a recalled lot and now rests on other usable lots.
    var repointed: Int64
    /// What no usable lot covers any more and is released.
    var released: Int64
  }

  /// One change per reservation, in the order the reservations were given.
  private(set) var changes: [Change]

  /// `lots` are the usable lots before the recall, first expiry first, each with how much
  /// of it may be shipped and whether it is being recalled; `reserved` the open
  /// reservations, oldest approval first.
  init(lots: [(usable: Int64, isRecalled: Bool)], reserved: [Int64]) {
    var onRecalled = [Int64](repeating: 0, count: reserved.count)
    var lotIndex = 0
    var leftInLot = lots.first?.usable ?? 0
    for (index, quantity) in reserved.enumerated() {
      var needed = quantity
      while needed > 0, lotIndex < lots.count {
        let part = Swift.min(needed, leftInLot)
        if lots[lotIndex].isRecalled { onRecalled[index] += part }
        needed -= part
        leftInLot -= part
        if leftInLot == 0 {
          lotIndex += 1
          leftInLot = lotIndex < lots.count ? lots[lotIndex].usable : 0
        }
      }
    }
    let total = reserved.reduce(0, +)
    let usable = lots.reduce(0) { $0 + $1.usable }
    let recalled = lots.reduce(0) { $0 + ($1.isRecalled ? $1.usable : 0) }
    let shortBefore = Swift.max(0, total - usable)
    let shortAfter = Swift.max(0, total - (usable - recalled))
    var toRelease = shortAfter - shortBefore
    var released = [Int64](repeating: 0, count: reserved.count)
    for index in reserved.indices.reversed() where toRelease > 0 {
      released[index] = Swift.min(toRelease, reserved[index])
      toRelease -= released[index]
    }
    changes = reserved.indices.map { index in
      Change(
        repointed: Swift.min(onRecalled[index], reserved[index] - released[index]),
        released: released[index])
    }
  }
}
