import GraphStore

extension CaseDetail {
    /// What a MARTHR meeting fed back about the case (`marthr.feedback_for_case`).
    public struct Feedback: Codable, Sendable, Equatable {
        /// The MARTHR meeting, and the day it was held.
        public var marthrRef: String
        public var heldOn: String
        /// The feedback (free text).
        public var text: String
        /// The panel whose agenda took it, once one has.
        public var discussedAt: String?

        enum CodingKeys: String, CodingKey {
            case marthrRef = "marthr_ref"
            case heldOn = "held_on"
            case text
            case discussedAt = "discussed_at"
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "MARTHR feedback")
            marthrRef = try columns.text("marthr_ref")
            heldOn = try columns.text("held_on")
            text = try columns.text("text")
            discussedAt = try columns.optionalText("discussed_at")
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Feedback {
            var shown = self
            shown.text = pseudonyms.apply(text)
            return shown
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(marthrRef, forKey: .marthrRef)
            try container.encode(heldOn, forKey: .heldOn)
            try container.encode(text, forKey: .text)
            try container.encode(discussedAt, forKey: .discussedAt)
        }
    }
}
