/// Shortest paths by bidirectional breadth-first search.
///
/// Both searches grow a whole layer at a time, the smaller frontier first. When a layer
/// reaches entities the other side has seen, the shortest length L is the least
/// dA + dB among them, and every shortest path crosses exactly one of those meeting
/// entities at that layer, so all shortest paths are (path from a to m) + (path from m to
/// b) over the meeting entities m, each half found by walking distances down by one.
/// Paths are counted as entity sequences, as NetworkX counts them; two links between the
/// same pair of entities do not make two paths.
extension GraphView {
    /// All shortest paths from `a` to `b`, up to `limit` of them, with their total count.
    public func shortestPaths(from a: Int32, to b: Int32, limit: Int = 10) -> ShortestPaths {
        if a == b { return ShortestPaths(length: 0, count: 1, paths: [[a]]) }
        return snapshot.withScratch { scratch in
            var frontierA: [Int32] = [a], frontierB: [Int32] = [b]
            scratch.visit(a, distance: 0)
            scratch.visitB(b, distance: 0)
            var meeting: [Int32] = []
            while meeting.isEmpty, !frontierA.isEmpty, !frontierB.isEmpty {
                if frontierA.count <= frontierB.count {
                    frontierA = expand(frontierA, scratch: scratch, sideA: true, meeting: &meeting)
                } else {
                    frontierB = expand(frontierB, scratch: scratch, sideA: false, meeting: &meeting)
                }
            }
            guard !meeting.isEmpty else { return ShortestPaths(length: -1, count: 0, paths: []) }
            let length = meeting.map { scratch.distance[Int($0)] + scratch.distanceB[Int($0)] }.min()!
            meeting = meeting.filter { scratch.distance[Int($0)] + scratch.distanceB[Int($0)] == length }.sorted()
            var countsA: [Int32: Int] = [:], countsB: [Int32: Int] = [:]
            var total = 0
            for entity in meeting {
                let ways = count(entity, scratch: scratch, sideA: true, memo: &countsA)
                    .multipliedReportingOverflow(by: count(entity, scratch: scratch, sideA: false, memo: &countsB))
                total = ways.overflow ? Int.max : total.addingReportingOverflow(ways.partialValue).partialValue
            }
            var paths: [[Int32]] = []
            for entity in meeting where paths.count < limit {
                let heads = halves(from: entity, scratch: scratch, sideA: true, limit: limit)
                let tails = halves(from: entity, scratch: scratch, sideA: false, limit: limit)
                for head in heads {
                    for tail in tails where paths.count < limit {
                        paths.append(head.reversed() + tail.dropFirst())
                    }
                }
            }
            return ShortestPaths(length: Int(length), count: total, paths: paths)
        }
    }

    /// Grows one side's search by a layer, noting entities the other side has seen.
    private func expand(_ frontier: [Int32], scratch: Scratch, sideA: Bool, meeting: inout [Int32]) -> [Int32] {
        var next: [Int32] = []
        for entity in frontier {
            let depth = (sideA ? scratch.distance[Int(entity)] : scratch.distanceB[Int(entity)]) + 1
            forEachNeighbour(entity) { neighbour, _ in
                if sideA {
                    if scratch.visited(neighbour) { return }
                    scratch.visit(neighbour, distance: depth)
                    if scratch.visitedB(neighbour) { meeting.append(neighbour) }
                } else {
                    if scratch.visitedB(neighbour) { return }
                    scratch.visitB(neighbour, distance: depth)
                    if scratch.visited(neighbour) { meeting.append(neighbour) }
                }
                next.append(neighbour)
            }
        }
        return next
    }

    /// The distinct neighbours one step nearer that side's start, in id order.
    private func predecessors(_ entity: Int32, scratch: Scratch, sideA: Bool) -> [Int32] {
        let depth = sideA ? scratch.distance[Int(entity)] : scratch.distanceB[Int(entity)]
        var found: [Int32] = []
        forEachNeighbour(entity) { neighbour, _ in
            let seen = sideA ? scratch.visited(neighbour) : scratch.visitedB(neighbour)
            let distance = sideA ? scratch.distance[Int(neighbour)] : scratch.distanceB[Int(neighbour)]
            if seen, distance == depth - 1, !found.contains(neighbour) { found.append(neighbour) }
        }
        return found.sorted()
    }

    /// The number of shortest paths from that side's start to `entity`.
    private func count(_ entity: Int32, scratch: Scratch, sideA: Bool, memo: inout [Int32: Int]) -> Int {
        if (sideA ? scratch.distance[Int(entity)] : scratch.distanceB[Int(entity)]) == 0 { return 1 }
        if let known = memo[entity] { return known }
        var total = 0
        for previous in predecessors(entity, scratch: scratch, sideA: sideA) {
            let sum = total.addingReportingOverflow(count(previous, scratch: scratch, sideA: sideA, memo: &memo))
            total = sum.overflow ? Int.max : sum.partialValue
        }
        memo[entity] = total
        return total
    }

    /// Up to `limit` walks from `entity` back to that side's start, each starting at `entity`.
    private func halves(from entity: Int32, scratch: Scratch, sideA: Bool, limit: Int) -> [[Int32]] {
        var result: [[Int32]] = []
        var walk: [Int32] = [entity]
        func extend() {
            guard result.count < limit else { return }
            let last = walk[walk.count - 1]
            if (sideA ? scratch.distance[Int(last)] : scratch.distanceB[Int(last)]) == 0 {
                result.append(walk)
                return
            }
            for previous in predecessors(last, scratch: scratch, sideA: sideA) {
                walk.append(previous)
                extend()
                walk.removeLast()
                if result.count >= limit { return }
            }
        }
        extend()
        return result
    }
}

/// The answer to a shortest-path question.
public struct ShortestPaths: Sendable, Equatable {
    /// The number of links on each path; -1 when the ends are not connected.
    public let length: Int
    /// How many shortest paths exist (saturating), which may exceed ``paths``'s count.
    public let count: Int
    /// Up to the limit asked for, each from the first entity to the second.
    public let paths: [[Int32]]
}
