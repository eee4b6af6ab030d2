import GraphCore

/// The partnership's reading of seed 003's MARTHR thresholds where the protocol leaves a
/// choice: which links can expose a child to harm (criterion 2), how good and how recent
/// intelligence of harm must be (criterion 3), and how many children at risk make a place a
/// concern (criterion 4). Kept under `marthr` in the default workflow settings
/// (`cegraph case settings`); every field is optional there and keeps its default here.
public struct MarthrThresholds: Sendable, Codable, Equatable {
    /// Links whose kind can expose a child to harm: a subject linked to a child at risk
    /// directly, or through vehicles, phones, handles and places, by links of these kinds
    /// meets criterion 2. Household and family links are not among them.
    public var exposingLinks: [LinkKind] = [
        .associatesWith, .contacted, .usesPhone, .usesHandle, .drives, .registeredKeeperOf, .passengerIn, .seenAt,
        .takenTo, .foundAt, .memberOf,
    ]
    /// Household and family links: a subject who is the child's family or lives with the
    /// child does not meet criterion 2 through ordinary contact, only where intelligence
    /// records a concern about the relationship.
    public var familyLinks: [LinkKind] = [.parentOf, .siblingOf, .livesAt]
    /// The weakest grading of intelligence suggesting harm that counts for criterion 3
    /// (source evaluation and assessment, as `2C`).
    public var harmMinimumGrade: String = "2C"
    /// Intelligence suggesting harm counts for criterion 3 for this many days after its date.
    public var harmWindowDays: Int = 365
    /// A place where at least this many different children at risk were taken or found
    /// within ``placeWindowDays`` meets criterion 4.
    public var placeChildren: Int = 2
    /// The links that say a child was at a place for criterion 4.
    public var placeLinks: [LinkKind] = [.takenTo, .foundAt]
    /// How far back (days before the day asked) a child taken or found at a place counts.
    public var placeWindowDays: Int = 365

    public init() {}

    /// Decodes stored settings; every field is optional and keeps its default when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MarthrThresholds()
        exposingLinks = try container.decodeIfPresent([LinkKind].self, forKey: .exposingLinks) ?? defaults.exposingLinks
        familyLinks = try container.decodeIfPresent([LinkKind].self, forKey: .familyLinks) ?? defaults.familyLinks
        harmMinimumGrade = try container.decodeIfPresent(String.self, forKey: .harmMinimumGrade) ?? defaults.harmMinimumGrade
        harmWindowDays = try container.decodeIfPresent(Int.self, forKey: .harmWindowDays) ?? defaults.harmWindowDays
        placeChildren = try container.decodeIfPresent(Int.self, forKey: .placeChildren) ?? defaults.placeChildren
        placeLinks = try container.decodeIfPresent([LinkKind].self, forKey: .placeLinks) ?? defaults.placeLinks
        placeWindowDays = try container.decodeIfPresent(Int.self, forKey: .placeWindowDays) ?? defaults.placeWindowDays
    }

    /// The grading ``harmMinimumGrade`` names.
    ///
    /// - Throws: ``QueryError`` naming the setting when it is not a grading.
    public func minimumGrade() throws -> MinimumGrade {
        guard let grade = MinimumGrade(harmMinimumGrade) else {
            throw QueryError("the setting marthr.harmMinimumGrade is \(harmMinimumGrade); expected " + MinimumGrade.expectedForms)
        }
        return grade
    }

    /// Checks the settings, naming the first that cannot be used.
    ///
    /// - Throws: ``QueryError`` naming the setting.
    public func validate() throws {
        _ = try minimumGrade()
        for (name, value) in [("harmWindowDays", harmWindowDays), ("placeWindowDays", placeWindowDays)] where value < 1 {
            throw QueryError("the setting marthr.\(name) is \(value); give a number of days, 1 or more")
        }
        guard placeChildren >= 1 else {
            throw QueryError("the setting marthr.placeChildren is \(placeChildren); give a number of children, 1 or more")
        }
        if let both = exposingLinks.first(where: familyLinks.contains) {
            throw QueryError("the setting marthr.exposingLinks names \(both.rawValue), which marthr.familyLinks also names; "
                             + "a kind of link is one or the other")
        }
        if let wrong = placeLinks.first(where: { !$0.fromKinds.contains(.child) || !$0.toKinds.contains(.location) }) {
            throw QueryError("the setting marthr.placeLinks names \(wrong.rawValue), which does not join a child to a place")
        }
    }
}
