import Inventory

/// The `depot` executable: the root command, its sentences naming fields by their options.
@main
enum Entry {
  static func main() {
    DepotError.fieldNaming = OptionNames()
    DepotCommand.runFromCommandLine()
  }
}
