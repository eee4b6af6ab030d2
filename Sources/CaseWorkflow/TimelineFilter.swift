import GraphCore

/// Which events of a chronology to show: a window of days (either end open) and the kinds
/// of record.
public struct TimelineFilter: Sendable, Equatable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var kinds: Set<TimelineEvent.Kind>

    /// - Throws: ``WorkflowError`` (input) when `from` is after `to`.
    public init(from: CalendarDate? = nil, to: CalendarDate? = nil, kinds: Set<TimelineEvent.Kind> = Set(TimelineEvent.Kind.allCases)) throws {
        if let from, let to, to < from {
            throw WorkflowError("timeline", "from \(from) is after to \(to)", field: "from")
        }
        (self.from, self.to, self.kinds) = (from, to, kinds)
    }

    /// Whether the filter keeps an event.
    public func keeps(_ event: TimelineEvent) -> Bool {
        guard kinds.contains(event.kind) else { return false }
        if let from, event.on < from.description { return false }
        if let to, event.on > to.description { return false }
        return true
    }
}
