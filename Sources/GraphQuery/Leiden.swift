import GraphCore

/// Leiden community detection (Traag, Waltman and van Eck, Scientific Reports 2019) with a
/// fixed seed: fast local moving (a queue of the nodes whose neighbourhood changed), then a
/// **refinement** of each community, and the
/// graph aggregated by the refined communities while the next level starts from the
/// unrefined ones. The refinement only merges a node, alone so far, into a refined
/// community of its own community it is linked to, and only while both are well connected
/// to the rest of the community, so every community is connected by construction (Louvain
/// can return badly connected or even disconnected ones). The merge chosen is the one that
/// most increases modularity (the paper's randomness parameter taken to zero).
///
/// Written here because no Swift package on this machine offers it; igraph's Leiden is the
/// reference in the tests and benchmarks.
public struct Leiden: Sendable {
    public static let seed: UInt64 = 42

    /// The community of each local id of the input graph, numbered from 0 by size, largest first.
    public let membership: [Int32]
    /// The number of communities.
    public let count: Int
    /// The modularity of the partition.
    public let modularity: Double
    /// The number of levels run.
    public let levels: Int

    init(_ graph: SimpleGraph, seed: UInt64 = Leiden.seed) {
        var random = SeededRandom(seed: seed)
        // Leiden is iterated (as igraph's runs until stable): each run starts from the
        // partition the previous one found, until a run improves nothing.
        var best = Leiden.run(graph, from: nil, random: &random)
        var bestModularity = Louvain.modularity(graph, best.partition)
        var levels = best.levels
        for _ in 1..<Leiden.iterations {
            let next = Leiden.run(graph, from: best.partition, random: &random)
            levels += next.levels
            let quality = Louvain.modularity(graph, next.partition)
            guard quality > bestModularity + 1e-10 else { break }
            (best, bestModularity) = (next, quality)
        }
        (membership, count) = Louvain.numberedBySize(best.partition)
        self.levels = levels
        modularity = Louvain.modularity(graph, membership)
    }

    /// The most runs of the whole algorithm (igraph's `community_leiden` runs 2 by default).
    static let iterations = 2

    /// One run: levels of local moving, refinement and aggregation from `start` (each node
    /// alone when nil), until a refinement merges nothing; each community then split into
    /// its connected parts.
    private static func run(_ graph: SimpleGraph, from start: [Int32]?,
                            random: inout SeededRandom) -> (partition: [Int32], levels: Int) {
        var level = LevelGraph(graph)
        // Each input node's node at the current level, and the current level's partition.
        var node = Array(0..<Int32(graph.count))
        var initial = start
        var partition: [Int32] = Array(0..<Int32(graph.count))
        var levels = 0
        while true {
            levels += 1
            partition = level.moveNodesQueued(random: &random, initial: initial)
            let refined = level.refine(partition, random: &random)
            // Nothing merged in the refinement: the next level would be this one again.
            if refined.count == level.count || levels >= 50 { break }
            for index in node.indices { node[index] = refined.communities[Int(node[index])] }
            // The aggregated graph starts from the unrefined partition.
            var next = Array(repeating: Int32(0), count: refined.count)
            for member in 0..<level.count { next[Int(refined.communities[member])] = partition[member] }
            level = level.aggregated(by: refined.communities)
            initial = next
        }
        return (Leiden.connectedParts(graph, node.map { partition[Int($0)] }), levels)
    }

    /// Each community split into its connected parts: the last level's partition is only
    /// as connected as its refinement made it, and splitting a disconnected community never
    /// lowers modularity, so every community returned is connected.
    static func connectedParts(_ graph: SimpleGraph, _ communities: [Int32]) -> [Int32] {
        var part = Array(repeating: Int32(-1), count: graph.count)
        var next: Int32 = 0
        var stack: [Int32] = []
        for start in 0..<graph.count where part[start] < 0 {
            part[start] = next
            stack.append(Int32(start))
            while let node = stack.popLast() {
                for position in Int(graph.offsets[Int(node)])..<Int(graph.offsets[Int(node) + 1]) {
                    let other = Int(graph.targets[position])
                    if part[other] < 0, communities[other] == communities[Int(node)] {
                        part[other] = next
                        stack.append(Int32(other))
                    }
                }
            }
            next += 1
        }
        return part
    }
}

extension LevelGraph {
    /// Leiden's refinement of `partition`: within each community, nodes start alone and, in
    /// a seeded random order, a node still alone and well connected to its community joins
    /// the refined community (well connected too) that most increases modularity, if any
    /// does. Returns each node's refined community, numbered densely, and their count.
    func refine(_ partition: [Int32], random: inout SeededRandom) -> (communities: [Int32], count: Int) {
        let n = count
        var refined = Array(0..<Int32(n))
        guard twiceTotal > 0 else { return (refined, n) }
        // Each community's total strength, and each node's weight to the rest of its community.
        var communityStrength = Array(repeating: 0.0, count: n)
        for node in 0..<n { communityStrength[Int(partition[node])] += strength[node] }
        var external = Array(repeating: 0.0, count: n)  // a refined community's weight to the rest of its community
        for node in 0..<n {
            for position in offsets[node]..<offsets[node + 1] where partition[Int(targets[position])] == partition[node] {
                external[node] += weights[position]
            }
        }
        var refinedStrength = strength
        var alone = Array(repeating: true, count: n)
        var linkWeight = Array(repeating: 0.0, count: n)
        var touched: [Int32] = []
        var order = Array(0..<Int32(n))
        order.shuffle(using: &random)
        for node32 in order {
            let node = Int(node32), community = Int(partition[node])
            let k = strength[node], total = communityStrength[community]
            // Only a node still alone, and well connected to its community, moves.
            guard alone[node], external[node] >= k * (total - k) / twiceTotal else { continue }
            for position in offsets[node]..<offsets[node + 1] {
                let other = Int(targets[position])
                guard partition[other] == partition[node] else { continue }
                let candidate = Int(refined[other])
                if linkWeight[candidate] == 0 { touched.append(Int32(candidate)) }
                linkWeight[candidate] += weights[position]
            }
            var best = node, bestGain = 0.0
            for candidate32 in touched where Int(candidate32) != node {
                let candidate = Int(candidate32)
                let size = refinedStrength[candidate]
                // The target must be well connected to the rest of its community too.
                guard external[candidate] >= size * (total - size) / twiceTotal else { continue }
                let gain = linkWeight[candidate] - k * size / twiceTotal
                if gain > bestGain + 1e-12 {
                    best = candidate
                    bestGain = gain
                }
            }
            if best != node {
                refined[node] = Int32(best)
                alone[node] = false
                alone[best] = false
                external[best] += external[node] - 2 * linkWeight[best]
                refinedStrength[best] += k
            }
            for candidate in touched { linkWeight[Int(candidate)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        let numbered = LevelGraph.numberedDensely(refined)
        return (numbered.ids, numbered.count)
    }
}
