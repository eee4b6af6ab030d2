import GraphStore

extension CaseDetail {
    /// The case's National Referral Mechanism record (`nrm.for_case`), with its history.
    public struct NRM: Codable, Sendable, Equatable {
        /// The stage reached (``NRMStage``), and the day it was reached.
        public var stage: String
        public var stageOn: String
        /// The day the referral to the NRM was submitted, when it was.
        public var submittedOn: String?
        /// Whether the case went to the multi-agency forum (1 or 0 in JSON); nil when not
        /// recorded.
        public var multiAgencyForum: Bool?
        /// Every stage recorded, in order.
        public var history: [Event]

        /// One stage recorded, with its note.
        public struct Event: Codable, Sendable, Equatable {
            /// The stage (``NRMStage``), and the day it was reached.
            public var stage: String
            public var on: String
            /// The note given with it (free text).
            public var note: String?

            /// Encodes every key, `null` for what is not recorded.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(stage, forKey: .stage)
                try container.encode(on, forKey: .on)
                try container.encode(note, forKey: .note)
            }
        }

        enum CodingKeys: String, CodingKey {
            case stage
            case stageOn = "stage_on"
            case submittedOn = "submitted_on"
            case multiAgencyForum = "multi_agency_forum"
            case history
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "NRM record")
            stage = try columns.text("stage")
            stageOn = try columns.text("stage_on")
            submittedOn = try columns.optionalText("submitted_on")
            multiAgencyForum = try columns.optionalFlag("multi_agency_forum")
            history = try columns.json("history", as: [Event].self)
        }

        /// Decodes the JSON form; a yes-or-no field may be 1 or 0, or true or false.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            stage = try container.decode(String.self, forKey: .stage)
            stageOn = try container.decode(String.self, forKey: .stageOn)
            submittedOn = try container.decodeIfPresent(String.self, forKey: .submittedOn)
            multiAgencyForum = try container.decodeFlag(forKey: .multiAgencyForum)
            history = try container.decode([Event].self, forKey: .history)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> NRM {
            var shown = self
            shown.history = history.map { event in
                var event = event
                event.note = event.note.map(pseudonyms.apply)
                return event
            }
            return shown
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(stage, forKey: .stage)
            try container.encode(stageOn, forKey: .stageOn)
            try container.encode(submittedOn, forKey: .submittedOn)
            try container.encodeFlag(multiAgencyForum, forKey: .multiAgencyForum)
            try container.encode(history, forKey: .history)
        }
    }
}
