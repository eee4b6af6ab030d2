import GraphStore

extension PanelDetail {
    /// An action the panel raised (`action.for_meeting`).
    public struct Action: Codable, Sendable, Equatable {
        /// The action's reference, `ACT-NNNNNN`, and what is to be done (free text).
        public var ref: String
        public var text: String
        /// The agency that owns it, and the day it is due.
        public var ownerAgency: String
        public var dueOn: String
        /// `open`, `done` or `cancelled`, the day it was closed, and the owner's note
        /// (free text).
        public var status: String
        public var closedOn: String?
        public var updateNote: String?
        /// What kind of action it is, when given.
        public var category: String?
        /// The case it is about and the person, place or vehicle it concerns, when it names
        /// them: what a panel member's view reads.
        public var caseRef: String?
        public var subjectRef: String?

        enum CodingKeys: String, CodingKey {
            case ref, text
            case ownerAgency = "owner_agency"
            case dueOn = "due_on"
            case status
            case closedOn = "closed_on"
            case updateNote = "update_note"
            case category
            case caseRef = "case_ref"
            case subjectRef = "subject_ref"
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "action")
            ref = try columns.text("ref")
            text = try columns.text("text")
            ownerAgency = try columns.text("owner_agency")
            dueOn = try columns.text("due_on")
            status = try columns.text("status")
            closedOn = try columns.optionalText("closed_on")
            updateNote = try columns.optionalText("update_note")
            category = try columns.optionalText("category")
            caseRef = try columns.optionalText("case_ref")
            subjectRef = try columns.optionalText("subject_ref")
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Action {
            var shown = self
            shown.text = pseudonyms.apply(text)
            shown.updateNote = updateNote.map(pseudonyms.apply)
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
            try container.encode(closedOn, forKey: .closedOn)
            try container.encode(updateNote, forKey: .updateNote)
            try container.encode(category, forKey: .category)
            try container.encode(caseRef, forKey: .caseRef)
            try container.encode(subjectRef, forKey: .subjectRef)
        }
    }
}
