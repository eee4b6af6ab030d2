/// One record of a data file, checked against the contract and normalised.
public enum InputRecord: Sendable, Equatable {
    case area(AreaRecord)
    case entity(EntityRecord)
    case intel(IntelRecord)
    case link(LinkRecord)
}

/// An area: a local authority (naming its police force) or a police force.
public struct AreaRecord: Sendable, Equatable {
    /// The kind of area.
    public enum AreaType: String, Sendable, CaseIterable {
        case localAuthority = "local_authority"
        case policeForce = "police_force"
    }

    public var code: String
    public var name: String
    public var type: AreaType
    /// The police force of a local authority (an area code); `nil` for a force.
    public var force: String?
    /// Fields the contract does not name, kept as attributes.
    public var extra: [String: JSONValue]

    public init(code: String, name: String, type: AreaType, force: String?, extra: [String: JSONValue] = [:]) {
        self.code = code
        self.name = name
        self.type = type
        self.force = force
        self.extra = extra
    }
}

/// An entity: its submitted id, kind and the fields given, normalised.
public struct EntityRecord: Sendable, Equatable {
    public var id: String
    public var kind: EntityKind
    /// Every field given except `record`, `id` and `kind`, normalised (a VRM upper case, a
    /// phone number in E.164, ...). Unknown fields are kept as they were.
    public var fields: [String: JSONValue]

    public init(id: String, kind: EntityKind, fields: [String: JSONValue]) {
        self.id = id
        self.kind = kind
        self.fields = fields
    }
}

/// An intelligence report with its 3x5x2 grading.
public struct IntelRecord: Sendable, Equatable {
    public var id: String
    public var date: CalendarDate
    public var grading: Grading
    /// Required, and non-empty, when the handling code is `C`.
    public var handlingConditions: String?
    public var submittedBy: String?
    public var agency: String?
    public var text: String?
    /// The ids of the entities the report is about.
    public var about: [String]
    /// The ids of the entities the report suggests a risk of harm from (MARTHR criterion 3);
    /// each is also one the report is about.
    public var harmFrom: [String]
    /// A 5x5x5 grading kept exactly as given; never mapped onto 3x5x2.
    public var legacyGrading: String?
    /// Fields the contract does not name, kept as attributes.
    public var extra: [String: JSONValue]
    /// The names of the fields the record gave (`null` included): an update replaces these
    /// and keeps the rest.
    public var given: Set<String>

    public init(id: String, date: CalendarDate, grading: Grading, handlingConditions: String? = nil,
                submittedBy: String? = nil, agency: String? = nil, text: String? = nil,
                about: [String] = [], harmFrom: [String] = [], legacyGrading: String? = nil,
                extra: [String: JSONValue] = [:], given: Set<String> = []) {
        self.id = id
        self.date = date
        self.grading = grading
        self.handlingConditions = handlingConditions
        self.submittedBy = submittedBy
        self.agency = agency
        self.text = text
        self.about = about
        self.harmFrom = harmFrom
        self.legacyGrading = legacyGrading
        self.extra = extra
        self.given = given
    }
}

/// A dated link between two entities, with the intelligence that supports it.
public struct LinkRecord: Sendable, Equatable {
    public var from: String
    public var to: String
    public var kind: LinkKind
    public var firstSeen: CalendarDate?
    public var lastSeen: CalendarDate?
    /// The ids of the intelligence reports supporting the link.
    public var intel: [String]
    /// Whether the supporting intelligence records a concern that the relationship may
    /// expose a child to harm (MARTHR criterion 2).
    public var concern: Bool
    public var note: String?
    /// Fields the contract does not name, kept as attributes.
    public var extra: [String: JSONValue]

    public init(from: String, to: String, kind: LinkKind, firstSeen: CalendarDate? = nil,
                lastSeen: CalendarDate? = nil, intel: [String] = [], concern: Bool = false, note: String? = nil,
                extra: [String: JSONValue] = [:]) {
        self.from = from
        self.to = to
        self.kind = kind
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.intel = intel
        self.concern = concern
        self.note = note
        self.extra = extra
    }
}
