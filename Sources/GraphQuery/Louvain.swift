import GraphCore

/// Louvain community detection (Blondel et al. 2008) with a fixed seed: move each entity
/// to the neighbouring community that most increases modularity, in a seeded random order,
/// until nothing moves; then merge each community into one node and repeat on the smaller
/// graph, until a level moves nothing.
///
/// Written here because no Swift package on this machine offers it; NetworkX and igraph
/// are the references in the tests and benchmarks.
public struct Louvain: Sendable {
    public static let seed: UInt64 = 42

    /// The community of each local id of the input graph, numbered from 0 by size, largest first.
    public let membership: [Int32]
    /// The number of communities.
    public let count: Int
    /// The modularity of the partition.
    public let modularity: Double
    /// The number of levels run.
    public let levels: Int

    init(_ graph: SimpleGraph, seed: UInt64 = Louvain.seed) {
        var random = SeededRandom(seed: seed)
        var level = LevelGraph(graph)
        var membership = Array(0..<Int32(graph.count))
        var levels = 0
        while true {
            let (moved, communities) = level.moveNodes(random: &random)
            levels += 1
            for index in membership.indices { membership[index] = communities[Int(membership[index])] }
            if !moved { break }
            level = level.aggregated(by: communities)
        }
        (self.membership, count) = Louvain.numberedBySize(membership)
        self.levels = levels
        modularity = Louvain.modularity(graph, self.membership)
    }

    /// Communities renumbered by size, largest first, ties by the smallest member; and
    /// their count.
    static func numberedBySize(_ membership: [Int32]) -> ([Int32], Int) {
        var sizes: [Int32: (size: Int, first: Int)] = [:]
        for (node, community) in membership.enumerated() {
            let known = sizes[community] ?? (0, node)
            sizes[community] = (known.size + 1, min(known.first, node))
        }
        let ordered = sizes.sorted { $0.value.size != $1.value.size ? $0.value.size > $1.value.size : $0.value.first < $1.value.first }
        let number = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, Int32($0)) })
        return (membership.map { number[$0]! }, ordered.count)
    }

    /// The modularity of `membership` on the (unweighted) graph.
    static func modularity(_ graph: SimpleGraph, _ membership: [Int32]) -> Double {
        let twiceEdges = Double(graph.targets.count)
        guard twiceEdges > 0 else { return 0 }
        let communities = Int(membership.max().map { $0 + 1 } ?? 0)
        var inside = Array(repeating: 0.0, count: communities)
        var total = Array(repeating: 0.0, count: communities)
        for node in 0..<graph.count {
            let community = Int(membership[node])
            total[community] += Double(graph.degree(node))
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1])
            where membership[Int(graph.targets[position])] == membership[node] {
                inside[community] += 1
            }
        }
        var q = 0.0
        for community in 0..<communities {
            q += inside[community] / twiceEdges - (total[community] / twiceEdges) * (total[community] / twiceEdges)
        }
        return q
    }
}
