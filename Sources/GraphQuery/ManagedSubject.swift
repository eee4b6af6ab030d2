import GraphCore

/// A subject MARTHR already manages on a day (issue 20): accepted at a meeting, with a
/// MARTHR action open, or with a notice or order in force. Listed as such, never proposed
/// again as a new candidate.
public struct ManagedSubject: Sendable, Equatable {
    /// The subject's database id.
    public let rowid: Int64
    /// The subject's id.
    public let ref: String
    /// The earliest of: accepted, its first open action's meeting, its first notice in force.
    public let since: CalendarDate?
    /// The meeting day MARTHR last accepted it, if it did.
    public let acceptedOn: CalendarDate?
    public let openActions: Int
    /// The notices and orders in force: ref, tool, served and expiry dates.
    public let notices: [JSONValue]

    public init(rowid: Int64, ref: String, since: CalendarDate?, acceptedOn: CalendarDate?, openActions: Int, notices: [JSONValue]) {
        self.rowid = rowid
        self.ref = ref
        self.since = since
        self.acceptedOn = acceptedOn
        self.openActions = openActions
        self.notices = notices
    }

    /// The subject as the answer lists it.
    var json: [String: JSONValue] {
        ["since": since.map { .string($0.description) } ?? .null, "accepted_on": acceptedOn.map { .string($0.description) } ?? .null,
         "open_actions": .int(openActions), "notices_in_force": .array(notices)]
    }
}
