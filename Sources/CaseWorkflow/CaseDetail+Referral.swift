import GraphStore

extension CaseDetail {
    /// A referral about the case's child (`referral.for_child`).
    public struct Referral: Codable, Sendable, Equatable {
        /// The referral's reference, `REF-NNNNNN`, and the day it was received.
        public var ref: String
        public var receivedOn: String
        /// The referring agency, and the concern it raised (``Concern``).
        public var agency: String
        public var concern: String
        /// What screening decided (``ScreeningOutcome``); nil before it is screened.
        public var outcome: String?
        /// Whether it repeats an earlier referral about the child (1 or 0 in JSON).
        public var isRepeat: Bool

        enum CodingKeys: String, CodingKey {
            case ref
            case receivedOn = "received_on"
            case agency, concern, outcome
            case isRepeat = "is_repeat"
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "referral")
            ref = try columns.text("ref")
            receivedOn = try columns.text("received_on")
            agency = try columns.text("agency")
            concern = try columns.text("concern")
            outcome = try columns.optionalText("outcome")
            isRepeat = try columns.flag("is_repeat")
        }

        /// Decodes the JSON form; a yes-or-no field may be 1 or 0, or true or false.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ref = try container.decode(String.self, forKey: .ref)
            receivedOn = try container.decode(String.self, forKey: .receivedOn)
            agency = try container.decode(String.self, forKey: .agency)
            concern = try container.decode(String.self, forKey: .concern)
            outcome = try container.decodeIfPresent(String.self, forKey: .outcome)
            isRepeat = try container.decodeRequiredFlag(forKey: .isRepeat)
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(receivedOn, forKey: .receivedOn)
            try container.encode(agency, forKey: .agency)
            try container.encode(concern, forKey: .concern)
            try container.encode(outcome, forKey: .outcome)
            try container.encodeFlag(isRepeat, forKey: .isRepeat)
        }
    }
}
