/// An area as the snapshot holds it: a local authority with its force, or a force.
public struct SnapshotArea: Sendable, Hashable {
    public let code: String
    public let name: String
    /// Whether this is a police force (else a local authority).
    public let isForce: Bool
    /// The force's index in ``Snapshot/areas``: its own for a force.
    public let force: Int
}
