/// Per-query working arrays sized to the snapshot, reused between queries.
///
/// Clearing a million-entry array costs more than a 2-hop query, so "visited" is a stamp
/// equal to the current generation; a new query bumps the generation instead of clearing.
final class Scratch {
    private(set) var generation: UInt32 = 0
    var stamp: [UInt32]
    var distance: [Int32]
    var stampB: [UInt32]
    var distanceB: [Int32]

    init(count: Int) {
        stamp = Array(repeating: 0, count: count)
        distance = Array(repeating: 0, count: count)
        stampB = Array(repeating: 0, count: count)
        distanceB = Array(repeating: 0, count: count)
    }

    /// Starts a new query: every entity unvisited on both sides.
    func reset() {
        generation &+= 1
        if generation == 0 {
            for index in stamp.indices { stamp[index] = 0; stampB[index] = 0 }
            generation = 1
        }
    }

    @inline(__always) func visited(_ entity: Int32) -> Bool { stamp[Int(entity)] == generation }

    @inline(__always) func visit(_ entity: Int32, distance value: Int32) {
        stamp[Int(entity)] = generation
        distance[Int(entity)] = value
    }

    @inline(__always) func visitedB(_ entity: Int32) -> Bool { stampB[Int(entity)] == generation }

    @inline(__always) func visitB(_ entity: Int32, distance value: Int32) {
        stampB[Int(entity)] = generation
        distanceB[Int(entity)] = value
    }
}

extension Snapshot {
    /// Runs `body` with a scratch from the pool (or a new one), then returns it to the pool.
    func withScratch<Result>(_ body: (Scratch) throws -> Result) rethrows -> Result {
        let scratch = scratchPool.withLock { $0.popLast() } ?? Scratch(count: entityCount)
        defer { scratchPool.withLock { if $0.count < 8 { $0.append(scratch) } } }
        scratch.reset()
        return try body(scratch)
    }
}
