import GraphCore

/// A weighted graph at one level of Louvain or Leiden: nodes are the previous level's
/// communities (Leiden's refined ones).
struct LevelGraph {
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

    /// The local-moving phase, from `initial` (each node alone when nil). Returns whether any
    /// node moved and each node's community, numbered densely from 0.
    func moveNodes(random: inout SeededRandom, initial: [Int32]? = nil) -> (moved: Bool, communities: [Int32]) {
        let n = count
        guard twiceTotal > 0 else { return (false, initial ?? Array(0..<Int32(n))) }
        var community = initial ?? Array(0..<Int32(n))
        var total = Array(repeating: 0.0, count: n)
        for node in 0..<n { total[Int(community[node])] += strength[node] }
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
                let best = bestCommunity(of: node, community, &total, &linkWeight, &touched)
                if best != Int(community[node]) {
                    community[node] = Int32(best)
                    moved = true
                    movedAny = true
                }
            }
        }
        return (movedAny, LevelGraph.numberedDensely(community).ids)
    }

    /// The community `node` gains most modularity in (its own when none gains more), with
    /// `total` (each community's strength) updated for the move. `linkWeight` and `touched`
    /// are working space, left empty.
    @inline(__always)
    private func bestCommunity(of node: Int, _ community: [Int32], _ total: inout [Double], _ linkWeight: inout [Double],
                               _ touched: inout [Int32]) -> Int {
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
        for candidate in touched { linkWeight[Int(candidate)] = 0 }
        touched.removeAll(keepingCapacity: true)
        return best
    }

    /// Leiden's fast local moving, from `initial` (each node alone when nil): nodes wait in a
    /// queue (seeded random order first); a node that moves puts back in the queue its
    /// neighbours outside its new community, so only nodes whose neighbourhood changed are
    /// visited again. Returns each node's community, numbered densely from 0.
    func moveNodesQueued(random: inout SeededRandom, initial: [Int32]? = nil) -> [Int32] {
        let n = count
        var community = initial ?? Array(0..<Int32(n))
        guard twiceTotal > 0, n > 0 else { return community }
        var total = Array(repeating: 0.0, count: n)
        for node in 0..<n { total[Int(community[node])] += strength[node] }
        var linkWeight = Array(repeating: 0.0, count: n)
        var touched: [Int32] = []
        // A ring of at most n nodes: each node is in the queue at most once.
        var queue = Array(0..<Int32(n))
        queue.shuffle(using: &random)
        var queued = Array(repeating: true, count: n)
        var head = 0, waiting = n
        while waiting > 0 {
            let node = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            waiting -= 1
            queued[node] = false
            let best = bestCommunity(of: node, community, &total, &linkWeight, &touched)
            guard best != Int(community[node]) else { continue }
            community[node] = Int32(best)
            for position in offsets[node]..<offsets[node + 1] {
                let other = Int(targets[position])
                if !queued[other], Int(community[other]) != best {
                    queued[other] = true
                    queue[(head + waiting) % n] = Int32(other)
                    waiting += 1
                }
            }
        }
        return LevelGraph.numberedDensely(community).ids
    }

    /// Ids (each below their count) renumbered 0, 1, 2... in order of first appearance, and
    /// how many there are.
    static func numberedDensely(_ ids: [Int32]) -> (ids: [Int32], count: Int) {
        var number = Array(repeating: Int32(-1), count: ids.count)
        var next: Int32 = 0
        let numbered = ids.map { id -> Int32 in
            if number[Int(id)] < 0 { number[Int(id)] = next; next += 1 }
            return number[Int(id)]
        }
        return (numbered, Int(next))
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
