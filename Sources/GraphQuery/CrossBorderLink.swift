/// A link whose ends lie in different local authorities or police forces.
public struct CrossBorderLink: Sendable {
    public let link: Int32
    /// `cross_authority` or `cross_force`.
    public let label: String
    public let fromArea: SnapshotArea
    public let toArea: SnapshotArea
}
