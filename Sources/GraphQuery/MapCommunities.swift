import GraphCore

/// The communities of a drawn map, for collapsing each into one node on the map page
/// (issue 21): Leiden on the map's own entities and links (fixed seed, so the same map
/// groups the same way each time it is drawn).
public enum MapCommunities {
    /// Each entity's community as a group (`community:1` is the largest); entities with no
    /// link on the map belong to none.
    public static func of(_ map: MapGraph) -> [String: MapGraph.Group] {
        let graph = SimpleGraph(map)
        guard graph.edgeCount > 0 else { return [:] }
        let membership = Leiden(graph).membership
        var groups: [String: MapGraph.Group] = [:]
        for (index, node) in map.nodes.enumerated() where graph.degree(index) > 0 {
            let number = Int(membership[index]) + 1
            groups[node.id] = MapGraph.Group(id: "community:\(number)", label: "in community \(number)")
        }
        return groups
    }
}

extension SimpleGraph {
    /// The simple graph of a map's entities (local id = index in `map.nodes`) and links.
    init(_ map: MapGraph) {
        var index: [String: Int32] = [:]
        for (position, node) in map.nodes.enumerated() { index[node.id] = Int32(position) }
        var rows = [[Int32]](repeating: [], count: map.nodes.count)
        for edge in map.edges {
            guard let from = index[edge.from], let to = index[edge.to], from != to else { continue }
            rows[Int(from)].append(to)
            rows[Int(to)].append(from)
        }
        var offsets: [Int32] = [0]
        var targets: [Int32] = []
        for row in rows {
            targets += Set(row).sorted()
            offsets.append(Int32(targets.count))
        }
        self.entities = (0..<Int32(map.nodes.count)).map { $0 }
        self.offsets = offsets
        self.targets = targets
    }
}
