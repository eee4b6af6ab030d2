import GraphCore
import GraphStore

/// A child's placement (seeds 000/001, 002, 003 §3): who placed the child and where they
/// live, the kind of placement and its dates (``Workflow/recordPlacement(_:by:)``). The
/// residing authority (`area`) is the child's front door while the placement lasts.
public struct Placement: Codable, Sendable, Equatable {
    /// The kind of placement.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case childrensHome = "childrens_home"
        case foster
        case semiIndependent = "semi_independent"
        case secure
        case other

        /// The kind in words: "children's home".
        public var words: String {
            switch self {
            case .childrensHome: "children's home"
            case .foster: "foster care"
            case .semiIndependent: "semi-independent accommodation"
            case .secure: "secure accommodation"
            case .other: "other placement"
            }
        }
    }

    /// The placement's reference, `PLC-NNNNNN`, and the child.
    public var ref: String
    public var childRef: String
    public var childLabel: String
    /// The authority that placed the child, and the one where they live.
    public var placingArea: String
    public var placingAreaName: String
    public var area: String
    public var areaName: String
    public var kind: Kind
    /// The placement in words (e.g. "a children's home in Southport"), and its location
    /// record, when there is one.
    public var placement: String
    public var locationRef: String?
    /// The location record's area: the record is named only to a viewer who may see it.
    var locationArea: String?
    public var startedOn: String
    public var endedOn: String?
    /// Whether the placing authority told us of it (seed 000), and its CE risk screening.
    public var incoming: Bool
    public var screenedOn: String?
    public var ceRisk: Bool?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case ref
        case childRef = "child_ref"
        case childLabel = "child_label"
        case placingArea = "placing_area"
        case placingAreaName = "placing_area_name"
        case area
        case areaName = "area_name"
        case kind, placement
        case locationRef = "location"
        case startedOn = "started_on"
        case endedOn = "ended_on"
        case incoming
        case screenedOn = "screened_on"
        case ceRisk = "ce_risk"
        case note
    }

    /// Whether the child was placed by another authority than the one they live in.
    public var isOutOfArea: Bool { placingArea != area }

    /// A row of `placement.for_child` or `placement.by_ref`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "placement")
        ref = try columns.text("ref")
        childRef = try columns.text("child_ref")
        childLabel = try columns.text("child_label")
        placingArea = try columns.text("placing_area")
        placingAreaName = try columns.text("placing_area_name")
        area = try columns.text("area")
        areaName = try columns.text("area_name")
        kind = Kind(rawValue: try columns.text("kind")) ?? .other
        placement = try columns.text("placement")
        locationRef = try columns.optionalText("location_ref")
        locationArea = try columns.optionalText("location_area")
        startedOn = try columns.text("started_on")
        endedOn = try columns.optionalText("ended_on")
        incoming = row.bool("incoming") ?? false
        screenedOn = try columns.optionalText("screened_on")
        ceRisk = row.bool("ce_risk")
        note = try columns.optionalText("note")
    }

    /// The placement with every child outside the viewer's need-to-know named "Child N" in
    /// its free text.
    func pseudonymised(by pseudonyms: Pseudonymiser) -> Placement {
        var shown = self
        shown.placement = pseudonyms.apply(placement)
        shown.note = note.map(pseudonyms.apply)
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(placingArea, forKey: .placingArea)
        try container.encode(placingAreaName, forKey: .placingAreaName)
        try container.encode(area, forKey: .area)
        try container.encode(areaName, forKey: .areaName)
        try container.encode(kind, forKey: .kind)
        try container.encode(placement, forKey: .placement)
        try container.encode(locationRef, forKey: .locationRef)
        try container.encode(startedOn, forKey: .startedOn)
        try container.encode(endedOn, forKey: .endedOn)
        try container.encode(incoming, forKey: .incoming)
        try container.encode(screenedOn, forKey: .screenedOn)
        try container.encode(ceRisk, forKey: .ceRisk)
        try container.encode(note, forKey: .note)
    }
}

/// A placement to record, or (with `ref`) to end or screen
/// (``Workflow/recordPlacement(_:by:)``).
public struct PlacementInput: Sendable {
    public var child: String
    public var ref: String?
    /// The placing authority (default: the child's home area) and where the child lives
    /// (default: the location's area).
    public var placedBy: String?
    public var livesIn: String?
    public var kind: Placement.Kind
    public var placement: String?
    public var location: String?
    public var startedOn: CalendarDate?
    public var endedOn: CalendarDate?
    public var incoming: Bool
    /// The CE risk screening of an incoming placement, and its day.
    public var ceRisk: Bool?
    public var screenedOn: CalendarDate?
    public var note: String?

    public init(child: String, ref: String? = nil, placedBy: String? = nil, livesIn: String? = nil, kind: Placement.Kind = .other,
                placement: String? = nil, location: String? = nil, startedOn: CalendarDate? = nil, endedOn: CalendarDate? = nil,
                incoming: Bool = false, ceRisk: Bool? = nil, screenedOn: CalendarDate? = nil, note: String? = nil) {
        self.child = child
        self.ref = ref
        self.placedBy = placedBy
        self.livesIn = livesIn
        self.kind = kind
        self.placement = placement
        self.location = location
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.incoming = incoming
        self.ceRisk = ceRisk
        self.screenedOn = screenedOn
        self.note = note
    }
}
