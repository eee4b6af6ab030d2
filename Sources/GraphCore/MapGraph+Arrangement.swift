extension MapGraph {
    /// A group entities may be collapsed into: an area or a community of the map.
    public struct Group: Sendable, Hashable {
        /// `area:E08000012`, `community:3`.
        public var id: String
        /// `in Liverpool`, `community 3`.
        public var label: String
        /// The area the group lies in, so that it is drawn inside the area's box.
        public var area: Area?

        public init(id: String, label: String, area: Area? = nil) {
            self.id = id
            self.label = label
            self.area = area
        }
    }

    /// The map arranged as the viewer asked: hidden entities left off, pinned ones marked,
    /// groups collapsed (communities from `communities`, node id to group, when grouping by
    /// community). Ids the map does not hold change nothing.
    public func arranged(_ arrangement: MapArrangement, communities: () -> [String: Group]) -> MapGraph {
        var map = hiding(Set(arrangement.hidden)).pinning(Set(arrangement.pinned))
        switch arrangement.grouping {
        case .none: break
        case .area: map = map.collapsing(map.areaGroups(), opened: Set(arrangement.opened))
        case .community: map = map.collapsing(communities(), opened: Set(arrangement.opened))
        }
        return map
    }

    /// The map without the entities `ids` names (never its subject) and their links.
    public func hiding(_ ids: Set<String>) -> MapGraph {
        let gone = Set(nodes.filter { ids.contains($0.id) && !$0.isSubject }.map(\.id))
        guard !gone.isEmpty else { return self }
        return MapGraph(title: title, nodes: nodes.filter { !gone.contains($0.id) },
                        edges: edges.filter { !gone.contains($0.from) && !gone.contains($0.to) })
    }

    /// The map with the entities `ids` names marked pinned.
    public func pinning(_ ids: Set<String>) -> MapGraph {
        var map = self
        for index in map.nodes.indices where ids.contains(map.nodes[index].id) { map.nodes[index].isPinned = true }
        return map
    }

    /// Each entity's authority (or force) as a group.
    public func areaGroups() -> [String: Group] {
        var groups: [String: Group] = [:]
        for node in nodes {
            guard let area = node.area else { continue }
            groups[node.id] = Group(id: "area:" + area.code, label: "in " + area.name, area: area)
        }
        return groups
    }

    /// The map with each group of two or more entities drawn as one node, its links to the
    /// same entity drawn as one. The subject, pinned entities, entities with a notice in
    /// force and groups in `opened` stay as they are.
    public func collapsing(_ groups: [String: Group], opened: Set<String>) -> MapGraph {
        func stays(_ node: Node) -> Bool {
            node.isSubject || node.isPinned || !node.notices.isEmpty || node.members > 0
                || groups[node.id].map { opened.contains($0.id) } ?? true
        }
        let candidates = Dictionary(grouping: nodes.filter { !stays($0) }, by: { groups[$0.id]! })
        let collapsed = candidates.filter { $0.value.count >= 2 }
        guard !collapsed.isEmpty else { return self }
        var into: [String: String] = [:]
        for (group, members) in collapsed { for member in members { into[member.id] = group.id } }

        var result = nodes.filter { into[$0.id] == nil }
        for group in collapsed.keys.sorted(by: { $0.id < $1.id }) {
            let members = collapsed[group]!
            let kinds = Dictionary(grouping: members, by: \.kind)
            let words = EntityKind.allCases.compactMap { kind in kinds[kind].map { kind.counted($0.count) } }
            var node = Node(id: group.id, kind: kinds.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key,
                            label: "\(members.count) \(group.label)\n" + words.joined(separator: ", "),
                            area: group.area, isNew: members.contains(where: \.isNew))
            node.members = members.count
            result.append(node)
        }

        var merged: [String: Edge] = [:]
        var order: [String] = []
        for edge in edges {
            let from = into[edge.from] ?? edge.from, to = into[edge.to] ?? edge.to
            guard from != to else { continue }
            guard into[edge.from] != nil || into[edge.to] != nil else {
                order.append("#\(order.count)")
                merged[order.last!] = edge
                continue
            }
            let key = from < to ? "\(from)\u{0}\(to)" : "\(to)\u{0}\(from)"
            guard var kept = merged[key] else {
                var first = edge
                first.from = from
                first.to = to
                merged[key] = first
                order.append(key)
                continue
            }
            kept.count += edge.count
            if kept.kind != edge.kind { kept.kind = "links" }
            kept.firstSeen = [kept.firstSeen, edge.firstSeen].compactMap { $0 }.min()
            kept.lastSeen = [kept.lastSeen, edge.lastSeen].compactMap { $0 }.max()
            for report in edge.reports where !kept.reports.contains(where: { $0.id == report.id }) { kept.reports.append(report) }
            kept.inferred = kept.inferred && edge.inferred
            kept.isNew = kept.isNew || edge.isNew
            merged[key] = kept
        }
        return MapGraph(title: title, nodes: result, edges: order.map { merged[$0]! })
    }
}
