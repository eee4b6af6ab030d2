/// Each entity's links over both directions (every link appears under both of its ends):
/// compressed rows built at a full read, and the links a later write added, per entity.
///
/// The rows cannot take a new link without being rebuilt (tens of milliseconds at 5M
/// links), so a delta (issue 22) keeps new links in ``extra`` until the next full read.
struct Adjacency: Sendable {
    /// Entity `e`'s links as read are at positions `offsets[e]..<offsets[e+1]` of
    /// ``neighbours`` (the other end) and ``links``.
    let offsets: [Int32]
    let neighbours: [Int32]
    let links: [Int32]
    /// Links added since the read: entity → (neighbour, link) pairs, flat.
    private var extra: [Int32: [Int32]] = [:]
    /// Which entities as read have links in ``extra``.
    private var hasExtra: Bitset
    /// How many links were added since the read.
    private(set) var addedLinks = 0

    /// Builds the rows with a counting sort: each entity's entries in link order.
    init(entityCount: Int, from: Column<Int32>, to: Column<Int32>) {
        var offsets = Array(repeating: Int32(0), count: entityCount + 1)
        for index in 0..<from.count {
            offsets[Int(from[index]) + 1] += 1
            offsets[Int(to[index]) + 1] += 1
        }
        for index in 0..<entityCount { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var neighbours = Array(repeating: Int32(0), count: from.count * 2)
        var links = Array(repeating: Int32(0), count: from.count * 2)
        for index in 0..<from.count {
            let a = Int(from[index]), b = Int(to[index])
            neighbours[Int(cursor[a])] = Int32(b)
            links[Int(cursor[a])] = Int32(index)
            cursor[a] += 1
            neighbours[Int(cursor[b])] = Int32(a)
            links[Int(cursor[b])] = Int32(index)
            cursor[b] += 1
        }
        self.offsets = offsets
        self.neighbours = neighbours
        self.links = links
        hasExtra = Bitset(count: entityCount, filled: false)
    }

    /// The positions of entity `entity`'s links as read (empty for an entity added since).
    @inline(__always)
    func range(_ entity: Int32) -> Range<Int> {
        Int(entity) + 1 < offsets.count ? Int(offsets[Int(entity)])..<Int(offsets[Int(entity) + 1]) : 0..<0
    }

    /// Entity `entity`'s links added since the read, as flat (neighbour, link) pairs; nil
    /// when none (the common case costs one bit test).
    @inline(__always)
    func added(_ entity: Int32) -> [Int32]? {
        if Int(entity) < hasExtra.count, !hasExtra.contains(Int(entity)) { return nil }
        return extra[entity]
    }

    /// Calls `body` with every (neighbour, link) of `entity`, as read then added.
    @inline(__always)
    func forEach(_ entity: Int32, _ body: (Int32, Int32) -> Void) {
        for position in range(entity) { body(neighbours[position], links[position]) }
        if let pairs = added(entity) {
            for index in stride(from: 0, to: pairs.count, by: 2) { body(pairs[index], pairs[index + 1]) }
        }
    }

    /// How many links entity `entity` has (removed ones included until the next full read).
    func degree(_ entity: Int32) -> Int { range(entity).count + (added(entity)?.count ?? 0) / 2 }

    /// Adds link `link` between `from` and `to`.
    mutating func add(link: Int32, from: Int32, to: Int32) {
        for (end, other) in [(from, to), (to, from)] {
            if Int(end) < hasExtra.count { hasExtra.insert(Int(end)) }
            extra[end, default: []] += [other, link]
        }
        addedLinks += 1
    }
}
