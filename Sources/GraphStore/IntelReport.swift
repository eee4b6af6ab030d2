import GraphCore

/// An intelligence report as the entry pages show it: its fields and 3x5x2 grading, the
/// entities it is about, the links it supports, and the earlier versions its edits kept.
public struct IntelReport: Sendable, Equatable {
    /// An entity the report names: its id, kind and label.
    public struct Entity: Sendable, Equatable {
        public let id: String
        public let kind: EntityKind
        public let label: String
        /// The entity's area and that area's force, for need-to-know (not shown).
        public var area: String? = nil
        public var force: String? = nil
        /// Whether the report suggests a risk of harm from the entity (`harm_from`; an
        /// entity the report is about).
        public var harm = false
    }

    /// A link the report supports (it may rest on other reports too).
    public struct Link: Sendable, Equatable {
        public let kind: LinkKind
        public let from: Entity
        public let to: Entity
        public let firstSeen: String?
        public let lastSeen: String?
        public var note: String?
        /// Whether the report records a concern that the relationship may expose a child
        /// to harm (the link's `concern`).
        public var concern = false
    }

    /// A version an edit replaced: the report's fields as they were, and who replaced them,
    /// when and why.
    public struct Version: Sendable, Equatable {
        /// 1 for the report as first entered, then one more for each edit.
        public let version: Int
        /// The fields as they were (`date`, `source_evaluation`, `intelligence_assessment`,
        /// `handling_code`, `handling_conditions`, `agency`, `text`, `about`, ...).
        public let fields: [String: JSONValue]
        public let changedBy: String
        /// When it was replaced, ISO 8601 UTC.
        public let changedAt: String
        public let reason: String

        /// The grading the version had, written as analysts read it (`2B P`).
        public var grading: String {
            let part = { (name: String) in self.fields[name]?.stringValue ?? "?" }
            return "\(part("source_evaluation"))\(part("intelligence_assessment")) \(part("handling_code"))"
        }
    }

    public let id: String
    public let date: String
    public let grading: Grading
    public var handlingConditions: String?
    public var submittedBy: String?
    public let agency: String?
    public var text: String?
    public let legacyGrading: String?
    /// When the report was first entered and last changed, ISO 8601 UTC.
    public let createdAt: String
    public let updatedAt: String
    public var about: [Entity]
    public var links: [Link]
    /// The earlier versions, newest first.
    public var history: [Version]
    /// How many earlier versions were held back from the viewer (nil: none held back).
    public var historyWithheld: Int? = nil
    /// Whether the text was held back from the viewer (a partner, while the partnership does
    /// not share free text).
    public var textWithheld = false

    /// The report as the API answers with it.
    public var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func entity(_ entity: Entity) -> JSONValue {
            .object(["id": .string(entity.id), "kind": .string(entity.kind.rawValue), "label": .string(entity.label)])
        }
        var object: [String: JSONValue] = [
            "id": .string(id), "date": .string(date), "grading": .string(grading.description),
            "source_evaluation": .string(grading.source.rawValue), "intelligence_assessment": .string(grading.assessment.rawValue),
            "handling_code": .string(grading.handling.rawValue), "handling_conditions": optional(handlingConditions),
            "submitted_by": optional(submittedBy), "agency": optional(agency), "text": optional(text),
            "legacy_grading": optional(legacyGrading), "created_at": .string(createdAt), "updated_at": .string(updatedAt),
            "about": .array(about.map { about in
                guard case .object(var fields) = entity(about) else { return entity(about) }
                fields["harm"] = .bool(about.harm)
                return .object(fields)
            }),
            "links": .array(links.map { link in
                .object(["kind": .string(link.kind.rawValue), "from": entity(link.from), "to": entity(link.to),
                         "first_seen": optional(link.firstSeen), "last_seen": optional(link.lastSeen), "note": optional(link.note),
                         "concern": .bool(link.concern)])
            }),
            "history": .array(history.map { version in
                .object(["version": .number(String(version.version)), "fields": .object(version.fields),
                         "grading": .string(version.grading), "changed_by": .string(version.changedBy),
                         "changed_at": .string(version.changedAt), "reason": .string(version.reason)])
            }),
        ]
        if let historyWithheld { object["history_withheld"] = .number(String(historyWithheld)) }
        if textWithheld { object["text_withheld"] = .bool(true) }
        return .object(object)
    }
}
