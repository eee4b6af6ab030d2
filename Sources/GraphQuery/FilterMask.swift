import GraphCore

/// Which entities and links pass a ``QueryFilter`` in one snapshot, one bit each.
///
/// Computing a mask reads every link once (tens of milliseconds at 5M links); the snapshot
/// keeps the masks it has computed, so repeated queries with the same filter pay nothing.
final class FilterMask: Sendable {
    let entities: Bitset
    let links: Bitset
    /// The as-of date as a day number (`Int32.max` when none): reports and records created
    /// after it do not count.
    let asOfDay: Int32
    /// MARTHR's connector index for this filter, built on first use.
    let connectorIndex = Locked<ConnectorIndex?>(nil)

    init(_ snapshot: Snapshot, _ filter: QueryFilter) {
        let asOf = filter.asOf.map { Int32($0.daysSinceEpoch) } ?? Int32.max
        asOfDay = asOf
        var entities = Bitset(count: snapshot.entityCount, filled: true)
        let kindAllowed = EntityKind.allCases.map { filter.entityKinds?.contains($0) ?? true }
        for entity in 0..<snapshot.entityCount
        where !kindAllowed[Int(snapshot.entities.kind[entity])] || snapshot.entities.created[entity] > asOf {
            entities.remove(entity)
        }
        if let access = filter.visibleTo {
            for entity in 0..<snapshot.entityCount {
                let dense = Int32(entity), area = snapshot.area(of: dense)
                if !access.admits(kind: snapshot.kind(dense), ref: snapshot.ref(dense), area: area?.code,
                                  force: area.map { snapshot.areas[$0.force].code }) {
                    entities.remove(entity)
                }
            }
        }
        var links = Bitset(count: snapshot.linkCount, filled: true)
        let linkKindAllowed = LinkKind.allCases.map { filter.linkKinds?.contains($0) ?? true }
        let since = filter.since.map { Int32($0.daysSinceEpoch) }
        let until = filter.until.map { Int32($0.daysSinceEpoch) }
        for link in 0..<snapshot.linkCount {
            let keep = linkKindAllowed[Int(snapshot.links.kind[link])]
                && entities.contains(Int(snapshot.links.from[link])) && entities.contains(Int(snapshot.links.to[link]))
                && snapshot.links.created[link] <= asOf
                && FilterMask.overlaps(snapshot, link, since: since, until: until)
                && FilterMask.supportPasses(snapshot, Int32(link), filter, asOf: asOf)
            if !keep { links.remove(link) }
        }
        if !filter.includeHandlingCodeC { FilterMask.removeKnownOnlyThroughWithheld(snapshot, &entities, links: links) }
        self.entities = entities
        self.links = links
    }

    /// Takes out every entity that handling-code-C intelligence alone tells of: one with
    /// reports about it or links, every report code C and no link left. A viewer who may not
    /// read code C must not learn of it, not even as the subject of a map they asked for.
    private static func removeKnownOnlyThroughWithheld(_ snapshot: Snapshot, _ entities: inout Bitset, links: Bitset) {
        let offsets = snapshot.adjacencyOffsets, incident = snapshot.adjacencyLink
        for entity in 0..<snapshot.entityCount where entities.contains(entity) {
            let about = snapshot.about(Int32(entity))
            let edges = Int(offsets[entity])..<Int(offsets[entity + 1])
            guard !about.isEmpty || !edges.isEmpty else { continue }
            if about.contains(where: { snapshot.intel.handling[Int($0)] == 0 }) { continue }
            if edges.contains(where: { links.contains(Int(incident[$0])) }) { continue }
            entities.remove(entity)
        }
    }

    /// Whether a link's seen dates overlap [since, until]. A link with one date is seen on
    /// that day; an undated link is left out when either bound is given.
    private static func overlaps(_ snapshot: Snapshot, _ link: Int, since: Int32?, until: Int32?) -> Bool {
        if since == nil && until == nil { return true }
        var first = snapshot.links.first[link], last = snapshot.links.last[link]
        if first == Snapshot.noDate { first = last }
        if last == Snapshot.noDate { last = first }
        if first == Snapshot.noDate { return false }
        if let since, last < since { return false }
        if let until, first > until { return false }
        return true
    }

    /// The grading rules of ``QueryFilter`` applied to one link's supporting reports.
    static func supportPasses(_ snapshot: Snapshot, _ link: Int32, _ filter: QueryFilter, asOf: Int32) -> Bool {
        var considered = false, anyNotE = false, anyMeetsMinimum = false, withheld = false
        let minimum = filter.minimumGrade
        for intel in snapshot.support(link) {
            let index = Int(intel)
            if snapshot.intel.created[index] > asOf { continue }
            if !filter.includeHandlingCodeC && snapshot.intel.handling[index] == 1 {
                withheld = true
                continue
            }
            considered = true
            let assessment = snapshot.intel.assessment[index]
            if assessment < 4 { anyNotE = true }
            if let minimum, minimum.admits(source: snapshot.intel.source[index], assessment: assessment) { anyMeetsMinimum = true }
        }
        if minimum != nil { return anyMeetsMinimum }
        // A link that rests only on handling-code-C reports is withheld with them, not
        // shown as if it were ungraded.
        if withheld && !considered { return false }
        if considered && !anyNotE && !filter.includeSuspectedFalse { return false }
        return true
    }
}

extension Snapshot {
    /// The mask for `filter`, computed once per snapshot and filter.
    func mask(for filter: QueryFilter) -> FilterMask {
        if let mask = masks.withLock({ $0[filter] }) { return mask }
        let mask = FilterMask(self, filter)
        masks.withLock { cache in
            if cache.count >= 16 { cache.removeAll() }
            cache[filter] = mask
        }
        return mask
    }

    /// The snapshot seen through `filter`.
    public func view(_ filter: QueryFilter = QueryFilter()) -> GraphView {
        GraphView(snapshot: self, mask: mask(for: filter), filter: filter)
    }
}
