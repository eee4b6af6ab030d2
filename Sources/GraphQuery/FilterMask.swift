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
        let rules = Rules(snapshot, filter)
        asOfDay = rules.asOf
        var entities = Bitset(count: snapshot.entityCount, filled: false)
        for entity in 0..<snapshot.entityCount where rules.admits(entity: Int32(entity)) { entities.insert(entity) }
        var links = Bitset(count: snapshot.linkCount, filled: false)
        for link in 0..<snapshot.linkCount where rules.admits(link: Int32(link), entities: entities) { links.insert(link) }
        if !filter.includeHandlingCodeC {
            for entity in 0..<snapshot.entityCount
            where entities.contains(entity) && FilterMask.knownOnlyThroughWithheld(snapshot, Int32(entity), links: links) {
                entities.remove(entity)
            }
        }
        self.entities = entities
        self.links = links
    }

    /// The mask of `filter` for `snapshot`, made from `old` (the same filter's mask for the
    /// snapshot a delta was applied to) by deciding again only what the delta touched
    /// (issue 22): the changed entities, the links removed, added or incident to them, and
    /// those links' ends.
    init(deriving old: FilterMask, _ snapshot: Snapshot, _ filter: QueryFilter, entities changed: [Int32], links touched: [Int32]) {
        let rules = Rules(snapshot, filter)
        asOfDay = rules.asOf
        var entities = old.entities, links = old.links
        entities.grow(to: snapshot.entityCount)
        links.grow(to: snapshot.linkCount)
        var affected = Set(changed)
        var affectedLinks = Set(touched)
        for entity in changed {
            snapshot.adjacency.forEach(entity) { _, link in affectedLinks.insert(link) }
        }
        for link in affectedLinks {
            let (from, to) = snapshot.ends(link)
            affected.formUnion([from, to])
        }
        for entity in affected {
            if rules.admits(entity: entity) { entities.insert(Int(entity)) } else { entities.remove(Int(entity)) }
        }
        for link in affectedLinks {
            if rules.admits(link: link, entities: entities) { links.insert(Int(link)) } else { links.remove(Int(link)) }
        }
        if !filter.includeHandlingCodeC {
            for entity in affected
            where entities.contains(Int(entity)) && FilterMask.knownOnlyThroughWithheld(snapshot, entity, links: links) {
                entities.remove(Int(entity))
            }
        }
        self.entities = entities
        self.links = links
    }

    /// A filter's rules, made ready to apply to one entity or link at a time.
    private struct Rules {
        let snapshot: Snapshot
        let filter: QueryFilter
        let asOf: Int32
        let kindAllowed: [Bool]
        let linkKindAllowed: [Bool]
        let since: Int32?
        let until: Int32?

        init(_ snapshot: Snapshot, _ filter: QueryFilter) {
            self.snapshot = snapshot
            self.filter = filter
            asOf = filter.asOf.map { Int32($0.daysSinceEpoch) } ?? Int32.max
            kindAllowed = EntityKind.allCases.map { filter.entityKinds?.contains($0) ?? true }
            linkKindAllowed = LinkKind.allCases.map { filter.linkKinds?.contains($0) ?? true }
            since = filter.since.map { Int32($0.daysSinceEpoch) }
            until = filter.until.map { Int32($0.daysSinceEpoch) }
        }

        /// Whether the filter admits the entity itself (its links aside).
        @inline(__always)
        func admits(entity: Int32) -> Bool {
            let index = Int(entity)
            guard kindAllowed[Int(snapshot.entities.kind[index])], snapshot.entities.created[index] <= asOf else { return false }
            if !snapshot.removed.isEmpty, snapshot.removed.entities.contains(index) { return false }
            if let access = filter.visibleTo {
                let area = snapshot.area(of: entity)
                return access.admits(kind: snapshot.kind(entity), ref: snapshot.ref(entity), area: area?.code,
                                     force: area.map { snapshot.areas[$0.force].code })
            }
            return true
        }

        /// Whether the filter admits the link, given which entities it admits.
        @inline(__always)
        func admits(link: Int32, entities: Bitset) -> Bool {
            let index = Int(link)
            if !snapshot.removed.isEmpty, snapshot.removed.links.contains(index) { return false }
            return linkKindAllowed[Int(snapshot.links.kind[index])]
                && entities.contains(Int(snapshot.links.from[index])) && entities.contains(Int(snapshot.links.to[index]))
                && snapshot.links.created[index] <= asOf
                && FilterMask.overlaps(snapshot, index, since: since, until: until)
                && FilterMask.supportPasses(snapshot, link, filter, asOf: asOf)
        }
    }

    /// Whether only handling-code-C intelligence tells of the entity: it has reports about it
    /// or links, every report code C and no link left. A viewer who may not read code C must
    /// not learn of it, not even as the subject of a map they asked for.
    private static func knownOnlyThroughWithheld(_ snapshot: Snapshot, _ entity: Int32, links: Bitset) -> Bool {
        let about = snapshot.about(entity)
        var anyLink = false, anyPassing = false
        let removed = snapshot.removed
        snapshot.adjacency.forEach(entity) { _, link in
            if !removed.isEmpty, removed.links.contains(Int(link)) { return }
            anyLink = true
            if links.contains(Int(link)) { anyPassing = true }
        }
        guard !about.isEmpty || anyLink else { return false }
        if about.contains(where: { snapshot.intel.handling[Int($0)] == 0 }) { return false }
        return !anyPassing
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
