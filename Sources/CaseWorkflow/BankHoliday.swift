import GraphCore

/// A bank holiday: a day the partnership's timescales do not count.
public struct BankHoliday: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The day it falls on (after any substitution or move).
    public let date: CalendarDate
    /// Its name as gov.uk gives it, with " (substitute day)" when a weekend pushed it on.
    public let name: String

    /// Makes a bank holiday.
    ///
    /// - Parameters:
    ///   - date: the day off.
    ///   - name: what the day is called.
    public init(date: CalendarDate, name: String) {
        self.date = date
        self.name = name
    }

    /// `YYYY-MM-DD name`.
    public var description: String { "\(date) \(name)" }

    /// Bank holidays sort by date.
    public static func < (lhs: BankHoliday, rhs: BankHoliday) -> Bool {
        (lhs.date, lhs.name) < (rhs.date, rhs.name)
    }
}
