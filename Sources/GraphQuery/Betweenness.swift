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
            let accumulator = BrandesAccumulator(count: n)
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
/// source only where that source's search reached. The arrays are raw buffers: this loop
/// runs billions of times on a large picture, and bounds checks cost a third of it.
private final class BrandesAccumulator {
    let count: Int
    var totals: [Double]
    private let sigma: UnsafeMutablePointer<Double>
    private let distance: UnsafeMutablePointer<Int32>
    private let delta: UnsafeMutablePointer<Double>
    private let order: UnsafeMutablePointer<Int32>

    init(count: Int) {
        self.count = count
        totals = Array(repeating: 0, count: count)
        sigma = .allocate(capacity: max(1, count))
        sigma.initialize(repeating: 0, count: count)
        distance = .allocate(capacity: max(1, count))
        distance.initialize(repeating: -1, count: count)
        delta = .allocate(capacity: max(1, count))
        delta.initialize(repeating: 0, count: count)
        order = .allocate(capacity: max(1, count))
    }

    deinit {
        sigma.deallocate()
        distance.deallocate()
        delta.deallocate()
        order.deallocate()
    }

    func add(source: Int, _ graph: SimpleGraph) {
        let sigma = self.sigma, distance = self.distance, delta = self.delta, order = self.order
        sigma[source] = 1
        distance[source] = 0
        order[0] = Int32(source)
        var head = 0, tail = 1
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                totals.withUnsafeMutableBufferPointer { totals in
                    // Breadth-first, counting shortest paths.
                    while head < tail {
                        let node = Int(order[head])
                        head += 1
                        let next = distance[node] + 1
                        let paths = sigma[node]
                        for position in Int(offsets[node])..<Int(offsets[node + 1]) {
                            let neighbour = Int(targets[position])
                            let known = distance[neighbour]
                            if known < 0 {
                                distance[neighbour] = next
                                order[tail] = Int32(neighbour)
                                tail += 1
                                sigma[neighbour] += paths
                            } else if known == next {
                                sigma[neighbour] += paths
                            }
                        }
                    }
                    // Dependencies, farthest first; predecessors are neighbours one step nearer.
                    var index = tail - 1
                    while index >= 0 {
                        let node = Int(order[index])
                        index -= 1
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
        }
        for index in 0..<tail {
            let node = Int(order[index])
            sigma[node] = 0
            distance[node] = -1
            delta[node] = 0
        }
    }
}
