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
        // Renumber by size, largest first, ties by the smallest member.
        var sizes: [Int32: (size: Int, first: Int)] = [:]
        for (node, community) in membership.enumerated() {
            let known = sizes[community] ?? (0, node)
            sizes[community] = (known.size + 1, min(known.first, node))
        }
        let ordered = sizes.sorted { $0.value.size != $1.value.size ? $0.value.size > $1.value.size : $0.value.first < $1.value.first }
        let number = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, Int32($0)) })
        self.membership = membership.map { number[$0]! }
        count = ordered.count
        self.levels = levels
        modularity = Louvain.modularity(graph, self.membership)
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

/// A weighted graph at one Louvain level: nodes are the previous level's communities.
private struct LevelGraph {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    /// Weight of each node's loop (links inside a merged community), counted once.
    var loops: [Double]
    /// Each node's total incident weight, loops counted twice.
    var strength: [Double]
    /// Twice the total weight of the graph.
    let twiceTotal: Double

    var count: Int { loops.count }

    init(_ graph: SimpleGraph) {
        offsets = graph.offsets.map(Int.init)
        targets = graph.targets
        weights = Array(repeating: 1, count: graph.targets.count)
        loops = Array(repeating: 0, count: graph.count)
        strength = (0..<graph.count).map { Double(graph.degree($0)) }
        twiceTotal = Double(graph.targets.count)
    }

    private init(offsets: [Int], targets: [Int32], weights: [Double], loops: [Double], twiceTotal: Double) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.loops = loops
        self.twiceTotal = twiceTotal
        strength = (0..<loops.count).map { node in
            var sum = 2 * loops[node]
            for position in offsets[node]..<offsets[node + 1] { sum += weights[position] }
            return sum
        }
    }

    /// The local-moving phase. Returns whether any node moved and each node's community,
    /// numbered densely from 0.
    func moveNodes(random: inout SeededRandom) -> (moved: Bool, communities: [Int32]) {
        let n = count
        guard twiceTotal > 0 else { return (false, Array(0..<Int32(n))) }
        var community = Array(0..<Int32(n))
        var total = strength
        var linkWeight = Array(repeating: 0.0, count: n)
        var touched: [Int32] = []
        var order = Array(0..<Int32(n))
        order.shuffle(using: &random)
        var movedAny = false
        var moved = true
        var passes = 0
        while moved && passes < 100 {
            moved = false
            passes += 1
            for node32 in order {
                let node = Int(node32)
                let current = Int(community[node])
                let k = strength[node]
                for position in offsets[node]..<offsets[node + 1] {
                    let neighbourCommunity = Int(community[Int(targets[position])])
                    if linkWeight[neighbourCommunity] == 0 { touched.append(Int32(neighbourCommunity)) }
                    linkWeight[neighbourCommunity] += weights[position]
                }
                total[current] -= k
                // Gain of joining c (up to a positive factor): w(node, c) - total(c) k / 2m.
                var best = current
                var bestGain = linkWeight[current] - total[current] * k / twiceTotal
                for candidate32 in touched {
                    let candidate = Int(candidate32)
                    let gain = linkWeight[candidate] - total[candidate] * k / twiceTotal
                    if gain > bestGain + 1e-12 {
                        best = candidate
                        bestGain = gain
                    }
                }
                total[best] += k
                if best != current {
                    community[node] = Int32(best)
                    moved = true
                    movedAny = true
                }
                for candidate in touched { linkWeight[Int(candidate)] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
        }
        // Number the communities densely.
        var number = Array(repeating: Int32(-1), count: n)
        var next: Int32 = 0
        for node in 0..<n {
            let old = Int(community[node])
            if number[old] < 0 { number[old] = next; next += 1 }
            community[node] = number[old]
        }
        return (movedAny, community)
    }

    /// The graph with each community merged into one node.
    func aggregated(by communities: [Int32]) -> LevelGraph {
        let size = Int(communities.max().map { $0 + 1 } ?? 0)
        var members = Array(repeating: [Int32](), count: size)
        for node in 0..<count { members[Int(communities[node])].append(Int32(node)) }
        var offsets = [0]
        var targets: [Int32] = []
        var weights: [Double] = []
        var loops = Array(repeating: 0.0, count: size)
        var accumulated = Array(repeating: 0.0, count: size)
        var touched: [Int32] = []
        for community in 0..<size {
            for node in members[community] {
                loops[community] += self.loops[Int(node)]
                for position in self.offsets[Int(node)]..<self.offsets[Int(node) + 1] {
                    let other = Int(communities[Int(self.targets[position])])
                    if other == community {
                        loops[community] += self.weights[position] / 2
                    } else {
                        if accumulated[other] == 0 { touched.append(Int32(other)) }
                        accumulated[other] += self.weights[position]
                    }
                }
            }
            touched.sort()
            for other in touched {
                targets.append(other)
                weights.append(accumulated[Int(other)])
                accumulated[Int(other)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            offsets.append(targets.count)
        }
        return LevelGraph(offsets: offsets, targets: targets, weights: weights, loops: loops, twiceTotal: twiceTotal)
    }
}
