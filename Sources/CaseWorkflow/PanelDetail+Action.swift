import GraphStore

extension PanelDetail {
    /// An action the panel raised (`action.for_meeting`).
    @dynamicMemberLookup
    public struct Action: Codable, Sendable, Equatable {
        /// The action itself; its fields read as the row's own (`action.text`).
        public var item: ActionItem
        /// The day it was closed, done or cancelled, and the owner's note (free text).
        public var closedOn: String?
        public var updateNote: String?
        /// What kind of action it is, when given.
        public var category: String?
        /// The case it is about and the person, place or vehicle it concerns, when it names
        /// them: what a panel member's view reads.
        public var caseRef: String?
        public var subjectRef: String?

        enum CodingKeys: String, CodingKey {
            case closedOn = "closed_on"
            case updateNote = "update_note"
            case category
            case caseRef = "case_ref"
            case subjectRef = "subject_ref"
        }

        /// A field of the action (``ActionItem``), read as the row's own.
        public subscript<T>(dynamicMember field: KeyPath<ActionItem, T>) -> T { item[keyPath: field] }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "action")
            item = try ActionItem(columns)
            closedOn = try columns.optionalText("closed_on")
            updateNote = try columns.optionalText("update_note")
            category = try columns.optionalText("category")
            caseRef = try columns.optionalText("case_ref")
            subjectRef = try columns.optionalText("subject_ref")
        }

        /// Decodes the JSON form: the action's keys and the row's own, in one object.
        public init(from decoder: any Decoder) throws {
            item = try ActionItem(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            closedOn = try container.decodeIfPresent(String.self, forKey: .closedOn)
            updateNote = try container.decodeIfPresent(String.self, forKey: .updateNote)
            category = try container.decodeIfPresent(String.self, forKey: .category)
            caseRef = try container.decodeIfPresent(String.self, forKey: .caseRef)
            subjectRef = try container.decodeIfPresent(String.self, forKey: .subjectRef)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Action {
            var shown = self
            shown.item = item.pseudonymised(by: pseudonyms)
            shown.updateNote = updateNote.map(pseudonyms.apply)
            return shown
        }

        /// Encodes the action's keys and its own in one object, `null` for what is not
        /// recorded.
        public func encode(to encoder: any Encoder) throws {
            try item.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(closedOn, forKey: .closedOn)
            try container.encode(updateNote, forKey: .updateNote)
            try container.encode(category, forKey: .category)
            try container.encode(caseRef, forKey: .caseRef)
            try container.encode(subjectRef, forKey: .subjectRef)
        }
    }
}
