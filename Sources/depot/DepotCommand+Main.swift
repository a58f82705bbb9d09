import ArgumentParser
import Foundation
import Output

extension DepotCommand {
  /// Parses the command line and runs the command. Help and the version print as usual;
  /// every error is one line on stderr (SPEC §5) with exit code 64 for usage errors, a
  /// mistyped subcommand among them.
  static func runFromCommandLine() {
    do {
      try MistypedCommand.check(Array(CommandLine.arguments.dropFirst()), from: self)
      var command = try parseAsRoot()
      try command.run()
    } catch let error as MistypedCommand {
      Terminal.error("error: " + Sanitized.line(error.description))
      Foundation.exit(ExitCode.validationFailure.rawValue)
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }
      var message = Sanitized.line(self.message(for: error))
      if code == .validationFailure { message += "; see --help for usage" }
      Terminal.error("error: " + message)
      Foundation.exit(code.rawValue)
    }
  }
}
