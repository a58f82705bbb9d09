/// The `depot` executable: nothing but the root command.
@main
enum Entry {
  static func main() {
    DepotCommand.runFromCommandLine()
  }
}
