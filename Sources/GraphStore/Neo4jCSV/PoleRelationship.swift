import GraphCore

/// What a relationship of the Neo4j POLE crime-investigation model becomes in cegraph.
///
/// The mapping, and what it leaves out and why, is in docs/IMPORT_NEO4J.md.
enum PoleRelationship: Equatable {
    /// A link of `kind`; from the relationship's end to its start when `reversed`. `basis`,
    /// when given, is kept on the link as the relationship it came from.
    case link(LinkKind, reversed: Bool = false, basis: String? = nil)
    /// One end of a phone call: the PhoneCall node to the calling (`caller`) or called phone.
    case callEnd(caller: Bool)
    /// Not carried over, and why.
    case dropped(String)

    private static let acquaintance: Set<String> = ["KNOWS", "KNOWS_LW", "KNOWS_PHONE", "KNOWS_SN"]

    /// Maps a relationship by its type and the labels of its start and end nodes.
    ///
    /// - Parameter familyRelation: the `rel_type` property of a `FAMILY_REL`.
    static func map(type: String, from start: String, to end: String, familyRelation: String?) -> PoleRelationship {
        switch (type, start, end) {
        case (_, "Person", "Person") where acquaintance.contains(type):
            return .link(.associatesWith, basis: type)
        case ("FAMILY_REL", "Person", "Person"):
            switch familyRelation?.uppercased() {
            case "SIBLING": return .link(.siblingOf)
            case "PARENT": return .link(.parentOf)
            case let other?: return .link(.associatesWith, basis: "FAMILY_REL:\(other)")
            case nil: return .link(.associatesWith, basis: "FAMILY_REL")
            }
        case ("CURRENT_ADDRESS", "Person", "Location"): return .link(.livesAt)
        case ("HAS_PHONE", "Person", "Phone"): return .link(.usesPhone)
        case ("HAS_EMAIL", "Person", "Email"): return .link(.usesHandle)
        case ("PARTY_TO", "Person", "Crime"): return .link(.subjectOf)
        case ("OCCURRED_AT", "Crime", "Location"): return .link(.subjectOf, reversed: true)
        case ("INVOLVED_IN", "Vehicle", "Crime"): return .link(.subjectOf)
        case ("CALLER", "PhoneCall", "Phone"): return .callEnd(caller: true)
        case ("CALLED", "PhoneCall", "Phone"): return .callEnd(caller: false)
        default:
            return .dropped("\(type) from \(start) to \(end)")
        }
    }

    /// What a relationship type's rows become, or why they are dropped, for the summary.
    static func note(for type: String) -> String {
        switch type {
        case _ where acquaintance.contains(type): "associates_with (basis \(type))"
        case "FAMILY_REL": "sibling_of or parent_of by rel_type; other rel_types associates_with"
        case "CURRENT_ADDRESS": "lives_at"
        case "HAS_PHONE": "uses_phone"
        case "HAS_EMAIL": "uses_handle"
        case "PARTY_TO": "subject_of"
        case "OCCURRED_AT": "location subject_of operation"
        case "INVOLVED_IN": "vehicle subject_of operation; objects dropped"
        case "CALLER", "CALLED": "contacted, caller phone to called phone, dated by the call"
        case "INVESTIGATED_BY": "dropped: officers are not carried over"
        case "HAS_POSTCODE", "LOCATION_IN_AREA", "POSTCODE_IN_AREA": "dropped: postcodes and areas are not entities"
        default: "dropped: no mapping for \(type)"
        }
    }
}
