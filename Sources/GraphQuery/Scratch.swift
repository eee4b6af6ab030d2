/// Per-query working arrays sized to the snapshot, reused between queries.
///
/// Clearing a million-entry array costs more than a 2-hop query, so "visited" is a stamp
/// equal to the current generation; a new query bumps the generation instead of clearing.
/// The arrays are raw buffers: as class properties, Swift arrays would pay a dynamic
/// exclusivity check and a bounds check on every access in the hottest loops. A scratch is
/// used by one query at a time (``Snapshot/withScratch(_:)``).
final class Scratch {
    let count: Int
    private(set) var generation: UInt32 = 0
    let stamp: UnsafeMutablePointer<UInt32>
    let distance: UnsafeMutablePointer<Int32>
    let stampB: UnsafeMutablePointer<UInt32>
    let distanceB: UnsafeMutablePointer<Int32>
    /// Per-entity aggregates a query may keep alongside (MARTHR: the newest report and the
    /// best grade along the walk to an entity).
    let newest: UnsafeMutablePointer<Int32>
    let grade: UnsafeMutablePointer<Int8>

    init(count: Int) {
        self.count = count
        stamp = Scratch.zeroed(count)
        stampB = Scratch.zeroed(count)
        distance = Scratch.zeroed(count)
        distanceB = Scratch.zeroed(count)
        newest = Scratch.zeroed(count)
        grade = Scratch.zeroed(count)
    }

    private static func zeroed<Element: FixedWidthInteger>(_ count: Int) -> UnsafeMutablePointer<Element> {
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, count))
        buffer.initialize(repeating: 0, count: max(1, count))
        return buffer
    }

    deinit {
        stamp.deallocate()
        stampB.deallocate()
        distance.deallocate()
        distanceB.deallocate()
        newest.deallocate()
        grade.deallocate()
    }

    /// Starts a new query: every entity unvisited on both sides.
    func reset() {
        generation &+= 1
        if generation == 0 {
            stamp.update(repeating: 0, count: count)
            stampB.update(repeating: 0, count: count)
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
