import GraphCore

/// One data row of a Neo4j admin-import CSV file, read through its header.
///
/// Cells are trimmed, and an empty cell is an absent property, as in the project's own CSV
/// import. Every error names the file, the row's line and the column.
struct Neo4jRow {
    let header: Neo4jHeader
    let cells: [String]
    let location: SourceLocation

    /// - Throws: ``InputError`` when the row does not have one cell per header column.
    init(header: Neo4jHeader, row: CSVReader.Row, file: String) throws(InputError) {
        location = SourceLocation(file: file, line: row.line)
        guard row.cells.count == header.roles.count else {
            throw InputError("\(row.cells.count) cells, but the header has \(header.roles.count) columns", at: location)
        }
        self.header = header
        cells = row.cells.map { $0.trimmingWhitespace() }
    }

    /// The value of a special column (`:ID`, `:START_ID`, `:TYPE`, ...), which must not be empty.
    func required(_ role: Neo4jHeader.Role) throws(InputError) -> String {
        guard let index = header.index(of: role) else {
            throw InputError("column '\(Neo4jHeader.text(of: role))': missing from the header", at: header.location)
        }
        guard !cells[index].isEmpty else { throw error("empty", column: index) }
        return cells[index]
    }

    /// A property's text, or `nil` when the column is absent or the cell empty.
    func text(_ name: String) -> String? {
        guard let index = header.index(ofProperty: name), !cells[index].isEmpty else { return nil }
        return cells[index]
    }

    /// A property's text, which must be there.
    ///
    /// - Parameter purpose: what needs it, for the error (`a Phone needs a number`).
    func required(_ name: String, purpose: String) throws(InputError) -> String {
        guard let text = text(name) else {
            throw error("empty; \(purpose)", column: header.index(ofProperty: name))
        }
        return text
    }

    /// A property read as a finite number.
    func number(_ name: String) throws(InputError) -> Double? {
        guard let text = text(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw error("\(Excerpt(text)) is not a number", column: header.index(ofProperty: name))
        }
        return value
    }

    /// A property read as a whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw error("\(Excerpt(text)) is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                        column: header.index(ofProperty: name))
        }
        return value
    }

    /// A property read as a date: `DD/MM/YYYY` (as the POLE data writes dates, day first as
    /// in the UK) or `YYYY-MM-DD`.
    func date(_ name: String) throws(InputError) -> CalendarDate? {
        guard let text = text(name) else { return nil }
        if let date = CalendarDate(text) { return date }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
           let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
           (1...12).contains(month), (1900...2999).contains(year), (1...CalendarDate.days(inMonth: month, year: year)).contains(day) {
            return CalendarDate(year: year, month: month, day: day)
        }
        throw error("\(Excerpt(text)) is not a date written DD/MM/YYYY or YYYY-MM-DD", column: header.index(ofProperty: name))
    }

    /// An error at this row, naming the column by its header cell.
    func error(_ message: String, column: Int?) -> InputError {
        guard let column else { return InputError(message, at: location) }
        return InputError("column \(Excerpt(header.cells[column], quote: "'")): \(message)", at: location)
    }

    /// An error at this row about a property.
    func error(_ message: String, property: String) -> InputError {
        error(message, column: header.index(ofProperty: property))
    }
}
