import GraphCore

/// A link being gathered from relationship rows: rows with the same ends and kind become
/// one link, whose basis lists every relationship type behind it and whose dates cover
/// every call.
struct PendingLink {
    let from: String
    let to: String
    let kind: LinkKind
    /// The first row behind the link.
    let origin: SourceLocation
    var basis: [String] = []
    var firstSeen: CalendarDate?
    var lastSeen: CalendarDate?
    /// Phone calls behind a `contacted` link.
    var calls = 0

    /// Widens the link's dates to cover `date`.
    mutating func seen(on date: CalendarDate) {
        if firstSeen.map({ date < $0 }) ?? true { firstSeen = date }
        if lastSeen.map({ date > $0 }) ?? true { lastSeen = date }
    }

    /// The link as a FORMAT.md record.
    var record: [String: JSONValue] {
        var object: [String: JSONValue] = [
            "record": .string("link"), "from": .string(from), "to": .string(to), "kind": .string(kind.rawValue),
        ]
        if !basis.isEmpty { object["basis"] = .array(basis.map { .string($0) }) }
        if let firstSeen { object["first_seen"] = .string(firstSeen.description) }
        if let lastSeen { object["last_seen"] = .string(lastSeen.description) }
        if calls > 0 { object["calls"] = .number(String(calls)) }
        return object
    }
}
