import GraphCore

extension CalendarDate {
    /// The date a number of weeks later (earlier when negative).
    ///
    /// Reviews are set in weeks ("every 12 weeks", "every 6 weeks"), which are calendar
    /// weeks: a bank holiday does not move them.
    ///
    /// - Parameter count: the number of weeks.
    /// - Returns: the same weekday, `count` weeks on.
    public func adding(weeks count: Int) -> CalendarDate {
        adding(days: 7 * count)
    }

    /// The date a number of months later (earlier when negative), kept within the month.
    ///
    /// A day the target month lacks becomes its last day, as people count months:
    /// 2026-08-31 plus six months is 2027-02-28, not a day in March.
    ///
    /// - Parameter count: the number of months.
    /// - Returns: the same day of the month, or the month's last day when it is shorter.
    public func adding(months count: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + count
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CalendarDate(year: newYear, month: newMonth,
                            day: min(day, CalendarDate.days(inMonth: newMonth, year: newYear)))
    }
}
