/// The kinds of entity in the graph: a POLE-style model of people, objects and places.
///
/// The raw values are the `kind` strings of the data contract (FORMAT.md §1).
public enum EntityKind: String, CaseIterable, Sendable, Codable, Comparable {
    case child
    case adult
    case vehicle
    case location
    case handle
    case phone
    case group
    case operation

    /// Whether this kind is a person (a child or an adult).
    public var isPerson: Bool { self == .child || self == .adult }

    /// The kind with its indefinite article, for messages (`an adult`, `a vehicle`).
    public var withArticle: String {
        (self == .adult || self == .operation ? "an " : "a ") + rawValue
    }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

extension EntityKind {
    /// `3 children`, `1 place`: a count of this kind in words, for a collapsed group's label
    /// and the map's legend.
    public func counted(_ count: Int) -> String {
        let (one, many) = switch self {
        case .child: ("child", "children")
        case .adult: ("adult", "adults")
        case .vehicle: ("vehicle", "vehicles")
        case .location: ("place", "places")
        case .handle: ("social media handle", "social media handles")
        case .phone: ("phone", "phones")
        case .group: ("group", "groups")
        case .operation: ("police operation", "police operations")
        }
        return "\(count) " + (count == 1 ? one : many)
    }
}
