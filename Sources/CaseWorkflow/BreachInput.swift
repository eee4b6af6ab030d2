import GraphCore

/// A breach of a notice as recorded: the day, its record (an intelligence report's id, or
/// another record's reference such as a police occurrence number; at least one) and what
/// happened.
public struct BreachInput: Sendable {
    public var breachedOn: CalendarDate
    public var intel: String?
    public var record: String?
    public var note: String

    public init(breachedOn: CalendarDate, intel: String? = nil, record: String? = nil, note: String) {
        self.breachedOn = breachedOn
        self.intel = intel
        self.record = record
        self.note = note
    }
}
