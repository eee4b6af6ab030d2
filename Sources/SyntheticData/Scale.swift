/// How big a synthetic data set is.
public enum Scale: String, CaseIterable, Sendable {
    /// About 2,000 entities and 10,000 links: the demo and the tests.
    case small
    /// About 100,000 entities and 500,000 links: one force's picture.
    case force
    /// 1,000,000 entities and 5,000,000 links: the benchmark.
    case large

    /// The number of entities.
    public var entities: Int {
        switch self {
        case .small: return 2_000
        case .force: return 100_000
        case .large: return 1_000_000
        }
    }

    /// The number of links per entity.
    public static let linksPerEntity = 5
}
