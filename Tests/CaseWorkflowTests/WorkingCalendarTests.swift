import Foundation
import GraphCore
import Testing
@testable import CaseWorkflow

struct WorkingCalendarTests {
    let calendar: WorkingCalendar

    init() throws {
        calendar = try WorkingCalendar.standard()
    }

    func date(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(text))
    }

    /// The lists on gov.uk/bank-holidays for England and Wales.
    @Test(arguments: [
        (2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"]),
        (2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]),
        (2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]),
        (2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"]),
        (2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                "2022-12-26", "2022-12-27"]),
        (2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"]),
        (2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
                "2023-12-26"]),
        (2012, ["2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25",
                "2012-12-26"]),
    ])
    func bankHolidaysMatchGovUK(year: Int, expected: [String]) {
        let holidays = calendar.bankHolidays(in: year)
        #expect(holidays.map(\.date.description) == expected)
        #expect(holidays == holidays.sorted())
    }

    @Test func holidaysCarryTheirNamesAndSayWhenTheyAreSubstitutes() {
        let names = Dictionary(uniqueKeysWithValues: calendar.bankHolidays(in: 2022).map { ($0.date.description, $0.name) })
        #expect(names["2022-01-03"] == "New Year’s Day (substitute day)")
        #expect(names["2022-12-26"] == "Boxing Day")
        #expect(names["2022-12-27"] == "Christmas Day (substitute day)")
        #expect(names["2022-06-02"] == "Spring bank holiday", "a moved holiday is not a substitute")
        #expect(names["2022-09-19"]?.contains("State Funeral") == true)
        let may2020 = calendar.bankHolidays(in: 2020).first { $0.date.month == 5 }
        #expect(may2020?.name == "Early May bank holiday")
    }

    @Test func easterFollowsTheComputusAtItsExtremes() {
        // Easter Sunday on 22 March (earliest) in 2285 and 25 April (latest) in 2038.
        #expect(calendar.bankHolidays(in: 2285).contains { $0.date.description == "2285-03-20" && $0.name == "Good Friday" })
        #expect(calendar.bankHolidays(in: 2038).contains { $0.date.description == "2038-04-26" && $0.name == "Easter Monday" })
        #expect(calendar.bankHolidays(in: 2000).contains { $0.date.description == "2000-04-21" && $0.name == "Good Friday" })
    }

    @Test func weekendsHolidaysAndClosuresAreNotWorkingDays() throws {
        #expect(calendar.isWorkingDay(try date("2026-04-02")))
        #expect(!calendar.isWorkingDay(try date("2026-04-03")))
        #expect(!calendar.isWorkingDay(try date("2026-04-04")))
        #expect(!calendar.isWorkingDay(try date("2026-12-28")))
        #expect(calendar.isWorkingDay(try date("2026-12-29")))
        let closing = try WorkingCalendar.standard(extraClosures: [try date("2026-12-29"), try date("2026-12-26")])
        #expect(!closing.isWorkingDay(try date("2026-12-29")))
        #expect(closing.bankHolidays(in: 2026) == calendar.bankHolidays(in: 2026), "closures are not bank holidays")
    }

    @Test(arguments: [
        ("2026-04-02", 5, "2026-04-13"),   // strategy meeting, across Good Friday and Easter Monday
        ("2026-04-02", 15, "2026-04-27"),  // exploitation assessment
        ("2026-03-06", 1, "2026-03-09"),   // Friday to Monday
        ("2026-03-07", 1, "2026-03-09"),   // from a Saturday
        ("2026-03-07", 0, "2026-03-07"),
        ("2026-12-18", 5, "2026-12-29"),   // across Christmas and the Boxing Day substitute
        ("2026-12-24", 4, "2027-01-04"),   // and New Year
        ("2021-12-24", 1, "2021-12-29"),   // Christmas on a Saturday
        ("2026-03-09", -1, "2026-03-06"),
        ("2026-04-07", -1, "2026-04-02"),
        ("2026-04-13", -5, "2026-04-02"),
    ])
    func addingWorkingDays(start: String, count: Int, expected: String) throws {
        #expect(calendar.adding(workingDays: count, to: try date(start)).description == expected)
    }

    @Test func countingWorkingDays() throws {
        #expect(calendar.workingDays(from: try date("2026-12-24"), to: try date("2027-01-04")) == 4)
        #expect(calendar.workingDays(from: try date("2026-04-02"), to: try date("2026-04-13")) == 5)
        #expect(calendar.workingDays(from: try date("2026-04-13"), to: try date("2026-04-13")) == 0)
        #expect(calendar.workingDays(from: try date("2026-04-13"), to: try date("2026-04-02")) == -5)
        #expect(calendar.workingDays(from: try date("2026-03-07"), to: try date("2026-03-08")) == 0)
        // 2026 has 261 weekdays, eight of them bank holidays.
        #expect(calendar.workingDays(from: try date("2025-12-31"), to: try date("2026-12-31")) == 253)
    }

    @Test func partnershipClosuresAreSkipped() throws {
        let closures: Set<CalendarDate> = [try date("2026-12-29"), try date("2026-12-30"), try date("2026-12-31")]
        let closing = try WorkingCalendar.standard(extraClosures: closures)
        #expect(closing.adding(workingDays: 1, to: try date("2026-12-24")).description == "2027-01-04")
        #expect(closing.workingDays(from: try date("2026-12-24"), to: try date("2027-01-04")) == 1)
    }

    /// Counting and adding agree with each other and with walking the days one by one.
    @Test func addingAndCountingAreInversesOverManyDates() {
        var random = SeededRandom(seed: 2026)
        let first = CalendarDate(year: 1990, month: 1, day: 1).daysSinceEpoch
        for _ in 0..<2_000 {
            let start = CalendarDate(daysSinceEpoch: first + random.below(50 * 365))
            let n = random.below(121) - 60
            let end = calendar.adding(workingDays: n, to: start)
            #expect(calendar.workingDays(from: start, to: end) == n, "\(start) \(n) → \(end)")
            if n != 0 { #expect(calendar.isWorkingDay(end)) }
            #expect(end == walk(n, from: start), "\(start) \(n)")
        }
    }

    @Test func longSpansCountTheSameAsWalkingThem() {
        var random = SeededRandom(seed: 18)
        let first = CalendarDate(year: 1995, month: 1, day: 1).daysSinceEpoch
        for _ in 0..<50 {
            let from = first + random.below(30 * 365)
            let to = from + 1 + random.below(3 * 365)
            let walked = (from + 1...to).count { calendar.isWorkingDay(CalendarDate(daysSinceEpoch: $0)) }
            #expect(calendar.workingDays(from: CalendarDate(daysSinceEpoch: from), to: CalendarDate(daysSinceEpoch: to)) == walked)
        }
    }

    private func walk(_ n: Int, from start: CalendarDate) -> CalendarDate {
        var day = start
        var remaining = abs(n)
        while remaining > 0 {
            day = day.adding(days: n > 0 ? 1 : -1)
            if calendar.isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    @Test(arguments: [
        ("2026-08-31", 6, "2027-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-01-15", 12, "2027-01-15"),
        ("2026-01-15", -13, "2024-12-15"),
    ])
    func addingMonthsKeepsWithinTheMonth(start: String, months: Int, expected: String) throws {
        #expect(try date(start).adding(months: months).description == expected)
    }

    @Test func addingWeeksIsCalendarWeeks() throws {
        #expect(try date("2026-03-30").adding(weeks: 12).description == "2026-06-22")
    }

    @Test func malformedDataIsRefusedNamingTheEntry() throws {
        let missingName = #"{"names":{"new_year":"x"},"substitute_suffix":"","moved":[],"extra":[]}"#
        let error = try #require(throws: WorkflowError.self) { try WorkingCalendar(bankHolidaysJSON: Data(missingName.utf8)) }
        #expect(error.description.contains("bank_holidays.json") && error.description.contains("good_friday"))

        let names = #"{"new_year":"a","good_friday":"b","easter_monday":"c","early_may":"d","spring":"e","summer":"f","christmas":"g","boxing_day":"h"}"#
        let badMove = #"{"names":\#(names),"substitute_suffix":"","moved":[{"holiday":"spring","year":2030,"date":"2031-06-01"}],"extra":[]}"#
        let moveError = try #require(throws: WorkflowError.self) { try WorkingCalendar(bankHolidaysJSON: Data(badMove.utf8)) }
        #expect(moveError.message.contains("moved[0]"))

        let badExtra = #"{"names":\#(names),"substitute_suffix":"","moved":[],"extra":[{"date":"2030-02-30","name":"x"}]}"#
        #expect(throws: WorkflowError.self) { try WorkingCalendar(bankHolidaysJSON: Data(badExtra.utf8)) }
        #expect(throws: WorkflowError.self) { try WorkingCalendar(bankHolidaysJSON: Data("[]".utf8)) }
    }
}

extension WorkingCalendarTests {
    /// Year ends are where a day-to-year shortcut would slip.
    @Test func countsAcrossYearEndsAgreeWithWalking() throws {
        for year in [1900, 1969, 1970, 1999, 2000, 2024, 2099, 2100] {
            let from = CalendarDate(year: year, month: 12, day: 20)
            let to = CalendarDate(year: year + 1, month: 1, day: 10)
            let walked = (from.daysSinceEpoch + 1...to.daysSinceEpoch).filter { calendar.isWorkingDay(CalendarDate(daysSinceEpoch: $0)) }.count
            #expect(calendar.workingDays(from: from, to: to) == walked, "\(year)")
            #expect(!calendar.isWorkingDay(CalendarDate(year: year + 1, month: 1, day: 1)), "New Year's Day or a weekend")
        }
    }
}
