import GraphStore

extension PanelDetail {
    /// An open action from one of the area's earlier panels, carried to this one
    /// (`action.carried`).
    @dynamicMemberLookup
    public struct CarriedAction: Codable, Sendable, Equatable {
        /// The action itself; its fields read as the row's own (`action.text`).
        public var item: ActionItem
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
            case category
            case fromMeeting = "from_meeting"
            case fromHeldOn = "from_held_on"
            case caseRef = "case_ref"
            case subjectRef = "subject_ref"
            case overdue
        }

        /// A field of the action (``ActionItem``), read as the row's own.
        public subscript<T>(dynamicMember field: KeyPath<ActionItem, T>) -> T { item[keyPath: field] }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "carried action")
            item = try ActionItem(columns)
            category = try columns.optionalText("category")
            fromMeeting = try columns.text("from_meeting")
            fromHeldOn = try columns.text("from_held_on")
            caseRef = try columns.optionalText("case_ref")
            subjectRef = try columns.optionalText("subject_ref")
            overdue = try columns.flag("overdue")
        }

        /// Decodes the JSON form: the action's keys and the row's own, in one object.
        public init(from decoder: any Decoder) throws {
            item = try ActionItem(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            category = try container.decodeIfPresent(String.self, forKey: .category)
            fromMeeting = try container.decode(String.self, forKey: .fromMeeting)
            fromHeldOn = try container.decode(String.self, forKey: .fromHeldOn)
            caseRef = try container.decodeIfPresent(String.self, forKey: .caseRef)
            subjectRef = try container.decodeIfPresent(String.self, forKey: .subjectRef)
            overdue = try container.decodeRequiredFlag(forKey: .overdue)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> CarriedAction {
            var shown = self
            shown.item = item.pseudonymised(by: pseudonyms)
            return shown
        }

        /// Encodes the action's keys and its own in one object, `null` for what is not
        /// recorded.
        public func encode(to encoder: any Encoder) throws {
            try item.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category, forKey: .category)
            try container.encode(fromMeeting, forKey: .fromMeeting)
            try container.encode(fromHeldOn, forKey: .fromHeldOn)
            try container.encode(caseRef, forKey: .caseRef)
            try container.encode(subjectRef, forKey: .subjectRef)
            try container.encodeFlag(overdue, forKey: .overdue)
        }
    }
}
