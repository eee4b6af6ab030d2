import GraphStore

extension CaseDetail {
    /// What a panel decided about the case (`panel.decisions_for_case`), and which panel.
    @dynamicMemberLookup
    public struct Decision: Codable, Sendable, Equatable {
        /// The decision as recorded; its fields read as the row's own (`decision.reason`).
        public var recorded: RecordedDecision
        /// The panel that decided, and the day it was held.
        public var meetingRef: String
        public var heldOn: String

        enum CodingKeys: String, CodingKey {
            case meetingRef = "meeting_ref"
            case heldOn = "held_on"
        }

        /// A field of the decision (``RecordedDecision``), read as the row's own.
        public subscript<T>(dynamicMember field: KeyPath<RecordedDecision, T>) -> T { recorded[keyPath: field] }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "decision")
            recorded = try RecordedDecision(columns)
            meetingRef = try columns.text("meeting_ref")
            heldOn = try columns.text("held_on")
        }

        /// Decodes the JSON form: the decision's keys and the row's own, in one object.
        public init(from decoder: any Decoder) throws {
            recorded = try RecordedDecision(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            meetingRef = try container.decode(String.self, forKey: .meetingRef)
            heldOn = try container.decode(String.self, forKey: .heldOn)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Decision {
            var shown = self
            shown.recorded = recorded.pseudonymised(by: pseudonyms)
            return shown
        }

        /// Encodes the decision's keys and the panel's in one object.
        public func encode(to encoder: any Encoder) throws {
            try recorded.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(meetingRef, forKey: .meetingRef)
            try container.encode(heldOn, forKey: .heldOn)
        }
    }
}
