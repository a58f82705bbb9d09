import ArgumentParser

/// A word on the command line where a command group expects one of its subcommands, and is
/// none of them (`depot key enroll`): named as such, with the nearest real one, before the
/// argument parser would report whatever came next ("Unknown option '--as'").
struct MistypedCommand: Error, Equatable, CustomStringConvertible {
  /// The group's whole name, `depot key`.
  var group: String
  /// The word given.
  var given: String
  /// The group's subcommands, in the order `--help` lists them.
  var commands: [String]

  /// The subcommand nearest to `given` when one is near enough to be what was meant: at most
  /// a third of its letters apart (at least one), the first such in `--help` order.
  var nearest: String? {
    let ranked = commands.map { (name: $0, distance: editDistance(given.lowercased(), $0)) }
    guard let best = ranked.min(by: { $0.distance < $1.distance }),
      best.distance <= max(1, best.name.count / 3)
    else { return nil }
    return best.name
  }

  var description: String {
    if let nearest {
      return "'\(given)' is not a \(group) command; did you mean '\(nearest)'?"
    }
    return "'\(given)' is not a \(group) command; use one of: " + commands.joined(separator: ", ")
  }

  /// Walks `arguments` down the command tree from `root`: each word before the first option
  /// must name a subcommand while the command reached has any, unless it has a default
  /// subcommand that takes the word as its argument (`depot reverse RCV-…`); `help` is left to
  /// the argument parser.
  static func check(_ arguments: [String], from root: any ParsableCommand.Type) throws {
    var command = root
    var path = [root._commandName]
    for word in arguments {
      let subcommands = command.configuration.subcommands
      guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil,
        !word.hasPrefix("-"), word != "help"
      else {
        return
      }
      guard let next = subcommands.first(where: { $0._commandName == word }) else {
        throw MistypedCommand(
          group: path.joined(separator: " "), given: word,
          commands: subcommands.map { $0._commandName })
      }
      command = next
      path.append(word)
    }
  }
}

/// How many single-character insertions, deletions or substitutions turn `a` into `b`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  var previous = Array(0...b.count)
  for (i, x) in a.enumerated() {
    var current = [i + 1]
    for (j, y) in b.enumerated() {
      current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
    }
    previous = current
  }
  return previous[b.count]
}
