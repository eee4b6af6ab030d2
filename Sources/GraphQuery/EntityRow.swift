import GraphCore
import GraphStore

/// One row of snapshot_entities.sql (or snapshot_delta_entities.sql) as the snapshot keeps
/// it: the flags here are the row's own; the loader adds what the graph and the child's
/// record say (``SnapshotLoader``, ``Snapshot/applying(_:)``).
struct EntityRow {
    let rowid: Int64
    let kind: UInt8
    let area: Int32
    let risk: String?
    let flags: UInt8
    let created: Int32

    /// Reads the row's columns (id, ref, kind, label, area, risk, of_concern, operation
    /// status and closing, created_at, open case, place of concern).
    ///
    /// - Throws: ``StoreError`` for a kind the snapshot does not know.
    init(_ row: SnapshotRow, kinds: KindMatcher, areaIndex: [String: Int32]) throws {
        guard let kind = row.withBytes(2, kinds.match) else {
            throw StoreError("query", "entity \(row.int64(0)) has an unknown kind")
        }
        rowid = row.int64(0)
        self.kind = kind
        area = row.text(4).flatMap { areaIndex[$0] } ?? -1
        var flags: UInt8 = 0
        var riskText: String?
        switch Snapshot.entityKinds[Int(kind)] {
        case .child:
            if let text = row.text(5), let risk = RiskLevel(text) {
                riskText = risk.description
                flags |= Snapshot.Flags.riskRecorded
                if risk.isAtRisk { flags |= Snapshot.Flags.atRisk }
            }
            if !row.isNull(10), row.int64(10) != 0 { flags |= Snapshot.Flags.atRisk | Snapshot.Flags.onMACCSE }
        case .adult:
            // Of concern only where something records it (issue 20; the loader adds what the
            // graph records).
            if !row.isNull(6), row.int64(6) != 0 { flags |= Snapshot.Flags.ofConcern }
        case .location:
            if !row.isNull(11), row.int64(11) != 0 { flags |= Snapshot.Flags.placeFlagged }
        case .operation:
            // Active when it says so, or when it gives neither a status nor a closing date.
            let status = row.text(7)
            if status == "active" || (status == nil && row.isNull(8)) { flags |= Snapshot.Flags.activeOperation }
        default:
            break
        }
        risk = riskText
        self.flags = flags
        created = SnapshotLoader.day(row, 9)
    }
}
