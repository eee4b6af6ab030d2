/// The kinds of link between entities, with the endpoint kinds each one allows.
///
/// The table is FORMAT.md §1 ("Links"); a link whose kind does not fit its endpoints is
/// refused both here and by a trigger in the schema.
public enum LinkKind: String, CaseIterable, Sendable, Codable {
    case associatesWith = "associates_with"
    case siblingOf = "sibling_of"
    case parentOf = "parent_of"
    case livesAt = "lives_at"
    case frequents
    case worksAt = "works_at"
    case owns
    case foundAt = "found_at"
    case takenTo = "taken_to"
    case drives
    case registeredKeeperOf = "registered_keeper_of"
    case passengerIn = "passenger_in"
    case seenAt = "seen_at"
    case usesHandle = "uses_handle"
    case usesPhone = "uses_phone"
    case contacted
    case memberOf = "member_of"
    case subjectOf = "subject_of"

    /// The entity kinds a link of this kind may start from.
    public var fromKinds: Set<EntityKind> {
        switch self {
        case .associatesWith, .siblingOf, .parentOf, .livesAt, .frequents, .worksAt, .owns,
             .drives, .registeredKeeperOf, .passengerIn, .usesHandle, .memberOf:
            return [.child, .adult]
        case .foundAt, .takenTo: return [.child]
        case .seenAt: return [.vehicle]
        case .usesPhone: return [.child, .adult, .group]
        case .contacted: return [.phone, .handle]
        case .subjectOf: return [.child, .adult, .group, .vehicle, .location, .phone, .handle]
        }
    }

    /// The entity kinds a link of this kind may end at.
    public var toKinds: Set<EntityKind> {
        switch self {
        case .associatesWith, .siblingOf, .parentOf: return [.child, .adult]
        case .livesAt, .frequents, .worksAt, .owns, .foundAt, .takenTo, .seenAt: return [.location]
        case .drives, .registeredKeeperOf, .passengerIn: return [.vehicle]
        case .usesHandle: return [.handle]
        case .usesPhone: return [.phone]
        case .contacted: return [.phone, .handle]
        case .memberOf: return [.group]
        case .subjectOf: return [.operation]
        }
    }

    /// Whether the link means the same read in either direction.
    ///
    /// Links are stored as submitted, identified by (from, to, kind) as FORMAT.md says, so
    /// `A associates_with B` and `B associates_with A` are two links; traversals may treat
    /// symmetric kinds as undirected.
    public var isSymmetric: Bool {
        self == .associatesWith || self == .siblingOf || self == .contacted
    }

    /// Whether a link of this kind may join an entity of kind `from` to one of kind `to`.
    public func allows(from: EntityKind, to: EntityKind) -> Bool {
        LinkKind.allowed.contains(LinkKind.ruleIndex(self, from, to))
    }

    /// The allowed triples as dense indexes, built once: imports ask millions of times.
    private static let allowed: Set<Int> = Set(rules.map { ruleIndex($0.kind, $0.from, $0.to) })
    private static let kindOrdinals = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
    private static let entityOrdinals = Dictionary(uniqueKeysWithValues: EntityKind.allCases.enumerated().map { ($1, $0) })

    private static func ruleIndex(_ kind: LinkKind, _ from: EntityKind, _ to: EntityKind) -> Int {
        (kindOrdinals[kind]! * 16 + entityOrdinals[from]!) * 16 + entityOrdinals[to]!
    }

    /// Every allowed (link kind, from kind, to kind) triple, in a stable order.
    ///
    /// The schema's `link_rule` table holds the same triples; a store test checks they agree.
    public static var rules: [(kind: LinkKind, from: EntityKind, to: EntityKind)] {
        allCases.flatMap { kind in
            kind.fromKinds.sorted().flatMap { from in
                kind.toKinds.sorted().map { to in (kind, from, to) }
            }
        }
    }
}
