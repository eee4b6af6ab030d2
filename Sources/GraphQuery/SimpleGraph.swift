/// A simple undirected graph (no parallel links, no loops) over some of a view's entities,
/// with local ids 0..<n: what betweenness and community detection run on.
///
/// Several links between two entities (a child who `associates_with` and is `sibling_of`
/// the same adult) count as one tie, as in NetworkX's simple graphs.
struct SimpleGraph {
    /// The snapshot entity of each local id.
    let entities: [Int32]
    /// Neighbours of local id `i`: `targets[offsets[i]..<offsets[i+1]]`, ascending.
    let offsets: [Int32]
    let targets: [Int32]

    var count: Int { entities.count }
    var edgeCount: Int { targets.count / 2 }

    /// The graph on `members` (every entity the view passes when nil).
    init(_ view: GraphView, members: [Int32]? = nil) {
        let snapshot = view.snapshot
        let entities = members ?? (0..<Int32(snapshot.entityCount)).filter { view.includes(entity: $0) }
        var local = [Int32: Int32](minimumCapacity: members == nil ? 0 : entities.count)
        var localArray: [Int32] = []
        if members == nil {
            localArray = Array(repeating: -1, count: snapshot.entityCount)
            for (index, entity) in entities.enumerated() { localArray[Int(entity)] = Int32(index) }
        } else {
            for (index, entity) in entities.enumerated() { local[entity] = Int32(index) }
        }
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(entities.count + 1)
        var targets: [Int32] = []
        var row: [Int32] = []
        for entity in entities {
            row.removeAll(keepingCapacity: true)
            view.forEachNeighbour(entity) { neighbour, _ in
                let id = members == nil ? localArray[Int(neighbour)] : (local[neighbour] ?? -1)
                if id >= 0, neighbour != entity { row.append(id) }
            }
            row.sort()
            var previous: Int32 = -1
            for id in row where id != previous {
                targets.append(id)
                previous = id
            }
            offsets.append(Int32(targets.count))
        }
        self.entities = entities
        self.offsets = offsets
        self.targets = targets
    }

    @inline(__always)
    func degree(_ node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }
}

extension GraphView {
    /// Betweenness over every entity the view passes, by entity (exact or sampled, see
    /// ``Betweenness``).
    public func betweenness(pivots: Int = Betweenness.defaultPivots, workers: Int = 2) -> (entities: [Int32], result: Betweenness) {
        let graph = SimpleGraph(self)
        return (graph.entities, Betweenness(graph, pivots: pivots, workers: workers))
    }

    /// Louvain communities over every entity the view passes.
    public func louvain() -> (entities: [Int32], result: Louvain) {
        let graph = SimpleGraph(self)
        return (graph.entities, Louvain(graph))
    }

    /// Leiden communities over every entity the view passes.
    public func leiden() -> (entities: [Int32], result: Leiden) {
        let graph = SimpleGraph(self)
        return (graph.entities, Leiden(graph))
    }
}
