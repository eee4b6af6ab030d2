/// A candidate for the next MARTHR meeting: a person, network or place meeting at least one
/// of the protocol's thresholds (seed 003), with the evidence behind it.
public struct MarthrCandidate: Sendable {
    public let entity: Int32
    /// The thresholds met, 1–4 (docs/QUERIES.md).
    public var criteria: Set<Int> = []
    /// The at-risk children the candidate is linked to (criteria 2 and 4).
    public var children: Set<Int32> = []
    /// Evidence in words, each naming entities, links and reports.
    public var evidence: [String] = []
    /// Walks from the candidate to at-risk children (criterion 2), rendered shortest first.
    var childWalks: [[Int32]] = []
    /// The reports behind the evidence.
    public var reports: Set<Int32> = []
    /// The score (docs/QUERIES.md, "MARTHR score").
    public var score: Double = 0
    /// The date of the newest supporting report, days since 1970, if any.
    public var newestReport: Int32?

    init(entity: Int32) {
        self.entity = entity
    }
}
