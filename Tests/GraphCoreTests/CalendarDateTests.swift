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
