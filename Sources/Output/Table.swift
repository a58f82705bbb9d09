/// A plain-text table whose columns stay aligned with Chinese text in them.
public struct Table {
  /// A column: its heading and whether its cells are numbers (aligned right).
  public struct Column {
    public var title: String
    public var alignRight: Bool

    public init(_ title: String, alignRight: Bool = false) {
      self.title = title
      self.alignRight = alignRight
    }
  }

  public var columns: [Column]
  public var rows: [[String]] = []

  public init(_ columns: [Column]) {
    self.columns = columns
  }

  /// Adds a row; it must have one cell per column. Control and invisible characters in a
  /// cell are shown escaped (see `Sanitized`).
  public mutating func append(_ row: [String]) {
    precondition(row.count == columns.count, "a table row has one cell per column")
    rows.append(row.map(Sanitized.line))
  }

  /// The table as lines: a heading, a rule and the rows, columns two spaces apart.
  public func render() -> String {
    let widths = columns.indices.map { index in
      rows.reduce(DisplayWidth.of(columns[index].title)) {
        max($0, DisplayWidth.of($1[index]))
      }
    }
    func line(_ cells: [String]) -> String {
      cells.indices.map { index in
        let isLast = index == cells.count - 1
        if isLast && !columns[index].alignRight { return cells[index] }
        return DisplayWidth.pad(
          cells[index], to: widths[index], alignRight: columns[index].alignRight)
      }.joined(separator: "  ")
    }
    var lines = [line(columns.map(\.title))]
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    lines += rows.map(line)
    return lines.joined(separator: "\n")
  }
}
