/// For MARTHR criterion 2, each entity's links that can expose a child to harm (of an
/// exposing kind, or recorded as a concern) to children ever at risk and to connectors
/// (vehicles, phones, handles, locations), as compressed rows of (neighbour, link).
///
/// The walk from a subject to a child passes only through connectors, and connectors such as
/// a park or a takeaway have thousands of visitors; looking up only the children at risk
/// and connectors beside each one, instead of every neighbour, is what keeps ranking a
/// million-entity picture within seconds. Built once per snapshot, filter and thresholds.
struct ConnectorIndex: Sendable {
    /// The rules it was built for: the link kinds that pass.
    let passing: [Bool]
    let childOffsets: [Int32]
    let children: [Int32]
    let childLinks: [Int32]
    let connectorOffsets: [Int32]
    let connectors: [Int32]
    let connectorLinks: [Int32]

    init(_ view: GraphView, isConnector: [Bool], passing: [Bool]) {
        let snapshot = view.snapshot
        var childOffsets: [Int32] = [0], children: [Int32] = [], childLinks: [Int32] = []
        var connectorOffsets: [Int32] = [0], connectors: [Int32] = [], connectorLinks: [Int32] = []
        childOffsets.reserveCapacity(snapshot.entityCount + 1)
        connectorOffsets.reserveCapacity(snapshot.entityCount + 1)
        for entity in 0..<Int32(snapshot.entityCount) {
            if view.includes(entity: entity), isConnector[Int(snapshot.entities.kind[Int(entity)])] {
                view.forEachNeighbour(entity) { neighbour, link in
                    guard passing[Int(snapshot.links.kind[Int(link)])] || !snapshot.concernReports(link).isEmpty else { return }
                    if snapshot.wasEverAtRisk(neighbour) {
                        children.append(neighbour)
                        childLinks.append(link)
                    } else if isConnector[Int(snapshot.entities.kind[Int(neighbour)])] {
                        connectors.append(neighbour)
                        connectorLinks.append(link)
                    }
                }
            }
            childOffsets.append(Int32(children.count))
            connectorOffsets.append(Int32(connectors.count))
        }
        self.passing = passing
        self.childOffsets = childOffsets
        self.children = children
        self.childLinks = childLinks
        self.connectorOffsets = connectorOffsets
        self.connectors = connectors
        self.connectorLinks = connectorLinks
    }

    /// The children ever at risk beside connector `entity`, each with the link.
    @inline(__always)
    func children(of entity: Int32) -> Range<Int> {
        Int(childOffsets[Int(entity)])..<Int(childOffsets[Int(entity) + 1])
    }

    /// The connectors beside connector `entity`, each with the link.
    @inline(__always)
    func connectors(of entity: Int32) -> Range<Int> {
        Int(connectorOffsets[Int(entity)])..<Int(connectorOffsets[Int(entity) + 1])
    }
}
