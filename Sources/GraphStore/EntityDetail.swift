import GraphCore

/// Everything the store holds about one entity, as `cegraph show` prints it.
public struct EntityDetail: Sendable, Equatable {
    /// A reference to an entity: its id, kind and label.
    public struct Reference: Sendable, Equatable {
        public let id: String
        public let kind: EntityKind
        public let label: String
        /// The entity's area and that area's force, for need-to-know (not shown).
        public var area: String? = nil
        public var force: String? = nil
    }

    /// An intelligence report supporting a link or naming the entity.
    public struct Intelligence: Sendable, Equatable {
        public let id: String
        public let date: String
        public let grading: String
        public var handlingConditions: String?
        public let agency: String?
        public var submittedBy: String?
        public var text: String?
        public let legacyGrading: String?
        /// The handling code, typed: what decides who may see the report. Nil when the
        /// stored code is not one cegraph knows, which hides the report from everyone but
        /// the command line.
        public var handling: Grading.HandlingCode? = nil
        /// Whether the report's text was held back from the viewer (a partner, while the
        /// partnership does not share free text).
        public var textWithheld = false
    }

    /// A link from or to the entity.
    public struct Link: Sendable, Equatable {
        public let kind: LinkKind
        /// `out` (this entity is `from`) or `in` (it is `to`).
        public let direction: String
        public let other: Reference
        public let firstSeen: String?
        public let lastSeen: String?
        public var note: String?
        public var intel: [Intelligence]
    }

    /// The id the entity was first submitted under.
    public let id: String
    public let kind: EntityKind
    public let label: String
    /// Every id that names the entity: its own first, then ids merged into it by key.
    public let ids: [String]
    /// The entity's area code and name, when it has one.
    public let area: (code: String, name: String)?
    /// The force of the entity's area, for need-to-know (not shown).
    public var force: String? = nil
    /// Every field given for the entity.
    public let attributes: [String: JSONValue]
    public var links: [Link]
    /// Reports whose `about` names the entity.
    public var about: [Intelligence]

    public static func == (lhs: EntityDetail, rhs: EntityDetail) -> Bool {
        lhs.json == rhs.json
    }

    /// The detail as the JSON object `show --json` prints.
    public var json: JSONValue {
        func reference(_ ref: Reference) -> JSONValue {
            .object(["id": .string(ref.id), "kind": .string(ref.kind.rawValue), "label": .string(ref.label)])
        }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func intelligence(_ intel: Intelligence) -> JSONValue {
            .object(["id": .string(intel.id), "date": .string(intel.date), "grading": .string(intel.grading),
                     "handling_conditions": optional(intel.handlingConditions), "agency": optional(intel.agency),
                     "submitted_by": optional(intel.submittedBy), "text": optional(intel.text),
                     "legacy_grading": optional(intel.legacyGrading)].merging(intel.textWithheld ? ["text_withheld": .bool(true)] : [:]) { $1 })
        }
        var object: [String: JSONValue] = [
            "id": .string(id), "kind": .string(kind.rawValue), "label": .string(label),
            "ids": .array(ids.map(JSONValue.string)), "attributes": .object(attributes),
            "links": .array(links.map { link in
                .object(["kind": .string(link.kind.rawValue), "direction": .string(link.direction),
                         "other": reference(link.other), "first_seen": optional(link.firstSeen),
                         "last_seen": optional(link.lastSeen), "note": optional(link.note),
                         "intel": .array(link.intel.map(intelligence))])
            }),
            "about": .array(about.map(intelligence)),
        ]
        if let area { object["area"] = .object(["code": .string(area.code), "name": .string(area.name)]) }
        return .object(object)
    }
}
