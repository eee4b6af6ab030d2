/// Breadth-first traversals over a filtered view.
extension GraphView {
    /// The entities within `hops` links of `root` (root first, at 0), in breadth-first
    /// order, with their distances. Stops adding entities after `limit`. An entity the
    /// view's filter leaves out (``QueryFilter/visibleTo``) is neither reached nor gone through.
    public func neighbourhood(of root: Int32, hops: Int, limit: Int = .max) -> (entities: [Int32], hops: [Int32], truncated: Bool) {
        snapshot.withScratch { scratch in
            var order: [Int32] = [root]
            var distances: [Int32] = [0]
            scratch.visit(root, distance: 0)
            var head = 0
            var truncated = false
            let adjacency = snapshot.adjacency
            let neighbours = adjacency.neighbours, links = adjacency.links
            let linkMask = mask.links
            outer: while head < order.count {
                let entity = order[head]
                let depth = distances[head]
                head += 1
                if depth >= hops { break }
                // The links as read, then those a write added since (issue 22).
                let range = adjacency.range(entity), added = adjacency.added(entity) ?? []
                for index in 0..<(range.count + added.count / 2) {
                    let extra = 2 * (index - range.count)
                    let link = index < range.count ? links[range.lowerBound + index] : added[extra + 1]
                    guard linkMask.contains(Int(link)) else { continue }
                    let neighbour = index < range.count ? neighbours[range.lowerBound + index] : added[extra]
                    if scratch.visited(neighbour) { continue }
                    if order.count >= limit { truncated = true; break outer }
                    scratch.visit(neighbour, distance: depth + 1)
                    order.append(neighbour)
                    distances.append(depth + 1)
                }
            }
            return (order, distances, truncated)
        }
    }

    /// The connected network containing `root` under the filter, in breadth-first order.
    public func component(of root: Int32, limit: Int = .max) -> (entities: [Int32], truncated: Bool) {
        let result = neighbourhood(of: root, hops: .max, limit: limit)
        return (result.entities, result.truncated)
    }

    /// The passing links with both ends in `entities`, in link order.
    public func links(among entities: [Int32]) -> [Int32] {
        var members = Set<Int32>(minimumCapacity: entities.count)
        members.formUnion(entities)
        var found: [Int32] = []
        for entity in entities {
            forEachNeighbour(entity) { neighbour, link in
                // Each link is seen from both ends; keep it once, from its `from` end.
                if members.contains(neighbour), snapshot.links.from[Int(link)] == entity { found.append(link) }
            }
        }
        found.sort()
        return found
    }

    /// The connected components of the whole view (entities that pass), largest first.
    public func components() -> [[Int32]] {
        var seen = Bitset(count: snapshot.entityCount, filled: false)
        var result: [[Int32]] = []
        for start in 0..<Int32(snapshot.entityCount) where includes(entity: start) && !seen.contains(Int(start)) {
            var members: [Int32] = [start]
            seen.insert(Int(start))
            var head = 0
            while head < members.count {
                let entity = members[head]
                head += 1
                forEachNeighbour(entity) { neighbour, _ in
                    if !seen.contains(Int(neighbour)) { seen.insert(Int(neighbour)); members.append(neighbour) }
                }
            }
            result.append(members)
        }
        return result.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}
