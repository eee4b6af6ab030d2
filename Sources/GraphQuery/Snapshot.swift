import GraphCore

/// An immutable in-memory copy of the graph, read at one data version, for traversals and
/// algorithms (DESIGN.md, "Query engine").
///
/// Entities and links get dense ids in database id order. Adjacency is compressed sparse
/// rows over both directions (every link appears under both of its ends), so traversals
/// treat links as undirected while ``linkFrom`` and ``linkTo`` keep their direction. Dates
/// are days since 1970-01-01, ``noDate`` when absent.
public final class Snapshot: Sendable {
    /// The marker for a missing date.
    public static let noDate = Int32.min

    /// Entity flags.
    struct Flags {
        static let atRisk: UInt8 = 1
        static let riskRecorded: UInt8 = 2
        static let ofConcern: UInt8 = 4
        static let activeOperation: UInt8 = 8
        static let onMACCSE: UInt8 = 16
        /// A child whose record dates their time at risk (``MarthrFacts/riskPeriods``).
        static let riskHistory: UInt8 = 32
        /// A place flagged as a location of concern.
        static let placeFlagged: UInt8 = 64
    }

    /// The data version the snapshot holds.
    public let version: Int64
    /// The last row of the store's change log it holds (``SnapshotDelta``).
    let changeSeq: Int64
    /// Areas, in code order.
    public let areas: [SnapshotArea]

    /// Entities by dense id: kind, area, flags, creation day, risk, submitted id, label.
    let entities: EntityColumns
    /// Entity dense id by database id (-1 for none).
    let denseByRowid: Column<Int32>
    /// Links by dense id: ends, kind, first and last seen, creation day.
    let links: LinkColumns
    /// Reports by dense id: submitted id, date, creation day, 3x5x2 grading
    /// (source 1–3, assessment 0 (A) to 4 (E), handling 0 (P) or 1 (C)).
    let intel: IntelColumns
    /// Provenance: the reports supporting each link.
    let supportGroups: Groups
    /// The reports about each entity.
    let aboutGroups: Groups
    /// What MARTHR's thresholds read besides the graph: intelligence of harm, concerns about
    /// relationships, children's time at risk.
    let marthr: MarthrFacts
    /// Each entity's links, over both directions.
    let adjacency: Adjacency
    /// Entities and links that writes since the full read removed or replaced: no filter
    /// admits them.
    let removed: Removed
    /// Dense ids of links and reports by database id.
    let linkIndex: RowIndex
    let intelIndex: RowIndex
    /// How many deltas were applied since the full read (``QueryEngine`` reads the whole
    /// graph again beside this one when they pile up).
    let deltas: Int

    /// The number of entities (removed ones included).
    public var entityCount: Int { entities.rowid.count }
    /// The number of links (removed ones included).
    public var linkCount: Int { links.from.count }
    /// The number of intelligence reports.
    public var intelCount: Int { intel.rowid.count }

    /// The filter masks already computed, by filter.
    let masks = Locked<[QueryFilter: FilterMask]>([:])
    /// Working arrays for queries, reused.
    let scratchPool = Locked<[Scratch]>([])

    init(version: Int64, changeSeq: Int64, areas: [SnapshotArea], entities: EntityColumns, denseByRowid: Column<Int32>,
         links: LinkColumns, intel: IntelColumns, support: Groups, about: Groups, marthr: MarthrFacts = MarthrFacts(),
         adjacency: Adjacency? = nil, removed: Removed? = nil, linkIndex: RowIndex? = nil, intelIndex: RowIndex? = nil,
         deltas: Int = 0) {
        self.version = version
        self.changeSeq = changeSeq
        self.areas = areas
        self.entities = entities
        self.denseByRowid = denseByRowid
        self.links = links
        self.intel = intel
        self.supportGroups = support
        self.aboutGroups = about
        self.marthr = marthr
        self.adjacency = adjacency ?? Adjacency(entityCount: entities.rowid.count, from: links.from, to: links.to)
        self.removed = removed ?? Removed(entities: entities.rowid.count, links: links.from.count)
        self.linkIndex = linkIndex ?? RowIndex(readCount: links.rowid.count)
        self.intelIndex = intelIndex ?? RowIndex(readCount: intel.rowid.count)
        self.deltas = deltas
    }

    // MARK: Entities

    /// The submitted id of entity `entity`.
    public func ref(_ entity: Int32) -> String { entities.refs[Int(entity)] }

    /// The label of entity `entity`.
    public func label(_ entity: Int32) -> String { entities.labels[Int(entity)] }

    /// `allCases` builds a new array on every call; the hot paths index these instead.
    static let entityKinds = EntityKind.allCases
    static let linkKinds = LinkKind.allCases

    /// The kind of entity `entity`.
    @inline(__always)
    public func kind(_ entity: Int32) -> EntityKind { Snapshot.entityKinds[Int(entities.kind[Int(entity)])] }

    /// The dense id of the entity with database id `rowid`, if it is in the snapshot.
    public func entity(rowid: Int64) -> Int32? {
        guard rowid >= 0, rowid < Int64(denseByRowid.count) else { return nil }
        let dense = denseByRowid[Int(rowid)]
        return dense < 0 ? nil : dense
    }

    /// The dense id of the link with database id `rowid`, if the snapshot holds it and no
    /// write removed it.
    func link(rowid: Int64) -> Int32? {
        guard let link = linkIndex.dense(rowid, in: links.rowid), !removed.links.contains(Int(link)) else { return nil }
        return link
    }

    /// The dense id of the report with database id `rowid`, if the snapshot holds it.
    func report(rowid: Int64) -> Int32? { intelIndex.dense(rowid, in: intel.rowid) }

    /// The area of entity `entity`, if it has one.
    public func area(of entity: Int32) -> SnapshotArea? {
        let index = entities.area[Int(entity)]
        return index < 0 ? nil : areas[Int(index)]
    }

    /// The recorded risk level of a child, as stored.
    public func risk(of entity: Int32) -> String? { entities.risk[Int(entity)] }

    /// Whether entity `entity` is a child at risk now: as their record's latest assessment,
    /// panel level, case opening or closure says, or (with no such record) with an imported
    /// risk level that is still at risk.
    public func isAtRiskChild(_ entity: Int32) -> Bool { entities.flags[Int(entity)] & Flags.atRisk != 0 }

    /// Whether entity `entity` is a child who was at risk on `day` (days since 1970): within
    /// a period of their record, or, with no record, as their imported risk level says.
    @inline(__always)
    func isAtRiskChild(_ entity: Int32, on day: Int32) -> Bool {
        let flags = entities.flags[Int(entity)]
        guard flags & Flags.riskHistory != 0 else { return flags & Flags.atRisk != 0 }
        return marthr.riskPeriods.contains(entity, day: day)
    }

    /// Whether entity `entity` was ever at risk, by its record or its imported level (what a
    /// day-independent index of children at risk keeps).
    @inline(__always)
    func wasEverAtRisk(_ entity: Int32) -> Bool {
        let flags = entities.flags[Int(entity)]
        return flags & Flags.atRisk != 0 || (flags & Flags.riskHistory != 0 && !marthr.riskPeriods.of(entity).isEmpty)
    }

    /// The periods a child's record dates their time at risk, (from, until) days since 1970
    /// (until nil while still at risk); empty with no record.
    func riskPeriods(of entity: Int32) -> [(from: Int32, until: Int32?)] { marthr.riskPeriods.of(entity) }

    /// Whether entity `entity` is a place flagged as a location of concern.
    func isPlaceFlagged(_ entity: Int32) -> Bool { entities.flags[Int(entity)] & Flags.placeFlagged != 0 }

    /// The reports suggesting a risk of harm from entity `entity`.
    func harmReports(_ entity: Int32) -> ArraySlice<Int32> { marthr.harm[entity] }

    /// The reports recording a concern about the relationship link `link` stands for.
    func concernReports(_ link: Int32) -> [Int32] { marthr.concernReports[link] ?? [] }

    /// Whether entity `entity` is a child with an open MACCSE case.
    public func isOnMACCSE(_ entity: Int32) -> Bool { entities.flags[Int(entity)] & Flags.onMACCSE != 0 }

    /// Whether entity `entity` is an adult recorded as of concern: by the submitting system
    /// (`of_concern`, a perpetrator flag), a MACCSE flag, MARTHR's acceptance, intelligence
    /// suggesting harm from them, a link recorded as a concern, or an active operation.
    public func isAdultOfConcern(_ entity: Int32) -> Bool { entities.flags[Int(entity)] & Flags.ofConcern != 0 }

    /// Whether entity `entity` is an active operation.
    public func isActiveOperation(_ entity: Int32) -> Bool { entities.flags[Int(entity)] & Flags.activeOperation != 0 }

    // MARK: Links

    /// The kind of link `link`.
    @inline(__always)
    public func linkKind(_ link: Int32) -> LinkKind { Snapshot.linkKinds[Int(links.kind[Int(link)])] }

    /// The ends of link `link`, as submitted.
    public func ends(_ link: Int32) -> (from: Int32, to: Int32) { (links.from[Int(link)], links.to[Int(link)]) }

    /// The reports supporting link `link`.
    func support(_ link: Int32) -> ArraySlice<Int32> { supportGroups[link] }

    /// The reports about entity `entity`.
    func about(_ entity: Int32) -> ArraySlice<Int32> { aboutGroups[entity] }

    // MARK: Intelligence

    /// The submitted id of report `intel`.
    public func intelRef(_ intel: Int32) -> String { self.intel.refs[Int(intel)] }

    /// The 3x5x2 grading of report `intel`, as written (`2B P`).
    public func grading(_ intel: Int32) -> String {
        let parts = gradingParts(intel)
        return "\(parts.source)\(parts.assessment) \(parts.handling)"
    }

    /// The three parts of report `intel`'s grading as written: `2`, `B`, `P`.
    public func gradingParts(_ intel: Int32) -> (source: String, assessment: String, handling: String) {
        (String(self.intel.source[Int(intel)]), Snapshot.assessments[Int(self.intel.assessment[Int(intel)])],
         self.intel.handling[Int(intel)] == 0 ? "P" : "C")
    }

    private static let assessments = ["A", "B", "C", "D", "E"]
}
