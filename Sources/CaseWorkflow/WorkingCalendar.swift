import Foundation
import GraphCore

/// Working days in England and Wales: Monday to Friday, less bank holidays and any days a
/// partnership closes.
///
/// Statutory timescales are counted in working days ("strategy meeting within 5 working
/// days", "assessment within 15 working days"), so a deadline that crosses Easter or
/// Christmas moves with it. The regular bank holidays are computed by rule: New Year's Day,
/// Good Friday and Easter Monday (from the Gregorian computus), the first and last Mondays of
/// May, the last Monday of August, Christmas Day and Boxing Day, with a weekend day
/// substituted by the next weekday not already a holiday. The one-off changes made by
/// proclamation (jubilees, a royal wedding, a state funeral, a coronation, VE Day
/// anniversaries) are data in `Resources/bank_holidays.json`, so a new one is an entry
/// there, not a change here.
///
/// The rules are those in force since 1978, when the early May holiday began; earlier years
/// are computed by the same rules, which is not what was observed then.
///
/// A year's holidays are worked out the first time they are asked for and kept, so
/// counting over long spans stays cheap.
public struct WorkingCalendar: Sendable {
    /// Days the partnership closes on top of bank holidays (a shutdown between Christmas
    /// and New Year, say). Weekend days here change nothing.
    public let extraClosures: Set<CalendarDate>

    private let rules: Rules
    private let closuresByYear: [Int: [Int]]
    private let years = Locked<[Int: Year]>([:])

    /// A calendar from bank holiday data in the form of `Resources/bank_holidays.json`.
    ///
    /// - Parameters:
    ///   - bankHolidaysJSON: the names of the regular holidays and the one-off moves and
    ///     extra days.
    ///   - extraClosures: the partnership's own closure days.
    /// - Throws: ``WorkflowError`` naming the entry that is malformed.
    public init(bankHolidaysJSON: Data, extraClosures: Set<CalendarDate> = []) throws {
        try self.init(rules: Rules(json: bankHolidaysJSON), extraClosures: extraClosures)
    }

    private init(rules: Rules, extraClosures: Set<CalendarDate>) {
        self.rules = rules
        self.extraClosures = extraClosures
        closuresByYear = Dictionary(grouping: extraClosures.map(\.daysSinceEpoch).filter { !Self.isWeekend(epochDay: $0) },
                                    by: Self.year(ofEpochDay:))
    }

    private static let shipped = Result { try Rules(json: WorkflowResource.data(named: Rules.fileName)) }

    /// The England and Wales calendar shipped with cegraph, with a partnership's closures.
    ///
    /// The shipped data is read once, the first time it is needed.
    ///
    /// - Parameter extraClosures: the partnership's own closure days.
    /// - Returns: the calendar.
    /// - Throws: ``WorkflowError`` when the shipped `bank_holidays.json` is missing or
    ///   malformed, which means the build is broken.
    public static func standard(extraClosures: Set<CalendarDate> = []) throws -> WorkingCalendar {
        WorkingCalendar(rules: try shipped.get(), extraClosures: extraClosures)
    }

    // MARK: - Days

    /// The bank holidays of a year, in date order.
    ///
    /// - Parameter year: a Gregorian year.
    /// - Returns: each holiday on the day it is taken, substitutes and one-offs included;
    ///   the partnership's own closures are not bank holidays and are not listed.
    public func bankHolidays(in year: Int) -> [BankHoliday] {
        self.year(year).holidays
    }

    /// Whether a day is Saturday or Sunday.
    ///
    /// - Parameter date: the day.
    /// - Returns: `true` at the weekend.
    public func isWeekend(_ date: CalendarDate) -> Bool {
        Self.isWeekend(epochDay: date.daysSinceEpoch)
    }

    /// Whether a day counts toward a timescale.
    ///
    /// - Parameter date: the day.
    /// - Returns: `true` on a weekday that is neither a bank holiday nor a closure day.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        let day = date.daysSinceEpoch
        return !Self.isWeekend(epochDay: day) && closedWeekdays(from: day, to: day + 1) == 0
    }

    // MARK: - Counting

    /// The day a number of working days after another.
    ///
    /// The start day is not counted, as in "within 5 working days of the referral": a
    /// referral on Thursday 2026-04-02, before Good Friday and Easter Monday, gives
    /// 2026-04-13. A negative count goes back: the result is then the working day that many
    /// working days before, counting it but not `date`.
    ///
    /// - Parameters:
    ///   - n: the number of working days; 0 returns `date` itself.
    ///   - date: the day counting starts from.
    /// - Returns: a working day (or `date` when `n` is 0).
    public func adding(workingDays n: Int, to date: CalendarDate) -> CalendarDate {
        var day = date.daysSinceEpoch
        var remaining = abs(n)
        // A span of `remaining` calendar days holds at most that many working days, so each
        // jump never overshoots, and the last one ends on a working day.
        while remaining > 0 {
            let jump = remaining
            if n > 0 {
                remaining -= workingDayCount(from: day + 1, to: day + jump + 1)
                day += jump
            } else {
                remaining -= workingDayCount(from: day - jump, to: day)
                day -= jump
            }
        }
        return CalendarDate(daysSinceEpoch: day)
    }

    /// The number of working days between two days.
    ///
    /// When `to` is after `from`, the working days after `from` up to and including `to`
    /// (how many working days a meeting on `to` came after a referral on `from`). When `to`
    /// is before, minus the working days from `to` up to but not including `from`, so that
    /// `workingDays(from: d, to: adding(workingDays: n, to: d)) == n` for every `n`.
    ///
    /// - Parameters:
    ///   - from: the first day, not counted.
    ///   - to: the last day, counted.
    /// - Returns: the count; zero when the days are the same.
    public func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        let start = from.daysSinceEpoch
        let end = to.daysSinceEpoch
        if end >= start { return workingDayCount(from: start + 1, to: end + 1) }
        return -workingDayCount(from: end, to: start)
    }

    /// The working days in the half-open range of epoch days `[start, end)`.
    private func workingDayCount(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        return Self.weekdaysBefore(end) - Self.weekdaysBefore(start) - closedWeekdays(from: start, to: end)
    }

    /// The bank holidays and closures on weekdays in `[start, end)`.
    private func closedWeekdays(from start: Int, to end: Int) -> Int {
        let first = Self.year(ofEpochDay: start)
        let last = Self.year(ofEpochDay: end - 1)
        var count = 0
        for year in first...last {
            let closed = self.year(year).closedWeekdays
            count += Self.lowerBound(end, in: closed) - Self.lowerBound(start, in: closed)
        }
        return count
    }

    private static func lowerBound(_ value: Int, in sorted: [Int]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The year of an epoch day, without making a `CalendarDate` (and its text) for every
    /// day counted.
    private static func year(ofEpochDay day: Int) -> Int {
        let estimate = Int((Double(day) / 365.2425).rounded(.down)) + 1970
        if day < CalendarDate.daysSinceEpoch(year: estimate, month: 1, day: 1) { return estimate - 1 }
        if day >= CalendarDate.daysSinceEpoch(year: estimate + 1, month: 1, day: 1) { return estimate + 1 }
        return estimate
    }

    /// Monday is 0; 1970-01-01 was a Thursday.
    private static func weekday(epochDay: Int) -> Int {
        ((epochDay + 3) % 7 + 7) % 7
    }

    private static func isWeekend(epochDay: Int) -> Bool {
        weekday(epochDay: epochDay) >= 5
    }

    /// The weekdays from Monday 1969-12-29 up to `day`, negative before it: differences of
    /// this count the weekdays in any range without walking it.
    private static func weekdaysBefore(_ day: Int) -> Int {
        let offset = day + 3
        let weeks = offset >= 0 ? offset / 7 : (offset - 6) / 7
        return weeks * 5 + min(offset - weeks * 7, 5)
    }

    // MARK: - Years

    /// One year's holidays, worked out once.
    private struct Year: Sendable {
        let holidays: [BankHoliday]
        /// Epoch days of the weekday holidays and closures, sorted, without repeats.
        let closedWeekdays: [Int]
    }

    private func year(_ year: Int) -> Year {
        if let known = years.withLock({ $0[year] }) { return known }
        let holidays = rules.holidays(in: year)
        let closed = Set(holidays.map(\.date.daysSinceEpoch).filter { !Self.isWeekend(epochDay: $0) })
            .union(closuresByYear[year] ?? [])
        let computed = Year(holidays: holidays, closedWeekdays: closed.sorted())
        years.withLock { $0[year] = computed }
        return computed
    }
}

// MARK: - The rules and their data

extension WorkingCalendar {
    /// The names and one-off changes read from `bank_holidays.json`, and the rules that
    /// compute the rest.
    fileprivate struct Rules: Sendable {
        static let fileName = "bank_holidays.json"
        static let keys = ["new_year", "good_friday", "easter_monday", "early_may", "spring", "summer", "christmas",
                           "boxing_day"]

        let names: [String: String]
        let substituteSuffix: String
        /// Year, then holiday key, then the day it was moved to.
        let moved: [Int: [String: CalendarDate]]
        let extra: [Int: [BankHoliday]]

        private struct File: Decodable {
            struct Moved: Decodable {
                let holiday: String
                let year: Int
                let date: String
            }

            struct Extra: Decodable {
                let date: String
                let name: String
            }

            let names: [String: String]
            let substitute_suffix: String
            let moved: [Moved]
            let extra: [Extra]
        }

        init(json: Data) throws {
            let file: File
            do {
                file = try JSONDecoder().decode(File.self, from: json)
            } catch {
                throw WorkflowError("not valid bank holiday data: \(error)", file: Self.fileName)
            }
            for key in Self.keys where file.names[key] == nil {
                throw WorkflowError("'names' has no entry for '\(key)'", file: Self.fileName)
            }
            names = file.names
            substituteSuffix = file.substitute_suffix
            var moved: [Int: [String: CalendarDate]] = [:]
            for (index, entry) in file.moved.enumerated() {
                guard Self.keys.contains(entry.holiday) else {
                    throw WorkflowError("moved[\(index)]: '\(entry.holiday)' is not one of \(Self.keys.joined(separator: ", "))",
                                        file: Self.fileName)
                }
                guard let date = CalendarDate(entry.date), date.year == entry.year else {
                    throw WorkflowError("moved[\(index)]: '\(entry.date)' is not a YYYY-MM-DD date in \(entry.year)",
                                        file: Self.fileName)
                }
                moved[entry.year, default: [:]][entry.holiday] = date
            }
            self.moved = moved
            var extra: [Int: [BankHoliday]] = [:]
            for (index, entry) in file.extra.enumerated() {
                guard let date = CalendarDate(entry.date) else {
                    throw WorkflowError("extra[\(index)]: '\(entry.date)' is not a YYYY-MM-DD date", file: Self.fileName)
                }
                extra[date.year, default: []].append(BankHoliday(date: date, name: entry.name))
            }
            self.extra = extra
        }

        /// The year's holidays: fixed-date ones substituted off weekends, Easter and the
        /// Mondays, then the one-offs.
        func holidays(in year: Int) -> [BankHoliday] {
            let moves = moved[year] ?? [:]
            var result: [BankHoliday] = []
            var taken = Set<Int>()
            func add(_ key: String, _ day: Int, substitute: Bool = false) {
                let date = moves[key] ?? CalendarDate(daysSinceEpoch: day)
                let name = names[key, default: key] + (substitute && moves[key] == nil ? substituteSuffix : "")
                result.append(BankHoliday(date: date, name: name))
                taken.insert(date.daysSinceEpoch)
            }

            let fixed = [("new_year", CalendarDate.daysSinceEpoch(year: year, month: 1, day: 1)),
                         ("christmas", CalendarDate.daysSinceEpoch(year: year, month: 12, day: 25)),
                         ("boxing_day", CalendarDate.daysSinceEpoch(year: year, month: 12, day: 26))]
            // Weekday ones first, so that a weekend one moves past them: Christmas on a
            // Sunday is taken on Tuesday 27th because Boxing Day has Monday.
            for (key, day) in fixed where !WorkingCalendar.isWeekend(epochDay: day) { add(key, day) }
            for (key, day) in fixed where WorkingCalendar.isWeekend(epochDay: day) {
                var substitute = day + 1
                while WorkingCalendar.isWeekend(epochDay: substitute) || taken.contains(substitute) { substitute += 1 }
                add(key, substitute, substitute: true)
            }

            let easter = Self.easterSunday(year)
            add("good_friday", easter - 2)
            add("easter_monday", easter + 1)
            add("early_may", Self.monday(onOrAfter: CalendarDate.daysSinceEpoch(year: year, month: 5, day: 1)))
            add("spring", Self.monday(onOrAfter: CalendarDate.daysSinceEpoch(year: year, month: 5, day: 25)))
            add("summer", Self.monday(onOrAfter: CalendarDate.daysSinceEpoch(year: year, month: 8, day: 25)))
            result += extra[year] ?? []
            return result.sorted()
        }

        private static func monday(onOrAfter day: Int) -> Int {
            day + (7 - WorkingCalendar.weekday(epochDay: day)) % 7
        }

        /// Easter Sunday as an epoch day, by the anonymous Gregorian algorithm (Meeus,
        /// Astronomical Algorithms, ch. 8).
        static func easterSunday(_ year: Int) -> Int {
            let a = year % 19
            let b = year / 100
            let c = year % 100
            let d = b / 4
            let e = b % 4
            let f = (b + 8) / 25
            let g = (b - f + 1) / 3
            let h = (19 * a + b - d - g + 15) % 30
            let i = c / 4
            let k = c % 4
            let l = (32 + 2 * e + 2 * i - h - k) % 7
            let m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31
            let day = (h + l - 7 * m + 114) % 31 + 1
            return CalendarDate.daysSinceEpoch(year: year, month: month, day: day)
        }
    }
}
