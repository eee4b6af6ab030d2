import Dispatch
import GraphCore

/// Brandes betweenness centrality on a ``SimpleGraph``, undirected, unnormalised (each
/// unordered pair counted once: NetworkX's `normalized=False`).
///
/// Exact (every entity a source) up to ``exactLimit`` entities; beyond that, `pivots`
/// sources drawn with a fixed seed and the sums scaled by n / pivots, as NetworkX does for
/// its `k` parameter, and the answer says it is approximate. Sources are shared between the
/// machine's cores; each worker keeps its own arrays and totals.
public struct Betweenness: Sendable {
    public static let exactLimit = 50_000
    public static let defaultPivots = 256
    public static let seed: UInt64 = 20_261_123

    /// The betweenness of each local id.
    public let values: [Double]
    /// The number of sources used.
    public let sources: Int
    /// Whether sources were sampled.
    public let approximate: Bool

    init(_ graph: SimpleGraph, pivots: Int = Betweenness.defaultPivots, workers: Int = 2) {
        let n = graph.count
        var sources = Array(0..<n)
        approximate = n > Betweenness.exactLimit && pivots < n
        if approximate {
            var random = SeededRandom(seed: Betweenness.seed)
            sources.shuffle(using: &random)
            sources = Array(sources.prefix(pivots)).sorted()
        }
        self.sources = sources.count
        let workerCount = max(1, min(workers, sources.count))
        let partials = Locked<[[Double]]>([])
        let chosen = sources
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            var accumulator = BrandesAccumulator(count: n)
            var index = worker
            while index < chosen.count {
                accumulator.add(source: chosen[index], graph)
                index += workerCount
            }
            partials.withLock { $0.append(accumulator.totals) }
        }
        var totals = Array(repeating: 0.0, count: n)
        for partial in partials.withLock({ $0 }) {
            for index in 0..<n { totals[index] += partial[index] }
        }
        let scale = 0.5 * (approximate ? Double(n) / Double(sources.count) : 1)
        values = totals.map { $0 * scale }
    }
}

/// One worker's Brandes state: distances, path counts and dependencies, reset after each
/// source only where that source's search reached.
private struct BrandesAccumulator {
    var totals: [Double]
    private var sigma: [Double]
    private var distance: [Int32]
    private var delta: [Double]
    private var order: [Int32]

    init(count: Int) {
        totals = Array(repeating: 0, count: count)
        sigma = Array(repeating: 0, count: count)
        distance = Array(repeating: -1, count: count)
        delta = Array(repeating: 0, count: count)
        order = []
        order.reserveCapacity(count)
    }

    mutating func add(source: Int, _ graph: SimpleGraph) {
        order.removeAll(keepingCapacity: true)
        sigma[source] = 1
        distance[source] = 0
        order.append(Int32(source))
        var head = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                // Breadth-first, counting shortest paths.
                while head < order.count {
                    let node = Int(order[head])
                    head += 1
                    let next = distance[node] + 1
                    for position in Int(offsets[node])..<Int(offsets[node + 1]) {
                        let neighbour = Int(targets[position])
                        if distance[neighbour] < 0 {
                            distance[neighbour] = next
                            order.append(Int32(neighbour))
                        }
                        if distance[neighbour] == next { sigma[neighbour] += sigma[node] }
                    }
                }
                // Dependencies, farthest first; predecessors are neighbours one step nearer.
                for index in stride(from: order.count - 1, through: 0, by: -1) {
                    let node = Int(order[index])
                    let coefficient = (1 + delta[node]) / sigma[node]
                    let previous = distance[node] - 1
                    for position in Int(offsets[node])..<Int(offsets[node + 1]) {
                        let neighbour = Int(targets[position])
                        if distance[neighbour] == previous { delta[neighbour] += sigma[neighbour] * coefficient }
                    }
                    if node != source { totals[node] += delta[node] }
                }
            }
        }
        for node in order {
            sigma[Int(node)] = 0
            distance[Int(node)] = -1
            delta[Int(node)] = 0
        }
    }
}
