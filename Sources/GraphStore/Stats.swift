import GraphCore

/// How much the store holds.
public struct Stats: Sendable, Equatable {
    public let entities: Int
    public let links: Int
    public let intel: Int
    /// Entities per kind; every kind is present, with zero when there are none.
    public let byKind: [EntityKind: Int]
    public let areas: Int

    /// The stats as the JSON object `stats --json` prints.
    public var json: JSONValue {
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        return .object([
            "entities": number(entities), "links": number(links), "intel": number(intel), "areas": number(areas),
            "by_kind": .object(Dictionary(uniqueKeysWithValues: byKind.map { ($0.key.rawValue, number($0.value)) })),
        ])
    }
}
