import Foundation

/// A calendar date written `YYYY-MM-DD`, checked for a real day of a real month.
///
/// Dates are kept as their ISO text, which sorts correctly and is what SQLite compares.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// The date as `YYYY-MM-DD`, made once: imports write millions of dates.
    public let description: String

    /// Parses `YYYY-MM-DD`, or returns `nil` for any other form or an impossible date
    /// (years 1900 to 2999, as the schema's `CHECK`s allow).
    public init?(_ text: String) {
        var copy = text
        guard let (year, month, day) = copy.withUTF8({ CalendarDate.parts(of: $0) }) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        // The text was checked to be exactly YYYY-MM-DD, so it is its own description.
        description = text
    }

    private static func parts(of bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1900...2999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        return (year, month, day)
    }

    /// Makes a date from its parts; the caller guarantees they are valid.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            description = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            return
        }
        // Digit by digit into the string's own storage: a query answer writes a date for
        // every link, and padding and interpolating was a tenth of the association API's time.
        description = String(unsafeUninitializedCapacity: 10) { text in
            func digits(_ value: Int, at start: Int, width: Int) {
                var value = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            digits(year, at: 0, width: 4)
            text[4] = UInt8(ascii: "-")
            digits(month, at: 5, width: 2)
            text[7] = UInt8(ascii: "-")
            digits(day, at: 8, width: 2)
            return 10
        }
    }

    /// The number of days in a month of the Gregorian calendar.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The number of days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        CalendarDate.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The number of days from 1970-01-01 to a proleptic Gregorian date, without checking it.
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Today's date in UTC.
    public static var today: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// The same day `count` months later (earlier when negative), clamped to the end of a
    /// shorter month: 2026-08-31 plus six months is 2027-02-28.
    public func adding(months count: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + count
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.days(inMonth: newMonth, year: newYear)))
    }

    /// The same weekday `count` weeks later. Reviews are set in calendar weeks: a bank
    /// holiday does not move them.
    public func adding(weeks count: Int) -> CalendarDate {
        adding(days: 7 * count)
    }

    /// Whole years from `self` to `other` (an age, when `self` is a date of birth).
    public func wholeYears(until other: CalendarDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
