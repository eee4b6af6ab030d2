/// The part of the picture a map or an export shows: entities, the links between them and
/// the graded reports behind each link, as plain values.
///
/// The query engine builds it (`GraphView.map`), redaction rewrites it for an audience,
/// and the renderer and exporters read it; none of them needs the others' internals.
public struct MapGraph: Sendable, Equatable {
    /// An area an entity lies in: a local authority with its force, or a force.
    public struct Area: Sendable, Hashable {
        public var code: String
        public var name: String
        public var forceCode: String
        public var forceName: String

        public init(code: String, name: String, forceCode: String, forceName: String) {
            self.code = code
            self.name = name
            self.forceCode = forceCode
            self.forceName = forceName
        }
    }

    /// A graded report behind a link.
    public struct Report: Sendable, Hashable {
        public var id: String
        /// 1, 2 or 3.
        public var source: String
        /// A to E.
        public var assessment: String
        /// P or C.
        public var handling: String
        public var date: String?

        public init(id: String, source: String, assessment: String, handling: String, date: String?) {
            self.id = id
            self.source = source
            self.assessment = assessment
            self.handling = handling
            self.date = date
        }

        /// `2B P`.
        public var grading: String { "\(source)\(assessment) \(handling)" }
    }

    /// An entity on the map.
    public struct Node: Sendable, Hashable {
        /// The entity's id (replaced by a pseudonym's id for redacted children).
        public var id: String
        public var kind: EntityKind
        public var label: String
        public var area: Area?
        /// A child's recorded risk level (`merseyside:3`).
        public var risk: String?
        /// Whether this is the map's subject (its root).
        public var isSubject: Bool
        /// Whether it was recorded on or after the map's "new since" date.
        public var isNew: Bool
        /// The notices and orders in force against it, in words (`CAWN`), for audiences who
        /// read MARTHR's register; empty otherwise.
        public var notices: [String] = []
        /// Whether the viewer may open the entity's page and map: only then does the web
        /// page's map let them select it (issue 21). Not known, not offered.
        public var opens = false
        /// Whether the viewer pinned it on the map page (kept in view, never collapsed).
        public var isPinned = false
        /// For a node that stands for a collapsed group, how many entities it gathers
        /// (0: an entity).
        public var members = 0

        public init(id: String, kind: EntityKind, label: String, area: Area? = nil, risk: String? = nil,
                    isSubject: Bool = false, isNew: Bool = false) {
            self.id = id
            self.kind = kind
            self.label = label
            self.area = area
            self.risk = risk
            self.isSubject = isSubject
            self.isNew = isNew
        }
    }

    /// A link on the map, in its submitted direction.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: String
        public var firstSeen: String?
        public var lastSeen: String?
        /// The reports supporting it (empty: ungraded).
        public var reports: [Report]
        /// An inferred link (a co-location suggestion), not intelligence.
        public var inferred: Bool
        /// Whether it was recorded on or after the map's "new since" date.
        public var isNew: Bool
        /// Whether it ended in the period a diff map shows ("what changed since the last
        /// panel": last seen after the earlier panel and before this one); drawn dashed and
        /// greyed. False on every other map.
        public var hasEnded = false
        /// The notices and orders in force against it, in words (`CAWN`), for audiences who
        /// read MARTHR's register; empty otherwise.
        public var notices: [String] = []
        /// How many links it stands for: more than one where a collapsed group's links to
        /// the same entity are drawn as one.
        public var count = 1

        public init(from: String, to: String, kind: String, firstSeen: String? = nil, lastSeen: String? = nil,
                    reports: [Report] = [], inferred: Bool = false, isNew: Bool = false) {
            self.from = from
            self.to = to
            self.kind = kind
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
            self.reports = reports
            self.inferred = inferred
            self.isNew = isNew
        }

        /// The report that grades the link: the best not graded E (by assessment, then
        /// source), else the first (every report graded E), else none.
        public var gradingReport: Report? {
            reports.filter { $0.assessment != "E" }.min { ($0.assessment, $0.source) < ($1.assessment, $1.source) }
                ?? reports.first
        }

        /// The best assessment among reports not graded E, if any.
        public var bestAssessment: String? {
            gradingReport.map(\.assessment).flatMap { $0 == "E" ? nil : $0 }
        }
    }

    public var title: String
    public var nodes: [Node]
    public var edges: [Edge]

    public init(title: String, nodes: [Node], edges: [Edge]) {
        self.title = title
        self.nodes = nodes
        self.edges = edges
    }
}
