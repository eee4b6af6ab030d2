import GraphStore

extension PanelDetail {
    /// What the panel decided about a case (`panel.decisions`), and which case.
    @dynamicMemberLookup
    public struct Decision: Codable, Sendable, Equatable {
        /// The decision as recorded; its fields read as the row's own (`decision.reason`).
        public var recorded: RecordedDecision
        /// The case decided on: what a panel member's view reads.
        public var caseRef: String

        enum CodingKeys: String, CodingKey {
            case caseRef = "case_ref"
        }

        /// A field of the decision (``RecordedDecision``), read as the row's own.
        public subscript<T>(dynamicMember field: KeyPath<RecordedDecision, T>) -> T { recorded[keyPath: field] }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "decision")
            recorded = try RecordedDecision(columns)
            caseRef = try columns.text("case_ref")
        }

        /// Decodes the JSON form: the decision's keys and the row's own, in one object.
        public init(from decoder: any Decoder) throws {
            recorded = try RecordedDecision(from: decoder)
            caseRef = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .caseRef)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Decision {
            var shown = self
            shown.recorded = recorded.pseudonymised(by: pseudonyms)
            return shown
        }

        /// Encodes the decision's keys and the case's in one object.
        public func encode(to encoder: any Encoder) throws {
            try recorded.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(caseRef, forKey: .caseRef)
        }
    }
}
