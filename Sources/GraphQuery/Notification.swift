/// An area to notify and why.
public struct Notification: Sendable {
    public let area: SnapshotArea
    public let force: SnapshotArea
    public var reasons: [String]
}
