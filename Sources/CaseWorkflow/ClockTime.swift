/// A time of day, `HH:MM`, for panel start times and case slots.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since midnight.
    public let minutes: Int

    /// Parses `HH:MM` (00:00 to 23:59).
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        self.minutes = hours * 60 + minutes
    }

    public init(minutes: Int) {
        self.minutes = ((minutes % 1_440) + 1_440) % 1_440
    }

    /// The time `count` minutes later (wrapping at midnight).
    public func adding(minutes count: Int) -> ClockTime { ClockTime(minutes: minutes + count) }

    public var description: String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
