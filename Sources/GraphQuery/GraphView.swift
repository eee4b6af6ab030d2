import GraphCore

/// A snapshot seen through a filter: what every query algorithm walks.
public struct GraphView: Sendable {
    public let snapshot: Snapshot
    let mask: FilterMask
    public let filter: QueryFilter

    /// Whether entity `entity` passes the filter.
    @inline(__always)
    public func includes(entity: Int32) -> Bool { mask.entities.contains(Int(entity)) }

    /// Whether link `link` passes the filter (and so do both its ends).
    @inline(__always)
    public func includes(link: Int32) -> Bool { mask.links.contains(Int(link)) }

    /// Calls `body` with every (neighbour, link) of `entity` through links that pass,
    /// once per link (so twice for a neighbour reached by two links).
    @inline(__always)
    func forEachNeighbour(_ entity: Int32, _ body: (Int32, Int32) -> Void) {
        let links = mask.links
        snapshot.adjacency.forEach(entity) { neighbour, link in
            if links.contains(Int(link)) { body(neighbour, link) }
        }
    }

    /// Calls `body` with every link that passes between `a` and `b`, in either direction,
    /// looking through the shorter of the two adjacency lists (one end may be a hub).
    @inline(__always)
    func forEachLink(between a: Int32, _ b: Int32, _ body: (Int32) -> Void) {
        let (near, far) = snapshot.adjacency.degree(a) <= snapshot.adjacency.degree(b) ? (a, b) : (b, a)
        forEachNeighbour(near) { neighbour, link in if neighbour == far { body(link) } }
    }

    /// The links that pass between `a` and `b`, in either direction, in link order.
    func links(between a: Int32, _ b: Int32) -> [Int32] {
        var found: [Int32] = []
        forEachLink(between: a, b) { found.append($0) }
        return found.sorted()
    }
}
