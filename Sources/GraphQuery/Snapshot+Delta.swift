import GraphCore

extension Snapshot {
    /// This snapshot with `delta` applied, as a new snapshot that shares this one's memory
    /// (issue 22): new entities, links and reports are appended (``Column``), a changed link
    /// is removed and appended again, a changed entity's values are replaced, and every
    /// filter mask already computed is derived by deciding again only what changed. This
    /// snapshot stays as it was for the queries still reading it.
    ///
    /// - Returns: nil when the delta cannot be applied (a link whose end the snapshot does
    ///   not hold): the caller reads the whole graph instead.
    func applying(_ delta: SnapshotDelta) -> Snapshot? {
        var state = DeltaState(self)
        state.applyReports(delta)
        let changed = state.applyEntities(delta)
        guard let (removedLinks, addedLinks) = state.applyLinks(delta) else { return nil }
        state.applyProvenance(delta, changed: changed, addedLinks: addedLinks)
        state.applyRecords(delta, changed: changed)
        state.markConcern(changed)
        let next = Snapshot(version: delta.version, changeSeq: delta.changeSeq, areas: areas, entities: state.entities,
                            denseByRowid: state.denseByRowid, links: state.links, intel: state.intel, support: state.support,
                            about: state.about, marthr: state.marthr, adjacency: state.adjacency, removed: state.removed,
                            linkIndex: state.linkIndex, intelIndex: state.intelIndex, deltas: deltas + 1)
        let touched = removedLinks + addedLinks
        var derived: [QueryFilter: FilterMask] = [:]
        for (filter, mask) in masks.withLock({ $0 }) {
            derived[filter] = FilterMask(deriving: mask, next, filter, entities: changed, links: touched)
        }
        next.masks.withLock { $0 = derived }
        return next
    }

    /// This snapshot, holding data version `version`: nothing it holds changed (a notice, a
    /// setting moved the version), so the new one shares everything, masks included.
    func relabelled(version: Int64) -> Snapshot {
        let next = Snapshot(version: version, changeSeq: changeSeq, areas: areas, entities: entities, denseByRowid: denseByRowid,
                            links: links, intel: intel, support: supportGroups, about: aboutGroups, marthr: marthr,
                            adjacency: adjacency, removed: removed, linkIndex: linkIndex, intelIndex: intelIndex, deltas: deltas)
        let kept = masks.withLock { $0 }
        next.masks.withLock { $0 = kept }
        return next
    }
}
