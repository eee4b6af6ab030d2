import Dispatch
import GraphCore
import GraphStore

/// Reads a ``Snapshot`` from the store's named queries.
///
/// The links (most of the rows) are read on one core while the entities, areas, reports
/// and `about` pairs are read on the other, each in its own read transaction. Both
/// transactions report the data version they saw; if a write landed between them, the
/// whole graph is read again in one transaction.
enum SnapshotLoader {
    /// What the links' transaction reads: links with database ids for their ends, and the
    /// link → report pairs.
    struct LinkPart: Sendable {
        let version: Int64
        /// The last row of the change log this transaction sees.
        let changeSeq: Int64
        let links: LinkColumns
        let support: [(Int64, Int64)]
        /// Link → report pairs where the report records a concern about the relationship.
        let concern: [(Int64, Int64)]
    }

    /// What the other transaction reads.
    struct EntityPart: Sendable {
        let version: Int64
        let changeSeq: Int64
        let areas: [SnapshotArea]
        let entities: EntityColumns
        let intel: IntelColumns
        let about: [(Int64, Int64)]
        /// Entity → report pairs where the report suggests a risk of harm from the entity.
        let harm: [(Int64, Int64)]
        let riskEvents: [RiskPeriods.Event]
    }

    /// Loads the whole graph.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read or holds a value the schema
    ///   should have refused.
    static func load(from store: Store) throws -> Snapshot {
        let parts = Locked<(links: LinkPart?, entities: EntityPart?, error: (any Error)?)>((nil, nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                if index == 0 {
                    let part = try store.readSnapshot(readLinks)
                    parts.withLock { $0.links = part }
                } else {
                    let part = try store.readSnapshot(readEntities)
                    parts.withLock { $0.entities = part }
                }
            } catch {
                parts.withLock { $0.error = error }
            }
        }
        let (links, entities, error) = parts.withLock { $0 }
        if let error { throw error }
        guard let links, let entities, links.version == entities.version, links.changeSeq == entities.changeSeq else {
            return try store.readSnapshot { reader in try assemble(readLinks(reader), readEntities(reader)) }
        }
        return try assemble(links, entities)
    }

    private static func readLinks(_ reader: SnapshotReader) throws -> LinkPart {
        LinkPart(version: try reader.version(), changeSeq: try reader.changeSeq(), links: try loadLinks(reader), support: try loadPairs(reader, "snapshot_support"),
                 concern: try loadPairs(reader, "snapshot_concern"))
    }

    private static func readEntities(_ reader: SnapshotReader) throws -> EntityPart {
        let version = try reader.version(), changeSeq = try reader.changeSeq()
        let areas = try loadAreas(reader)
        let areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.code, Int32($0)) })
        return EntityPart(version: version, changeSeq: changeSeq, areas: areas, entities: try loadEntities(reader, areaIndex: areaIndex),
                          intel: try loadIntel(reader), about: try loadPairs(reader, "snapshot_about"),
                          harm: try loadPairs(reader, "snapshot_harm"), riskEvents: try loadRiskEvents(reader))
    }

    /// Turns database ids into dense ids and builds the snapshot.
    private static func assemble(_ part: LinkPart, _ other: EntityPart) throws -> Snapshot {
        let denseEntity = denseIndex(other.entities.rowid)
        var links = part.links
        func ends(_ raw: [Int64]) throws -> Column<Int32> {
            Column(try raw.map { rowid in
                let entity = dense(denseEntity, rowid)
                guard entity >= 0 else { throw StoreError("query", "a link names a missing entity (\(rowid))") }
                return entity
            })
        }
        links.from = try ends(links.rawFrom)
        links.to = try ends(links.rawTo)
        links.rawFrom = []
        links.rawTo = []
        let denseIntel = denseIndex(other.intel.rowid)
        let support = group(part.support, groups: links.rowid.count, denseGroup: denseIndex(links.rowid), denseMember: denseIntel)
        let about = group(other.about, groups: other.entities.rowid.count, denseGroup: denseEntity, denseMember: denseIntel)
        let harm = group(other.harm, groups: other.entities.rowid.count, denseGroup: denseEntity, denseMember: denseIntel)
        let denseLink = denseIndex(links.rowid)
        var concern: [Int32: [Int32]] = [:]
        for (rawLink, rawIntel) in part.concern {
            let link = dense(denseLink, rawLink), report = dense(denseIntel, rawIntel)
            if link >= 0, report >= 0 { concern[link, default: []].append(report) }
        }
        var entities = other.entities
        let periods = RiskPeriods(other.riskEvents.compactMap { event in
            let child = dense(denseEntity, event.rowid)
            return child < 0 ? nil : RiskPeriods.Event(child: child, copying: event)
        }, flags: &entities.flags)
        let harmGroups = Groups(offsets: harm.offsets, members: harm.members)
        recordConcern(&entities, links: links, intel: other.intel, harm: harmGroups, concern: concern)
        return Snapshot(version: part.version, changeSeq: part.changeSeq, areas: other.areas, entities: entities,
                        denseByRowid: Column(denseEntity), links: links, intel: other.intel,
                        support: Groups(offsets: support.offsets, members: support.members),
                        about: Groups(offsets: about.offsets, members: about.members),
                        marthr: MarthrFacts(harm: harmGroups, concernReports: concern, riskPeriods: periods))
    }

    /// Adults of concern that only the graph records: intelligence suggesting harm from them,
    /// a link recorded as a concern, or an active operation they are the subject of. Only
    /// reports every role may read (handling code P) mark the snapshot's flag, so that a
    /// partner's view never shows a concern only police intelligence records; a police view
    /// adds the rest (``GraphView/isPersonOrNetwork(_:)``).
    private static func recordConcern(_ entities: inout EntityColumns, links: LinkColumns, intel: IntelColumns,
                                      harm: Groups, concern: [Int32: [Int32]]) {
        let adult = UInt8(Snapshot.entityKinds.firstIndex(of: .adult)!)
        let operation = UInt8(Snapshot.entityKinds.firstIndex(of: .operation)!)
        let subjectOf = UInt8(Snapshot.linkKinds.firstIndex(of: .subjectOf)!)
        func mark(_ entity: Int32) {
            if entities.kind[Int(entity)] == adult { entities.flags[Int(entity)] |= Snapshot.Flags.ofConcern }
        }
        for entity in 0..<entities.kind.count where harm[Int32(entity)].contains(where: { intel.handling[Int($0)] == 0 }) {
            mark(Int32(entity))
        }
        for (link, reports) in concern where reports.contains(where: { intel.handling[Int($0)] == 0 }) {
            mark(links.from[Int(link)])
            mark(links.to[Int(link)])
        }
        for link in 0..<links.kind.count where links.kind[link] == subjectOf {
            let target = links.to[link]
            if entities.kind[Int(target)] == operation, entities.flags[Int(target)] & Snapshot.Flags.activeOperation != 0 {
                mark(links.from[link])
            }
        }
    }

    /// The events of each child's record that start or end their time at risk.
    static func loadRiskEvents(_ reader: SnapshotReader, ids: [Int64]? = nil) throws -> [RiskPeriods.Event] {
        var events: [RiskPeriods.Event] = []
        try scan(reader, "snapshot_risk_events", ids: ids) { row in
            events.append(RiskPeriods.Event(rowid: row.int64(0), day: day(row, 1), kind: row.text(2) ?? "",
                                            detail: row.text(3), closing: row.text(4)))
        }
        return events
    }

    private static func loadAreas(_ reader: SnapshotReader) throws -> [SnapshotArea] {
        var rows: [(code: String, name: String, isForce: Bool, force: String?)] = []
        try reader.scan("snapshot_areas") { row in
            rows.append((row.text(0) ?? "", row.text(1) ?? "", row.text(2) == "police_force", row.text(3)))
        }
        let index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.code, $0) })
        return rows.enumerated().map { position, row in
            SnapshotArea(code: row.code, name: row.name, isForce: row.isForce,
                         force: row.isForce ? position : (row.force.flatMap { index[$0] } ?? position))
        }
    }

    static func loadEntities(_ reader: SnapshotReader, areaIndex: [String: Int32], ids: [Int64]? = nil) throws -> EntityColumns {
        var columns = EntityColumns()
        if ids == nil { columns.reserve(try sizes(reader).entities) }
        let kinds = KindMatcher(Snapshot.entityKinds.map(\.rawValue))
        try scan(reader, "snapshot_entities", ids: ids) { row in
            let entity = try EntityRow(row, kinds: kinds, areaIndex: areaIndex)
            columns.rowid.append(entity.rowid)
            row.withBytes(1) { columns.refs.append($0) }
            columns.kind.append(entity.kind)
            row.withBytes(3) { columns.labels.append($0) }
            columns.area.append(entity.area)
            columns.risk.append(entity.risk)
            columns.flags.append(entity.flags)
            columns.created.append(entity.created)
        }
        return columns
    }

    static func loadLinks(_ reader: SnapshotReader, ids: [Int64]? = nil) throws -> LinkColumns {
        var columns = LinkColumns()
        if ids == nil { columns.reserve(try sizes(reader).links) }
        let kinds = KindMatcher(Snapshot.linkKinds.map(\.rawValue))
        try scan(reader, "snapshot_links", ids: ids) { row in
            guard let kind = row.withBytes(3, kinds.match) else { throw StoreError("query", "link \(row.int64(0)) has an unknown kind") }
            columns.rowid.append(row.int64(0))
            columns.rawFrom.append(row.int64(1))
            columns.rawTo.append(row.int64(2))
            columns.kind.append(kind)
            columns.first.append(day(row, 4))
            columns.last.append(day(row, 5))
            columns.created.append(day(row, 6))
        }
        return columns
    }

    static func loadIntel(_ reader: SnapshotReader, ids: [Int64]? = nil) throws -> IntelColumns {
        var columns = IntelColumns()
        if ids == nil { columns.reserve(try sizes(reader).intel) }
        try scan(reader, "snapshot_intel", ids: ids) { row in
            columns.rowid.append(row.int64(0))
            row.withBytes(1) { columns.refs.append($0) }
            columns.date.append(day(row, 2))
            columns.source.append(UInt8(clamping: (Int(row.text(3) ?? "3") ?? 3)))
            let assessment = row.withBytes(4) { $0.first.map { Int($0) - Int(UInt8(ascii: "A")) } ?? 4 }
            columns.assessment.append(UInt8(clamping: min(max(assessment, 0), 4)))
            columns.handling.append(row.text(5) == "P" ? 0 : 1)  // unknown: treated as C, hidden from partners
            columns.created.append(day(row, 6))
        }
        return columns
    }

    /// Runs `queries/<name>.sql` for the whole graph, or its delta form
    /// (`snapshot_delta_<name without snapshot_>.sql`) for the rows `ids` names.
    private static func scan(_ reader: SnapshotReader, _ name: String, ids: [Int64]?,
                             _ body: (SnapshotRow) throws -> Void) throws {
        guard let ids else { return try reader.scan(name, body) }
        try reader.scan("snapshot_delta_" + name.dropFirst("snapshot_".count), ids: ids, body)
    }

    /// Group → member pairs by database id.
    private static func loadPairs(_ reader: SnapshotReader, _ name: String) throws -> [(Int64, Int64)] {
        var pairs: [(Int64, Int64)] = []
        try reader.scan(name) { row in pairs.append((row.int64(0), row.int64(1))) }
        return pairs
    }

    /// Group → member pairs as CSR offsets and dense members, in the order read.
    private static func group(_ raw: [(Int64, Int64)], groups: Int, denseGroup: [Int32],
                              denseMember: [Int32]) -> (offsets: [Int32], members: [Int32]) {
        var counts = Array(repeating: Int32(0), count: groups + 1)
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(raw.count)
        for (rawGroup, rawMember) in raw {
            let group = dense(denseGroup, rawGroup), member = dense(denseMember, rawMember)
            guard group >= 0, member >= 0 else { continue }
            pairs.append((group, member))
            counts[Int(group) + 1] += 1
        }
        for index in 0..<groups { counts[index + 1] += counts[index] }
        var cursor = counts
        var members = Array(repeating: Int32(0), count: pairs.count)
        for (group, member) in pairs {
            members[Int(cursor[Int(group)])] = member
            cursor[Int(group)] += 1
        }
        return (counts, members)
    }

    /// The largest ids, as capacity hints: growing arrays of millions by doubling copies them.
    private static func sizes(_ reader: SnapshotReader) throws -> (entities: Int, links: Int, intel: Int) {
        var result = (entities: 0, links: 0, intel: 0)
        try reader.scan("snapshot_sizes") { row in
            result = (Int(row.int64(0)), Int(row.int64(1)), Int(row.int64(2)))
        }
        return result
    }

    static func denseIndex<C: RandomAccessCollection<Int64>>(_ rowids: C) -> [Int32] {
        var index = Array(repeating: Int32(-1), count: Int((rowids.last ?? 0) + 1))
        for (position, rowid) in rowids.enumerated() { index[Int(rowid)] = Int32(position) }
        return index
    }

    @inline(__always)
    static func dense(_ index: [Int32], _ rowid: Int64) -> Int32 {
        rowid >= 0 && rowid < index.count ? index[Int(rowid)] : -1
    }

    /// Column `column`'s leading `YYYY-MM-DD` as days since 1970-01-01, or ``Snapshot/noDate``.
    @inline(__always)
    static func day(_ row: SnapshotRow, _ column: Int32) -> Int32 {
        row.withBytes(column) { bytes in
            guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return Snapshot.noDate }
            func number(_ range: Range<Int>) -> Int {
                var value = 0
                for index in range { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                return value
            }
            return Int32(CalendarDate.daysSinceEpoch(year: number(0..<4), month: number(5..<7), day: number(8..<10)))
        }
    }
}
