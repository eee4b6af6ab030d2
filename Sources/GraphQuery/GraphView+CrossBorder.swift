import GraphCore

/// Cross-border links: links whose two ends lie in different local authorities
/// (`cross_authority`) or different police forces (`cross_force`), and whom to tell.
///
/// An entity's authority and force come from its `area`: a local authority gives both, a
/// force gives the force only. An entity with no area is on no side of a border. Seed 003
/// asks that the MASH of the other authority and its force's CE police lead be contacted,
/// so every other area touched is listed with the reasons, in words.
extension GraphView {
    /// The label for a link between entities in `a` and `b`, or nil when it crosses nothing
    /// that can be told (same authority, or a force and an authority within it).
    func borderLabel(_ a: SnapshotArea, _ b: SnapshotArea) -> String? {
        if a.force != b.force { return "cross_force" }
        if !a.isForce && !b.isForce && a.code != b.code { return "cross_authority" }
        return nil
    }

    /// The cross-border links of the whole view, or, with a root, among the entities within
    /// `hops` links of it; and the areas to notify (all but the root's own authority).
    public func crossBorder(root: Int32?, hops: Int, maxReasons: Int = 20)
        -> (links: [CrossBorderLink], notify: [Notification], entities: [Int32]) {
        var candidates: [Int32]
        var walks: [Int32: [Int32]] = [:]
        if let root {
            let ball = neighbourhood(of: root, hops: hops)
            candidates = links(among: ball.entities)
            walks = self.walks(from: root, order: ball.entities, hops: ball.hops)
        } else {
            candidates = (0..<Int32(snapshot.linkCount)).filter { includes(link: $0) }
        }
        var found: [CrossBorderLink] = []
        for link in candidates {
            let (from, to) = snapshot.ends(link)
            guard let a = snapshot.area(of: from), let b = snapshot.area(of: to), let label = borderLabel(a, b) else { continue }
            found.append(CrossBorderLink(link: link, label: label, fromArea: a, toArea: b))
        }
        let home = root.flatMap { snapshot.area(of: $0) }
        var notify: [String: Notification] = [:]
        for crossing in found {
            let (from, to) = snapshot.ends(crossing.link)
            for (entity, area) in [(from, crossing.fromArea), (to, crossing.toArea)] where area.code != home?.code {
                let reason: String
                if let walk = walks[entity] {
                    reason = words(walk: walk)
                } else {
                    reason = words(walk: [from, to])
                }
                var entry = notify[area.code] ?? Notification(area: area, force: snapshot.areas[area.force], reasons: [])
                if entry.reasons.count < maxReasons, !entry.reasons.contains(reason) { entry.reasons.append(reason) }
                notify[area.code] = entry
            }
        }
        var entities = Set<Int32>()
        for crossing in found { let (a, b) = snapshot.ends(crossing.link); entities.insert(a); entities.insert(b) }
        return (found, notify.values.sorted { $0.area.code < $1.area.code }, entities.sorted())
    }

    /// For each entity of a breadth-first `order` from `root`, the walk from the root to it
    /// along the first links found.
    func walks(from root: Int32, order: [Int32], hops: [Int32]) -> [Int32: [Int32]] {
        var depth: [Int32: Int32] = [:]
        for (entity, distance) in zip(order, hops) { depth[entity] = distance }
        var walks: [Int32: [Int32]] = [root: [root]]
        for entity in order where entity != root {
            let target = depth[entity]! - 1
            var parent: Int32?
            forEachNeighbour(entity) { neighbour, _ in
                if parent == nil || neighbour < parent!, depth[neighbour] == target { parent = neighbour }
            }
            if let parent, let walk = walks[parent] { walks[entity] = walk + [entity] }
        }
        return walks
    }
}
