/// The fields of each record type and kind, as FORMAT.md §1 names them.
public enum FieldSchema {
    /// The fields every record of a type carries besides its own (`record`, and `id` or
    /// the link's ends), which are never stored as attributes.
    public static let envelope: Set<String> = ["record", "id", "kind"]

    /// The fields a kind of entity knows, with their types.
    public static func fields(of kind: EntityKind) -> [String: FieldType] {
        switch kind {
        case .child:
            return [
                "name": .text, "aliases": .list, "dob": .date, "gender": .text, "ethnicity": .text,
                "sen": .bool, "area": .area,
                "living": .choice(["home", "family", "foster", "childrens_home", "semi_independent", "temporary"]),
                "legal_status": .choice(["early_help", "cin", "cp", "lac"]),
                "exploitation": .choice(["cse", "cce", "both"]),
                "risk": .risk, "flags": .list,
            ]
        case .adult:
            return ["name": .text, "aliases": .list, "dob": .date, "gender": .text, "area": .area,
                    "of_concern": .bool, "flags": .list]
        case .vehicle:
            return ["vrm": .vrm, "make": .text, "model": .text, "colour": .text, "taxi": .bool, "area": .area]
        case .location:
            return [
                "name": .text, "address": .text, "postcode": .postcode,
                "location_type": .choice(["home", "hotel", "takeaway", "shop", "park", "party_house",
                                          "cuckooed_address", "childrens_home", "school", "taxi_rank",
                                          "transport_hub", "other"]),
                "area": .area, "lat": .number(-90...90), "lon": .number(-180...180), "flags": .list,
            ]
        case .handle:
            return ["platform": .platform, "handle": .handle, "area": .area]
        case .phone:
            return ["number": .phone, "area": .area]
        case .group:
            return ["name": .text, "group_type": .choice(["ocg", "gang", "county_line"]), "area": .area]
        case .operation:
            return ["name": .text, "status": .choice(["active", "closed"]),
                    "operation_type": .choice(["investigation", "prevent", "prosecute"]),
                    "lead_force": .force, "opened": .date, "closed": .date]
        }
    }

    /// The fields a kind of entity must have.
    public static func required(of kind: EntityKind) -> [String] {
        switch kind {
        case .child, .adult, .location, .group, .operation: return ["name"]
        case .vehicle: return ["vrm"]
        case .handle: return ["platform", "handle"]
        case .phone: return ["number"]
        }
    }

    /// The fields of an intelligence report.
    public static let intel: [String: FieldType] = [
        "date": .date, "source_evaluation": .choice(Grading.SourceEvaluation.allCases.map(\.rawValue)),
        "intelligence_assessment": .choice(Grading.Assessment.allCases.map(\.rawValue)),
        "handling_code": .choice(Grading.HandlingCode.allCases.map(\.rawValue)),
        "handling_conditions": .text, "submitted_by": .text, "agency": .text, "text": .text,
        "about": .list, "harm_from": .list, "legacy_grading": .text,
    ]

    /// The fields of a link.
    public static let link: [String: FieldType] = [
        "from": .text, "to": .text, "kind": .choice(LinkKind.allCases.map(\.rawValue)),
        "first_seen": .date, "last_seen": .date, "intel": .list, "concern": .bool, "note": .text,
    ]

    /// The fields of an area.
    public static let area: [String: FieldType] = [
        "code": .text, "name": .text,
        "area_type": .choice(AreaRecord.AreaType.allCases.map(\.rawValue)), "force": .force,
    ]

    /// The known fields of a record type (`area`, `intel`, `link`) or entity kind.
    ///
    /// - Returns: `nil` when `name` is neither.
    public static func fields(forRecordOrKind name: String) -> [String: FieldType]? {
        switch name {
        case "area": return area
        case "intel": return intel
        case "link": return link
        default: return EntityKind(rawValue: name).map { fields(of: $0) }
        }
    }
}
