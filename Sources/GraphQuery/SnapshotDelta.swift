import GraphCore
import GraphStore

/// The store's changes since a snapshot's change log row, with the rows they touch as they
/// are now, read in one transaction (issue 22): what ``Snapshot/applying(_:)`` needs to
/// bring the snapshot up to date without reading the whole graph.
struct SnapshotDelta: Sendable {
    /// What reading the changes found.
    enum Outcome: Sendable {
        /// Changes to apply.
        case changes(SnapshotDelta)
        /// Nothing the snapshot holds changed, though the data version moved (a notice, a
        /// setting): the snapshot holds version `version` as it is.
        case unchanged(version: Int64, changeSeq: Int64)
        /// The whole graph must be read again: areas changed, a bulk import wrote, the
        /// changes are too many, or the log no longer reaches back to the snapshot.
        case fullRead(reason: String)
    }

    let version: Int64
    let changeSeq: Int64
    /// Database ids of the entities whose rows, reports, flags or record changed, and of
    /// every entity whose flags may follow a changed link (its ends).
    let entityIds: [Int64]
    /// Database ids of the changed links (a link no longer in ``links`` was deleted).
    let linkIds: [Int64]
    /// Changed reports' database ids.
    let intelIds: [Int64]
    /// The rows as they are now (ids missing from them were deleted).
    let entities: EntityColumns
    let links: LinkColumns
    let intel: IntelColumns
    /// A report's tie to a link (supporting it; `marked`: recording a concern about it) or to
    /// an entity (about it; `marked`: suggesting harm from it), by database ids.
    struct ReportTie: Sendable {
        let owner: Int64
        let intel: Int64
        let marked: Bool
    }

    /// The reports supporting the changed links.
    let support: [ReportTie]
    /// The reports about the changed entities.
    let about: [ReportTie]
    /// The changed children's record events, grouped by child.
    let riskEvents: [RiskPeriods.Event]

    /// More changes than this and a full read is quicker than applying them.
    static let maximumChanges = 20_000

    /// Reads the changes after `snapshot`'s.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read.
    static func read(from store: Store, after snapshot: Snapshot) throws -> Outcome {
        try store.readSnapshot { reader in
            let version = try reader.version()
            var entityIds = Set<Int64>(), linkIds = Set<Int64>(), intelIds = Set<Int64>()
            var last = snapshot.changeSeq, count = 0
            var whole: String?
            try reader.scan("snapshot_changes", integers: ["since": snapshot.changeSeq, "limit": Int64(maximumChanges + 1)]) { row in
                count += 1
                last = row.int64(0)
                if snapshot.changeSeq > 0, row.int64(3) > snapshot.changeSeq + 1 { whole = "the change log no longer reaches back" }
                switch row.text(1) {
                case "entity": entityIds.insert(row.int64(2))
                case "link": linkIds.insert(row.int64(2))
                case "intel": intelIds.insert(row.int64(2))
                default: whole = "areas changed or a bulk import wrote"
                }
            }
            if let whole { return .fullRead(reason: whole) }
            if count > maximumChanges { return .fullRead(reason: "more than \(maximumChanges) changes") }
            if count == 0 { return .unchanged(version: version, changeSeq: snapshot.changeSeq) }
            // A report's grading and handling code decide the masks of the links it supports and
            // the flags of the entities it is about.
            if !intelIds.isEmpty {
                try reader.scan("snapshot_delta_touched", ids: intelIds.sorted()) { row in
                    if row.text(0) == "link" { linkIds.insert(row.int64(1)) } else { entityIds.insert(row.int64(1)) }
                }
            }
            let links = try SnapshotLoader.loadLinks(reader, ids: linkIds.sorted())
            // A link's ends, before and after, may be of concern through it.
            for index in 0..<links.rowid.count { entityIds.formUnion([links.rawFrom[index], links.rawTo[index]]) }
            for rowid in linkIds {
                guard let link = snapshot.link(rowid: rowid) else { continue }
                let (from, to) = snapshot.ends(link)
                entityIds.formUnion([snapshot.entities.rowid[Int(from)], snapshot.entities.rowid[Int(to)]])
            }
            // An operation's subjects are of concern while it is active.
            for rowid in entityIds {
                guard let operation = snapshot.entity(rowid: rowid), snapshot.kind(operation) == .operation else { continue }
                snapshot.adjacency.forEach(operation) { subject, link in
                    if snapshot.linkKind(link) == .subjectOf { entityIds.insert(snapshot.entities.rowid[Int(subject)]) }
                }
            }
            let areaIndex = Dictionary(uniqueKeysWithValues: snapshot.areas.enumerated().map { ($1.code, Int32($0)) })
            let entityList = entityIds.sorted(), linkList = linkIds.sorted()
            func ties(_ name: String, _ ids: [Int64]) throws -> [ReportTie] {
                var ties: [ReportTie] = []
                try reader.scan(name, ids: ids) { row in ties.append(ReportTie(owner: row.int64(0), intel: row.int64(1), marked: row.int64(2) != 0)) }
                return ties
            }
            let support = try ties("snapshot_delta_support", linkList), about = try ties("snapshot_delta_about", entityList)
            // Reports the snapshot has not seen yet come with them.
            for rowid in support.map(\.intel) + about.map(\.intel) where snapshot.report(rowid: rowid) == nil {
                intelIds.insert(rowid)
            }
            return .changes(SnapshotDelta(
                version: version, changeSeq: last, entityIds: entityList, linkIds: linkList, intelIds: intelIds.sorted(),
                entities: try SnapshotLoader.loadEntities(reader, areaIndex: areaIndex, ids: entityList),
                links: links, intel: try SnapshotLoader.loadIntel(reader, ids: intelIds.sorted()),
                support: support, about: about, riskEvents: try SnapshotLoader.loadRiskEvents(reader, ids: entityList)))
        }
    }
}
