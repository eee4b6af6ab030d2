import GraphStore

extension Disruption {
    /// One step of a notice's life: drafted, approved, served, breached, renewed, ended, or
    /// an outcome recorded; when, by whom, and what it says (a renewal: the expiry moved).
    public struct Event: Encodable, Sendable, Equatable {
        public var event: String
        public var happenedOn: String
        public var recordedBy: String
        public var detail: String?

        enum CodingKeys: String, CodingKey {
            case event, detail
            case happenedOn = "happened_on", recordedBy = "recorded_by"
        }

        /// A row of `disruption.history`.
        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "notice history")
            event = try columns.text("event")
            happenedOn = try columns.text("happened_on")
            recordedBy = try columns.text("recorded_by")
            detail = try columns.optionalText("detail")
        }

        /// Encodes every key, `null` where nothing is recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(event, forKey: .event)
            try container.encode(happenedOn, forKey: .happenedOn)
            try container.encode(recordedBy, forKey: .recordedBy)
            try container.encode(detail, forKey: .detail)
        }
    }
}
