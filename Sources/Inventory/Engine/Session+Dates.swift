import Foundation
import Ledger

/// A step a document has taken, named as it reads after "it was" ("approved", "shipped"),
/// and the day it took effect.
struct EarlierStep: Equatable, Sendable {
  var name: String
  var date: Day
}

/// What is wrong with an effective date, if anything (SPEC §3 "Backdating", §10).
enum DateConflict: Equatable {
  case future(today: Day)
  case closed(period: String)
  case before(EarlierStep)
}

extension Session {
  /// The one date rule: the effective date may not be after today, in or before the last
  /// closed period, or before any of `earlier`.
  func dateConflict(after earlier: [EarlierStep] = []) throws -> DateConflict? {
    if effectiveDate > today { return .future(today: today) }
    if let period = try transaction.lastClosedPeriod(), let end = Day.lastDay(ofPeriod: period),
      effectiveDate <= end
    {
      return .closed(period: period)
    }
    let latest = earlier.reversed().max { $0.date < $1.date }
    if let latest, effectiveDate < latest.date { return .before(latest) }
    return nil
  }

  /// Refuses the effective date for taking `document` to `step` (a state such as
  /// "shipped", or "received against"): in the future, in a closed period, or before the
  /// earlier steps of the document that this step follows.
  func checkStepDate(_ step: String, on document: DocumentRecord) throws {
    let earlier = try steps(of: document).filter { Self.precedes($0.action, step) }
    switch try dateConflict(after: earlier.map(\.step)) {
    case nil: return
    case .future(let today):
      throw DepotError.stepInFuture(
        document: document.number, step: step, date: effectiveDate, today: today)
    case .closed(let period):
      throw DepotError.stepInClosedPeriod(
        document: document.number, step: step, date: effectiveDate, period: period)
    case .before(let latest):
      throw DepotError.stepBeforeEarlierStep(
        document: document.number, step: step, date: effectiveDate, earlier: latest.name,
        earlierDate: latest.date)
    }
  }

  /// Refuses to take `quantity` of `lot` out of `place` on a past effective date when the
  /// place did not hold that much on that day or on any later one (I2 as of every day).
  func checkCovered(
    _ quantity: Int64, of lot: LotRecord, _ item: ItemRecord, at place: AccountRecord
  ) throws {
    guard isBackdated else { return }
    let lowest = try transaction.lowestBalance(
      accountID: place.id, lotID: lot.id, from: effectiveDate)
    guard lowest >= quantity else {
      throw DepotError.backdatedBelowZero(
        item: item.code, location: place.code, date: effectiveDate)
    }
  }

  /// When a step took effect: now, or for a step entered late the end of its effective day
  /// in office time (SPEC §10).
  var effectiveMoment: Moment {
    guard isBackdated else { return now }
    let end = Moment(
      Date(Moment.start(of: effectiveDate.adding(days: 1), in: timeZone)).addingTimeInterval(-0.001)
    )
    return Swift.min(end, now)
  }

  /// `payload` with the effective date added when it is not today, so that a step that moves
  /// no stock still says when it took effect (a decision entered late, SPEC §10).
  func dated(_ payload: Payload) -> Payload {
    var dated = payload
    if isBackdated { dated.append("date", effectiveDate.description) }
    return dated
  }

  /// Every step `document` has taken, each with the event's action and the day it took
  /// effect: the date the event carries, else its movements' effective date, else the
  /// document's own date for the event that created it, else the day it was recorded.
  func steps(of document: DocumentRecord) throws -> [(action: String, step: EarlierStep)] {
    let movements = try transaction.movements(ofDocument: document.id)
    return try transaction.events(ofDocument: document.id).map { event in
      let carried = Payload(parsing: event.payload)["date"].flatMap(Day.init)
      let moved = movements.first { $0.recordedAt == event.recordedAt }?.effectiveDate
      let created = event.recordedAt == document.createdAt ? document.effectiveDate : nil
      let date = carried ?? moved ?? created ?? event.recordedAt.day(in: timeZone)
      return (event.action, EarlierStep(name: try Self.stepName(event), date: date))
    }
  }

  /// Whether an event with `action` is an earlier step that `step` must not precede. Money
  /// follows the goods on its own dates: an invoice follows only the order's placement, a
  /// payment also its invoices, and no other step waits for an invoice or a payment.
  private static func precedes(_ action: String, _ step: String) -> Bool {
    switch action {
    case "invoice.add": step == "paid"
    case "payment.add", "disinfection.done": false
    default: step != "invoiced" || action.hasPrefix("order.")
    }
  }

  /// How an event reads after "it was".
  private static func stepName(_ event: DocumentEventRecord) throws -> String {
    switch event.action {
    case "invoice.add": return "invoiced"
    case "payment.add": return "paid"
    case "waste.open": return "opened"
    case "manifest.resolve": return "resolved"
    case "manifest.handover": return "handed over"
    default: break
    }
    guard let state = event.toState else { return event.action }
    return try DocumentState(stored: state).step
  }
}
