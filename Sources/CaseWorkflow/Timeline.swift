import GraphCore

/// A child's or subject's chronology as one viewer may see it: every event of the records
/// they may open, oldest first (``Workflow/timeline(of:filter:asOf:by:)``).
public struct Timeline: Sendable, Equatable, Encodable {
    /// The child or subject: id, kind and name.
    public var id: String
    public var kind: EntityKind
    public var label: String
    /// The window asked for (`nil`: open).
    public var from: String?
    public var to: String?
    /// The kinds shown, in their order.
    public var kinds: [TimelineEvent.Kind]
    /// The events in the window, oldest first.
    public var events: [TimelineEvent]
    /// How many events the subject has for this viewer before the filter.
    public var total: Int

    enum CodingKeys: String, CodingKey { case subject, from, to, kinds, events, total }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(["id": id, "kind": kind.rawValue, "label": label], forKey: .subject)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(kinds, forKey: .kinds)
        try container.encode(events, forKey: .events)
        try container.encode(total, forKey: .total)
    }

    /// The CSV columns, in order.
    public static let csvHeader = ["on", "kind", "title", "detail", "record", "ref"]

    /// The chronology as CSV (``CSVText``): a line per event.
    public var csv: String {
        CSVText.table(header: Timeline.csvHeader, rows: events.map {
            [$0.on, $0.kind.rawValue, $0.title, $0.detail ?? "", $0.record.what, $0.record.ref]
        })
    }
}
