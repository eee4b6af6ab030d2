import CaseWorkflow
import GraphCore

/// The days of the demo's scripted year, moved to end on the day the demo is built.
///
/// The script was written for a year of case work up to Monday 2026-11-23. Built on another
/// day, every scripted day moves by whole weeks (so a Thursday panel stays a Thursday) to
/// the Monday of the build day's week, and the next panel is set a few days ahead of the
/// build day. So on any day the demo's next panel is still to come, its agenda already late,
/// an action past its due day, and a year of referrals inside the pages' default windows.
/// The same build day always gives the same dates.
public struct DemoCalendar: Sendable, Equatable {
    /// The day the script was written for: its "today", a Monday.
    public static let scriptToday = CalendarDate(year: 2026, month: 11, day: 23)

    /// The day the demo is built: the workflow is recorded up to this day.
    public let today: CalendarDate
    /// Days every scripted day moves by: a whole number of weeks.
    public let shift: Int

    /// The calendar for a demo built on `today`.
    public init(today: CalendarDate) {
        self.today = today
        let days = today.daysSinceEpoch - DemoCalendar.scriptToday.daysSinceEpoch
        // Floor division: the script's Monday moves to the Monday on or before `today`.
        let weeks = days >= 0 ? days / 7 : -((-days + 6) / 7)
        self.shift = weeks * 7
    }

    /// The scripted day `month`/`day` of 2026, moved to the build day's week.
    public func day(_ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: DemoCalendar.scriptToday.year, month: month, day: day).adding(days: shift)
    }

    /// The next panel's day: the last working day after `today` whose agenda, due
    /// `agendaDaysBefore` days earlier (brought forward to a working day, as panels are
    /// scheduled), is at least a working day late, so `case overdue` lists it: the script's
    /// Thursday when built on its Monday, the next Monday when built at a weekend. The next
    /// working day when none is (around Christmas).
    public func upcomingPanel(agendaDaysBefore: Int, calendar: WorkingCalendar) -> CalendarDate {
        for ahead in (1..<max(agendaDaysBefore, 1)).reversed() {
            let day = today.adding(days: ahead)
            guard calendar.isWorkingDay(day) else { continue }
            var due = day.adding(days: -agendaDaysBefore)
            while !calendar.isWorkingDay(due) { due = due.adding(days: -1) }
            if calendar.workingDays(from: due, to: today) >= 1 { return day }
        }
        var day = today.adding(days: 1)
        while !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The quarter `date` falls in, as the quarterly report names it: `2026Q2`.
    public static func quarter(of date: CalendarDate) -> String {
        "\(date.year)Q\((date.month - 1) / 3 + 1)"
    }
}
