import GraphCore

/// An entity found by full-text search.
public struct SearchHit: Sendable, Equatable {
    public let id: String
    public let kind: EntityKind
    public let label: String
    public let area: String?
    /// What matched: the aliases or key forms, when the label did not.
    public let matched: String?

    /// The hit as the JSON object `search --json` prints.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["id": .string(id), "kind": .string(kind.rawValue), "label": .string(label)]
        if let area { object["area"] = .string(area) }
        if let matched { object["matched"] = .string(matched) }
        return .object(object)
    }
}
