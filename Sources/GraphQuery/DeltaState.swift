import GraphCore

/// A snapshot's parts while a delta is applied to them (``Snapshot/applying(_:)``): copies
/// of the column structs, which share memory with the snapshot's until a value changes.
struct DeltaState {
    var entities: EntityColumns
    var denseByRowid: Column<Int32>
    var links: LinkColumns
    var intel: IntelColumns
    var support: Groups
    var about: Groups
    var marthr: MarthrFacts
    var adjacency: Adjacency
    var removed: Removed
    var linkIndex: RowIndex
    var intelIndex: RowIndex

    init(_ snapshot: Snapshot) {
        entities = snapshot.entities
        denseByRowid = snapshot.denseByRowid
        links = snapshot.links
        intel = snapshot.intel
        support = snapshot.supportGroups
        about = snapshot.aboutGroups
        marthr = snapshot.marthr
        adjacency = snapshot.adjacency
        removed = snapshot.removed
        linkIndex = snapshot.linkIndex
        intelIndex = snapshot.intelIndex
    }

    /// The dense id of the entity with database id `rowid`, if held and not removed.
    func entity(_ rowid: Int64) -> Int32? {
        guard rowid >= 0, rowid < Int64(denseByRowid.count) else { return nil }
        let dense = denseByRowid[Int(rowid)]
        return dense < 0 ? nil : dense
    }

    /// Reports: a changed one is updated in place, a new one appended. A deleted report
    /// stays, unreferenced: the links and entities it touched were read again without it.
    mutating func applyReports(_ delta: SnapshotDelta) {
        let rows = delta.intel
        for row in 0..<rows.rowid.count {
            let rowid = rows.rowid[row]
            if let report = intelIndex.dense(rowid, in: intel.rowid) {
                let index = Int(report)
                DeltaState.update(&intel.date, index, rows.date[row])
                DeltaState.update(&intel.created, index, rows.created[row])
                DeltaState.update(&intel.source, index, rows.source[row])
                DeltaState.update(&intel.assessment, index, rows.assessment[row])
                DeltaState.update(&intel.handling, index, rows.handling[row])
                if intel.refs[index] != rows.refs[row] { intel.refs.replace(index, with: rows.refs[row]) }
            } else {
                intelIndex.set(rowid, Int32(intel.rowid.count))
                intel.rowid.append(rowid)
                intel.refs.append(rows.refs[row])
                intel.date.append(rows.date[row])
                intel.created.append(rows.created[row])
                intel.source.append(rows.source[row])
                intel.assessment.append(rows.assessment[row])
                intel.handling.append(rows.handling[row])
            }
        }
    }

    /// Entities: a changed one takes its row's values (flags as the row gives them; the
    /// record and the graph add theirs later), a new one is appended, a deleted one removed.
    ///
    /// - Returns: the dense ids of every entity the delta names (removed ones included).
    mutating func applyEntities(_ delta: SnapshotDelta) -> [Int32] {
        let rows = delta.entities
        var present: [Int64: Int] = [:]
        for row in 0..<rows.rowid.count { present[rows.rowid[row]] = row }
        var changed: [Int32] = []
        for rowid in delta.entityIds {
            let existing = entity(rowid)
            guard let row = present[rowid] else {
                if let existing {
                    removed.remove(entity: existing)
                    denseByRowid[Int(rowid)] = -1
                    changed.append(existing)
                }
                continue
            }
            let dense = existing ?? append(rowid, rows, row)
            let index = Int(dense)
            DeltaState.update(&entities.kind, index, rows.kind[row])
            DeltaState.update(&entities.area, index, rows.area[row])
            DeltaState.update(&entities.created, index, rows.created[row])
            DeltaState.update(&entities.risk, index, rows.risk[row])
            DeltaState.update(&entities.flags, index, rows.flags[row])
            if entities.refs[index] != rows.refs[row] { entities.refs.replace(index, with: rows.refs[row]) }
            if entities.labels[index] != rows.labels[row] { entities.labels.replace(index, with: rows.labels[row]) }
            changed.append(dense)
        }
        removed.grow(entities: entities.rowid.count, links: links.rowid.count)
        return changed
    }

    /// Sets `column[index]` to `value` only where it differs: a column the snapshot shares is
    /// copied on its first change, so an unchanged value must not count as one.
    private static func update<Element: Equatable>(_ column: inout Column<Element>, _ index: Int, _ value: Element) {
        if column[index] != value { column[index] = value }
    }

    /// Appends entity row `row` and returns its dense id.
    private mutating func append(_ rowid: Int64, _ rows: EntityColumns, _ row: Int) -> Int32 {
        let dense = Int32(entities.rowid.count)
        entities.rowid.append(rowid)
        entities.kind.append(rows.kind[row])
        entities.area.append(rows.area[row])
        entities.created.append(rows.created[row])
        entities.risk.append(rows.risk[row])
        entities.flags.append(rows.flags[row])
        entities.refs.append(rows.refs[row])
        entities.labels.append(rows.labels[row])
        if rowid >= Int64(denseByRowid.count) {
            denseByRowid.append(contentsOf: repeatElement(-1, count: Int(rowid) - denseByRowid.count))
            denseByRowid.append(dense)
        } else {
            denseByRowid[Int(rowid)] = dense
        }
        return dense
    }

    /// Links: a changed link's old copy is removed and, unless deleted, the new one appended
    /// (with its provenance) and added to its ends' adjacency.
    ///
    /// - Returns: the removed and the appended dense ids, or nil when a link names an entity
    ///   the snapshot does not hold.
    mutating func applyLinks(_ delta: SnapshotDelta) -> (removed: [Int32], added: [Int32])? {
        let rows = delta.links
        var present: [Int64: Int] = [:]
        for row in 0..<rows.rowid.count { present[rows.rowid[row]] = row }
        var removedLinks: [Int32] = [], addedLinks: [Int32] = []
        for rowid in delta.linkIds {
            if let old = linkIndex.dense(rowid, in: links.rowid), !removed.links.contains(Int(old)) {
                removed.remove(link: old)
                marthr.concernReports[old] = nil
                removedLinks.append(old)
            }
            guard let row = present[rowid] else { continue }
            guard let from = entity(rows.rawFrom[row]), let to = entity(rows.rawTo[row]) else { return nil }
            let link = Int32(links.rowid.count)
            links.rowid.append(rowid)
            links.from.append(from)
            links.to.append(to)
            links.kind.append(rows.kind[row])
            links.first.append(rows.first[row])
            links.last.append(rows.last[row])
            links.created.append(rows.created[row])
            adjacency.add(link: link, from: from, to: to)
            linkIndex.set(rowid, link)
            addedLinks.append(link)
        }
        removed.grow(entities: entities.rowid.count, links: links.rowid.count)
        return (removedLinks, addedLinks)
    }

    /// The reports supporting each appended link (and the concerns they record), and the
    /// reports about each changed entity (and the harm they suggest).
    mutating func applyProvenance(_ delta: SnapshotDelta, changed: [Int32], addedLinks: [Int32]) {
        let support = grouped(delta.support), about = grouped(delta.about)
        for link in addedLinks {
            let rowid = links.rowid[Int(link)]
            self.support.set(link, support.all[rowid] ?? [])
            if let concern = support.marked[rowid] { marthr.concernReports[link] = concern }
        }
        for entity in changed {
            let rowid = entities.rowid[Int(entity)]
            self.about.set(entity, about.all[rowid] ?? [])
            marthr.harm.set(entity, about.marked[rowid] ?? [])
        }
    }

    /// Report ties by owner's database id, as dense report ids: all, and the marked ones.
    private func grouped(_ ties: [SnapshotDelta.ReportTie]) -> (all: [Int64: [Int32]], marked: [Int64: [Int32]]) {
        var all: [Int64: [Int32]] = [:], marked: [Int64: [Int32]] = [:]
        for tie in ties {
            guard let report = intelIndex.dense(tie.intel, in: intel.rowid) else { continue }
            all[tie.owner, default: []].append(report)
            if tie.marked { marked[tie.owner, default: []].append(report) }
        }
        return (all, marked)
    }

    /// Each changed child's time at risk, from their record's events.
    mutating func applyRecords(_ delta: SnapshotDelta, changed: [Int32]) {
        var events: [Int64: [RiskPeriods.Event]] = [:]
        for event in delta.riskEvents { events[event.rowid, default: []].append(event) }
        for child in changed where Snapshot.entityKinds[Int(entities.kind[Int(child)])] == .child {
            let list = (events[entities.rowid[Int(child)]] ?? []).map { RiskPeriods.Event(child: child, copying: $0) }
            marthr.riskPeriods.replace(child, list[...], flags: &entities.flags)
        }
    }

    /// Adults of concern through the graph, for the changed entities (the loader's rule,
    /// ``SnapshotLoader``): intelligence every role may read suggesting harm from them, a
    /// link such intelligence records as a concern, or an active operation they are the
    /// subject of.
    mutating func markConcern(_ changed: [Int32]) {
        let adult = UInt8(Snapshot.entityKinds.firstIndex(of: .adult)!)
        let subjectOf = UInt8(Snapshot.linkKinds.firstIndex(of: .subjectOf)!)
        for entity in changed where entities.kind[Int(entity)] == adult && entities.flags[Int(entity)] & Snapshot.Flags.ofConcern == 0 {
            var concern = marthr.harm[entity].contains { intel.handling[Int($0)] == 0 }
            adjacency.forEach(entity) { other, link in
                guard !concern, !removed.links.contains(Int(link)) else { return }
                if (marthr.concernReports[link] ?? []).contains(where: { intel.handling[Int($0)] == 0 }) { concern = true }
                if links.kind[Int(link)] == subjectOf, links.from[Int(link)] == entity,
                   entities.flags[Int(other)] & Snapshot.Flags.activeOperation != 0 {
                    concern = true
                }
            }
            if concern { entities.flags[Int(entity)] |= Snapshot.Flags.ofConcern }
        }
    }
}
