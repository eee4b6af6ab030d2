import GraphStore

extension PanelDetail {
    /// An open action from one of the area's earlier panels, carried to this one
    /// (`action.carried`).
    public struct CarriedAction: Codable, Sendable, Equatable {
        /// The action's reference, `ACT-NNNNNN`, and what is to be done (free text).
        public var ref: String
        public var text: String
        /// The agency that owns it, and the day it is due.
        public var ownerAgency: String
        public var dueOn: String
        /// `open` (only open actions are carried).
        public var status: String
        /// What kind of action it is, when given.
        public var category: String?
        /// The panel that raised it, and the day that panel was held: what a panel member's
        /// view reads, with the case and subject.
        public var fromMeeting: String
        public var fromHeldOn: String
        /// The case it is about and the person, place or vehicle it concerns, when it names
        /// them.
        public var caseRef: String?
        public var subjectRef: String?
        /// Whether it was due before this panel (1 or 0 in JSON).
        public var overdue: Bool

        enum CodingKeys: String, CodingKey {
            case ref, text
            case ownerAgency = "owner_agency"
            case dueOn = "due_on"
            case status, category
            case fromMeeting = "from_meeting"
            case fromHeldOn = "from_held_on"
            case caseRef = "case_ref"
            case subjectRef = "subject_ref"
            case overdue
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "carried action")
            ref = try columns.text("ref")
            text = try columns.text("text")
            ownerAgency = try columns.text("owner_agency")
            dueOn = try columns.text("due_on")
            status = try columns.text("status")
            category = try columns.optionalText("category")
            fromMeeting = try columns.text("from_meeting")
            fromHeldOn = try columns.text("from_held_on")
            caseRef = try columns.optionalText("case_ref")
            subjectRef = try columns.optionalText("subject_ref")
            overdue = try columns.flag("overdue")
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ref = try container.decode(String.self, forKey: .ref)
            text = try container.decode(String.self, forKey: .text)
            ownerAgency = try container.decode(String.self, forKey: .ownerAgency)
            dueOn = try container.decode(String.self, forKey: .dueOn)
            status = try container.decode(String.self, forKey: .status)
            category = try container.decodeIfPresent(String.self, forKey: .category)
            fromMeeting = try container.decode(String.self, forKey: .fromMeeting)
            fromHeldOn = try container.decode(String.self, forKey: .fromHeldOn)
            caseRef = try container.decodeIfPresent(String.self, forKey: .caseRef)
            subjectRef = try container.decodeIfPresent(String.self, forKey: .subjectRef)
            overdue = try container.decodeRequiredFlag(forKey: .overdue)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> CarriedAction {
            var shown = self
            shown.text = pseudonyms.apply(text)
            return shown
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(text, forKey: .text)
            try container.encode(ownerAgency, forKey: .ownerAgency)
            try container.encode(dueOn, forKey: .dueOn)
            try container.encode(status, forKey: .status)
            try container.encode(category, forKey: .category)
            try container.encode(fromMeeting, forKey: .fromMeeting)
            try container.encode(fromHeldOn, forKey: .fromHeldOn)
            try container.encode(caseRef, forKey: .caseRef)
            try container.encode(subjectRef, forKey: .subjectRef)
            try container.encodeFlag(overdue, forKey: .overdue)
        }
    }
}
