/// For MARTHR criterion 2, each entity's passing links to at-risk children and to
/// connectors (vehicles, phones, handles, locations), as compressed rows.
///
/// The walk from a subject to a child passes only through connectors, and connectors such as
/// a park or a takeaway have thousands of visitors; looking up only the at-risk children
/// and connectors beside each one, instead of every neighbour, is what keeps ranking a
/// million-entity picture within seconds. Built once per snapshot and filter.
struct ConnectorIndex: Sendable {
    let childOffsets: [Int32]
    let children: [Int32]
    let connectorOffsets: [Int32]
    let connectors: [Int32]

    init(_ view: GraphView, isConnector: [Bool]) {
        let snapshot = view.snapshot
        var childOffsets: [Int32] = [0], children: [Int32] = []
        var connectorOffsets: [Int32] = [0], connectors: [Int32] = []
        childOffsets.reserveCapacity(snapshot.entityCount + 1)
        connectorOffsets.reserveCapacity(snapshot.entityCount + 1)
        for entity in 0..<Int32(snapshot.entityCount) {
            if view.includes(entity: entity) {
                view.forEachNeighbour(entity) { neighbour, _ in
                    if snapshot.isAtRiskChild(neighbour) {
                        children.append(neighbour)
                    } else if isConnector[Int(snapshot.entities.kind[Int(neighbour)])] {
                        connectors.append(neighbour)
                    }
                }
            }
            childOffsets.append(Int32(children.count))
            connectorOffsets.append(Int32(connectors.count))
        }
        self.childOffsets = childOffsets
        self.children = children
        self.connectorOffsets = connectorOffsets
        self.connectors = connectors
    }

    /// The at-risk children beside `entity`.
    @inline(__always)
    func children(of entity: Int32) -> ArraySlice<Int32> {
        children[Int(childOffsets[Int(entity)])..<Int(childOffsets[Int(entity) + 1])]
    }

    /// The connectors beside `entity`.
    @inline(__always)
    func connectors(of entity: Int32) -> ArraySlice<Int32> {
        connectors[Int(connectorOffsets[Int(entity)])..<Int(connectorOffsets[Int(entity) + 1])]
    }
}
