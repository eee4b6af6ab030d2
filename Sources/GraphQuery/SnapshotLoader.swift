import GraphCore
import GraphStore

/// Reads a ``Snapshot`` from the store's named queries in one read transaction.
enum SnapshotLoader {
    /// Loads the whole graph.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read or holds a value the schema
    ///   should have refused.
    static func load(from store: Store) throws -> Snapshot {
        try store.readSnapshot { reader in
            let version = try reader.version()
            let areas = try loadAreas(reader)
            let areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.code, Int32($0)) })
            let entities = try loadEntities(reader, areaIndex: areaIndex)
            let denseEntity = denseIndex(entities.rowid)
            let links = try loadLinks(reader, denseEntity: denseEntity)
            let intel = try loadIntel(reader)
            let denseIntel = denseIndex(intel.rowid)
            let support = try loadPairs(reader, "snapshot_support", groups: links.rowid.count,
                                        denseGroup: denseIndex(links.rowid), denseMember: denseIntel)
            let about = try loadPairs(reader, "snapshot_about", groups: entities.rowid.count,
                                      denseGroup: denseEntity, denseMember: denseIntel)
            return Snapshot(version: version, areas: areas, entities: entities, denseByRowid: denseEntity, links: links, intel: intel,
                            supportOffsets: support.offsets, supportIntel: support.members,
                            aboutOffsets: about.offsets, aboutIntel: about.members)
        }
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

    private static func loadEntities(_ reader: SnapshotReader, areaIndex: [String: Int32]) throws -> EntityColumns {
        var columns = EntityColumns()
        let kinds = Dictionary(uniqueKeysWithValues: EntityKind.allCases.enumerated().map { ($1.rawValue, UInt8($0)) })
        try reader.scan("snapshot_entities") { row in
            guard let kindText = row.text(2), let kind = kinds[kindText] else {
                throw StoreError("query", "entity \(row.int64(0)) has an unknown kind")
            }
            columns.rowid.append(row.int64(0))
            row.withBytes(1) { columns.refs.append($0) }
            columns.kind.append(kind)
            row.withBytes(3) { columns.labels.append($0) }
            columns.area.append(row.text(4).flatMap { areaIndex[$0] } ?? -1)
            var flags: UInt8 = 0
            var riskText: String?
            switch Snapshot.entityKinds[Int(kind)] {
            case .child:
                if let text = row.text(5), let risk = RiskLevel(text) {
                    riskText = risk.description
                    flags |= Snapshot.Flags.riskRecorded
                    if risk.isAtRisk { flags |= Snapshot.Flags.atRisk }
                }
            case .adult:
                // `of_concern` defaults to true (FORMAT.md §1).
                if row.isNull(6) || row.int64(6) != 0 { flags |= Snapshot.Flags.ofConcern }
            case .operation:
                // Active when it says so, or when it gives neither a status nor a closing date.
                let status = row.text(7)
                if status == "active" || (status == nil && row.isNull(8)) { flags |= Snapshot.Flags.activeOperation }
            default:
                break
            }
            columns.risk.append(riskText)
            columns.flags.append(flags)
            columns.created.append(day(row, 9))
        }
        return columns
    }

    private static func loadLinks(_ reader: SnapshotReader, denseEntity: [Int32]) throws -> LinkColumns {
        var columns = LinkColumns()
        let kinds = Dictionary(uniqueKeysWithValues: LinkKind.allCases.enumerated().map { ($1.rawValue, UInt8($0)) })
        var lastKindBytes: [UInt8] = []
        var lastKind: UInt8 = 0
        try reader.scan("snapshot_links") { row in
            let from = dense(denseEntity, row.int64(1)), to = dense(denseEntity, row.int64(2))
            guard from >= 0, to >= 0 else { throw StoreError("query", "link \(row.int64(0)) names a missing entity") }
            // Links arrive in runs of one kind often enough that remembering the last one pays.
            let kind: UInt8? = row.withBytes(3) { bytes in
                if bytes.elementsEqual(lastKindBytes) { return lastKind }
                guard let kind = kinds[String(decoding: bytes, as: UTF8.self)] else { return nil }
                lastKindBytes = Array(bytes)
                lastKind = kind
                return kind
            }
            guard let kind else { throw StoreError("query", "link \(row.int64(0)) has an unknown kind") }
            columns.rowid.append(row.int64(0))
            columns.from.append(from)
            columns.to.append(to)
            columns.kind.append(kind)
            columns.first.append(day(row, 4))
            columns.last.append(day(row, 5))
            columns.created.append(day(row, 6))
        }
        return columns
    }

    private static func loadIntel(_ reader: SnapshotReader) throws -> IntelColumns {
        var columns = IntelColumns()
        try reader.scan("snapshot_intel") { row in
            columns.rowid.append(row.int64(0))
            row.withBytes(1) { columns.refs.append($0) }
            columns.date.append(day(row, 2))
            columns.source.append(UInt8(clamping: (Int(row.text(3) ?? "3") ?? 3)))
            let assessment = row.withBytes(4) { $0.first.map { Int($0) - Int(UInt8(ascii: "A")) } ?? 4 }
            columns.assessment.append(UInt8(clamping: min(max(assessment, 0), 4)))
            columns.handling.append(row.text(5) == "C" ? 1 : 0)
            columns.created.append(day(row, 6))
        }
        return columns
    }

    /// Group → member pairs (ordered by group) as CSR offsets and members.
    private static func loadPairs(_ reader: SnapshotReader, _ name: String, groups: Int, denseGroup: [Int32],
                                  denseMember: [Int32]) throws -> (offsets: [Int32], members: [Int32]) {
        var counts = Array(repeating: Int32(0), count: groups + 1)
        var pairs: [(Int32, Int32)] = []
        try reader.scan(name) { row in
            let group = dense(denseGroup, row.int64(0)), member = dense(denseMember, row.int64(1))
            guard group >= 0, member >= 0 else { return }
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

    private static func denseIndex(_ rowids: [Int64]) -> [Int32] {
        var index = Array(repeating: Int32(-1), count: Int((rowids.last ?? 0) + 1))
        for (position, rowid) in rowids.enumerated() { index[Int(rowid)] = Int32(position) }
        return index
    }

    @inline(__always)
    private static func dense(_ index: [Int32], _ rowid: Int64) -> Int32 {
        rowid >= 0 && rowid < index.count ? index[Int(rowid)] : -1
    }

    /// Column `column`'s leading `YYYY-MM-DD` as days since 1970-01-01, or ``Snapshot/noDate``.
    @inline(__always)
    private static func day(_ row: SnapshotRow, _ column: Int32) -> Int32 {
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
