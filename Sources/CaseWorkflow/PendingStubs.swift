// TEMPORARY: stand-ins until the helpers' branches merge. Delete on merge.
import GraphCore
public struct WorkingCalendar: Sendable {
    public init(extraClosures: Set<CalendarDate> = []) {}
    public func isWorkingDay(_ d: CalendarDate) -> Bool { true }
    public func adding(workingDays n: Int, to d: CalendarDate) -> CalendarDate { d.adding(days: n) }
    public func workingDays(from a: CalendarDate, to b: CalendarDate) -> Int { b.daysSinceEpoch - a.daysSinceEpoch }
}
public struct LanguageWarning: Sendable { public let line: Int; public let column: Int; public let matched: String; public let phrase: String; public let reason: String; public let suggestions: [String] }
public struct LanguageChecker: Sendable {
    public static func standard() throws -> LanguageChecker { LanguageChecker() }
    public func check(_ text: String) -> [LanguageWarning] { [] }
}
