import GraphStore

extension PanelDetail {
    /// One item of a panel's agenda (`panel.agenda`): a case, in its time slot, and why it is
    /// there.
    public struct AgendaItem: Codable, Sendable, Equatable {
        /// Its place in the agenda, its slot (`HH:MM`) and the minutes the slot lasts.
        public var position: Int64
        public var slot: String
        public var minutes: Int64
        /// What brings the case (`new_assessment`, `review`, `nrm`, `marthr_feedback`,
        /// `alert`), and the reason in words, naming the assessment or alert (free text).
        public var item: String
        public var reason: String
        /// The case, and the child it is about: what a panel member's view reads.
        public var caseRef: String
        public var childRef: String
        public var childLabel: String
        /// The case's next review, and the child's risk level, when known.
        public var reviewOn: String?
        public var risk: String?
        /// For a new assessment, the assessment the panel is to decide on.
        public var assessmentRef: String?

        enum CodingKeys: String, CodingKey {
            case position, slot, minutes, item, reason
            case caseRef = "case_ref"
            case childRef = "child_ref"
            case childLabel = "child_label"
            case reviewOn = "review_on"
            case risk
            case assessmentRef = "assessment_ref"
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "agenda item")
            position = try columns.integer("position")
            slot = try columns.text("slot")
            minutes = try columns.integer("minutes")
            item = try columns.text("item")
            reason = try columns.text("reason")
            caseRef = try columns.text("case_ref")
            childRef = try columns.text("child_ref")
            childLabel = try columns.text("child_label")
            reviewOn = try columns.optionalText("review_on")
            risk = try columns.optionalText("risk")
            assessmentRef = try columns.optionalText("assessment_ref")
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> AgendaItem {
            var shown = self
            shown.reason = pseudonyms.apply(reason)
            return shown
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(position, forKey: .position)
            try container.encode(slot, forKey: .slot)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(item, forKey: .item)
            try container.encode(reason, forKey: .reason)
            try container.encode(caseRef, forKey: .caseRef)
            try container.encode(childRef, forKey: .childRef)
            try container.encode(childLabel, forKey: .childLabel)
            try container.encode(reviewOn, forKey: .reviewOn)
            try container.encode(risk, forKey: .risk)
            try container.encode(assessmentRef, forKey: .assessmentRef)
        }
    }
}
