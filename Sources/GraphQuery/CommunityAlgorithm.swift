/// Which algorithm finds communities: Leiden by default (connected communities by
/// construction), Louvain as before.
public enum CommunityAlgorithm: String, Sendable, CaseIterable {
    case leiden
    case louvain

    /// The membership, count and modularity the algorithm finds on `graph`, seed fixed.
    func run(_ graph: SimpleGraph) -> (membership: [Int32], count: Int, modularity: Double, seed: UInt64) {
        switch self {
        case .leiden:
            let found = Leiden(graph)
            return (found.membership, found.count, found.modularity, Leiden.seed)
        case .louvain:
            let found = Louvain(graph)
            return (found.membership, found.count, found.modularity, Louvain.seed)
        }
    }
}
