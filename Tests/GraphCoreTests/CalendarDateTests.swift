import Testing
@testable import GraphCore

struct CalendarDateTests {
    @Test(arguments: ["2026-03-01", "2024-02-29", "2000-02-29", "1999-12-31"])
    func realDatesParseAndPrintTheSame(text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "26-03-01", "2026/03/01", "2026-03-1", "", "2026-03-01T00:00Z"])
    func impossibleOrMisshapenDatesAreRefused(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(CalendarDate(year: 2025, month: 12, day: 31).adding(days: 1).description == "2026-01-01")
        #expect(CalendarDate(year: 2024, month: 2, day: 28).adding(days: 1).description == "2024-02-29")
        #expect(CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
    }
}

struct CalendarMonthTests {
    @Test(arguments: [
        ("2026-08-31", 6, "2027-02-28"), ("2027-08-31", 6, "2028-02-29"), ("2026-01-15", 12, "2027-01-15"),
        ("2026-03-31", -1, "2026-02-28"), ("2026-11-23", -12, "2025-11-23"), ("2026-12-01", 1, "2027-01-01"),
    ])
    func addingMonthsClampsToTheMonthEnd(start: String, months: Int, expected: String) throws {
        let date = try #require(CalendarDate(start))
        #expect(date.adding(months: months).description == expected)
    }

    @Test func wholeYearsCountsBirthdays() throws {
        let born = try #require(CalendarDate("2008-11-24"))
        #expect(born.wholeYears(until: try #require(CalendarDate("2026-11-23"))) == 17)
        #expect(born.wholeYears(until: try #require(CalendarDate("2026-11-24"))) == 18)
    }

    /// Every day from 1900 to 2999, made from its day number, is written as YYYY-MM-DD that
    /// parses back to the same day; and a year outside four digits is still written whole.
    @Test func everyDayIsWrittenAsItsISOText() throws {
        let first = CalendarDate(year: 1900, month: 1, day: 1).daysSinceEpoch
        let last = CalendarDate(year: 2999, month: 12, day: 31).daysSinceEpoch
        for number in first...last {
            let date = CalendarDate(daysSinceEpoch: number)
            let parsed = CalendarDate(date.description)
            guard parsed?.daysSinceEpoch == number, parsed == date else {
                Issue.record("day \(number) is written \(date.description)")
                return
            }
        }
        #expect(CalendarDate(year: 987, month: 6, day: 5).description == "0987-06-05")
        #expect(CalendarDate(year: 12_345, month: 1, day: 2).description == "12345-01-02")
    }
}
