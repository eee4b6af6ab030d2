import GraphStore

extension Disruption {
    /// A breach of a notice: the day, its record (an intelligence report the viewer may see,
    /// or another record's reference such as a police occurrence) and what happened.
    public struct Breach: Encodable, Sendable, Equatable {
        public var breachedOn: String
        public var intelRef: String?
        public var recordRef: String?
        public var note: String
        public var recordedBy: String

        enum CodingKeys: String, CodingKey {
            case note
            case breachedOn = "breached_on", intelRef = "intel_ref", recordRef = "record_ref", recordedBy = "recorded_by"
        }

        /// A row of `disruption.breaches`.
        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "breach")
            breachedOn = try columns.text("breached_on")
            intelRef = try columns.optionalText("intel_ref")
            recordRef = try columns.optionalText("record_ref")
            note = try columns.text("note")
            recordedBy = try columns.text("recorded_by")
        }

        /// Encodes every key, `null` where nothing is recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(breachedOn, forKey: .breachedOn)
            try container.encode(intelRef, forKey: .intelRef)
            try container.encode(recordRef, forKey: .recordRef)
            try container.encode(note, forKey: .note)
            try container.encode(recordedBy, forKey: .recordedBy)
        }
    }
}
