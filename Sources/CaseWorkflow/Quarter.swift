import GraphCore

/// A reporting quarter, written `2026Q1`.
///
/// Quarter 1 starts in the partnership's `firstQuarterMonth`: January for calendar
/// quarters, April for the financial year (then `2026Q1` is April to June 2026).
public struct Quarter: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let number: Int
    /// The first and last day.
    public let first: CalendarDate
    public let last: CalendarDate

    /// Parses `YYYYQn`.
    ///
    /// - Throws: ``WorkflowError`` naming the expected form.
    public init(_ text: String, firstMonth: Int = 1) throws {
        let upper = text.uppercased()
        let parts = upper.split(separator: "Q")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]),
              (1...4).contains(number), (1...12).contains(firstMonth) else {
            throw WorkflowError("report", "\(Excerpt.bare(text)) is not a quarter", field: "quarter", hint: "YYYYQn, e.g. 2026Q1")
        }
        self.year = year
        self.number = number
        first = CalendarDate(year: year, month: firstMonth, day: 1).adding(months: 3 * (number - 1))
        last = first.adding(months: 3).adding(days: -1)
    }

    public var description: String { "\(year)Q\(number)" }
}
