/// Something in the graph that should raise a review task (issue 5's alerts), found by
/// ``GraphView/alertFindings(_:)``.
public struct AlertFinding: Sendable, Hashable {
    /// `adult_newly_linked_to_child`, `cawn_subject_new_child`,
    /// `child_linked_across_authorities` or `vehicle_at_locations_of_concern`.
    public let kind: String
    /// What the finding is about, so the same finding is raised once.
    public let key: String
    /// The ids of the entities concerned, the subject first.
    public let entities: [String]
    /// The finding in words.
    public let detail: String
}

/// What the workflow knows that the graph does not, for the alert rules.
public struct AlertInputs: Sendable {
    /// Links created on or after this day are "new".
    public var since: Int32
    /// Child Abduction Warning Notices: subject and child database ids, day served.
    public var cawns: [(subject: Int64, child: Int64?, served: Int32)]
    /// Database ids of entities flagged (locations of concern, vehicles, adults).
    public var flagged: Set<Int64>

    /// - Parameters:
    ///   - since: days since 1970-01-01.
    public init(since: Int32, cawns: [(subject: Int64, child: Int64?, served: Int32)] = [], flagged: Set<Int64> = []) {
        self.since = since
        self.cawns = cawns
        self.flagged = flagged
    }
}
