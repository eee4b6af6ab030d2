import GraphCore

/// Each child's time at risk, from their record (issue 20): from the MACCSE case opened or
/// the first assessment or panel level that says the child is at risk, to the closure or
/// the assessment or panel level that says the risk has gone. A child with no such record
/// is at risk as their imported `risk` says, with no dates.
struct RiskPeriods: Sendable {
    /// One event of a child's record (queries/snapshot_risk_events.sql).
    struct Event: Sendable {
        let rowid: Int64
        /// The dense id, once entities are known.
        var child: Int32 = -1
        let day: Int32
        /// `open`, `level` or `closed`.
        let kind: String
        /// The level (`level`) or the closure (`closed`).
        let detail: String?
        /// The level recorded at closing.
        let closing: String?

        init(rowid: Int64, day: Int32, kind: String, detail: String?, closing: String?) {
            self.rowid = rowid
            self.day = day
            self.kind = kind
            self.detail = detail
            self.closing = closing
        }

        init(child: Int32, copying event: Event) {
            self = event
            self.child = child
        }

        /// Whether the event puts the child at risk (true), ends it (false), or neither (nil).
        var atRisk: Bool? {
            switch kind {
            case "open": return true
            case "level": return detail.flatMap(RiskLevel.init)?.isAtRisk
            case "closed":
                // Closed as the risk reduced, signposted, or at 18 (no longer a child): the
                // time at risk ends. Closed for other reasons (agencies could not engage, the
                // child moved), the risk has not gone unless the closing level says so.
                if let detail, ["risk_reduced", "signposted", "reached_18"].contains(detail) { return false }
                if let level = closing.flatMap(RiskLevel.init), !level.isAtRisk { return false }
                return nil
            default: return nil
            }
        }
    }

    /// Child → flat pairs `[from, until, from, until, ...]`, days since 1970, `until`
    /// exclusive (`Int32.max` while the child is still at risk).
    private var periods: [Int32: [Int32]]

    init() {
        periods = [:]
    }

    /// Folds each child's events (grouped by child, in date order) into periods, and marks
    /// each child with a record: ``Snapshot/Flags/riskHistory``, and at risk now or not.
    init(_ events: [Event], flags: inout Column<UInt8>) {
        periods = [:]
        var index = 0
        while index < events.count {
            let first = index
            while index < events.count, events[index].child == events[first].child { index += 1 }
            replace(events[first].child, events[first..<index], flags: &flags)
        }
    }

    /// Folds one child's events (in date order) into their periods, replacing what was
    /// kept, and marks the child as ``init(_:flags:)`` does; with no events, the child has
    /// no record and `flags` stay as the entity's row gave them.
    mutating func replace(_ child: Int32, _ events: ArraySlice<Event>, flags: inout Column<UInt8>) {
        guard !events.isEmpty else {
            periods[child] = nil
            flags[Int(child)] &= ~Snapshot.Flags.riskHistory
            return
        }
        var list: [Int32] = []
        var start: Int32?
        for event in events {
            switch event.atRisk {
            case true? where start == nil: start = event.day
            case false?:
                if let from = start { list += [from, event.day] }
                start = nil
            default: break
            }
        }
        if let from = start { list += [from, Int32.max] }
        periods[child] = list
        flags[Int(child)] |= Snapshot.Flags.riskHistory
        if start != nil { flags[Int(child)] |= Snapshot.Flags.atRisk } else { flags[Int(child)] &= ~Snapshot.Flags.atRisk }
    }

    /// Whether `child`'s record says they were at risk on `day`.
    func contains(_ child: Int32, day: Int32) -> Bool {
        guard let list = periods[child] else { return false }
        var index = 0
        while index < list.count {
            if list[index] <= day, day < list[index + 1] { return true }
            index += 2
        }
        return false
    }

    /// The periods of `child`, as (from, until) day pairs (until `nil` while still at risk).
    func of(_ child: Int32) -> [(from: Int32, until: Int32?)] {
        guard let list = periods[child] else { return [] }
        return stride(from: 0, to: list.count, by: 2).map { (list[$0], list[$0 + 1] == Int32.max ? nil : list[$0 + 1]) }
    }
}
