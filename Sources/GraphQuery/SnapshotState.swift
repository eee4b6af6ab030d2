/// What the query engine has done to keep its snapshot current (issue 22), as `/healthz`
/// reports it.
public struct SnapshotState: Sendable {
    /// The data version the snapshot in use holds (nil before the first read).
    public var version: Int64?
    /// Whether the first read of the graph is running: no snapshot is ready to answer yet.
    public var loading = false
    /// Whether a full read of the graph is running beside the snapshot in use.
    public var reading = false
    /// Why the last full read was needed.
    public var lastReadReason: String?
    /// Full reads and deltas since the engine started.
    public var fullReads = 0
    public var deltas = 0
    /// How long the last delta and the last full read took, in seconds.
    public var lastDeltaSeconds: Double?
    public var lastReadSeconds: Double?
}

extension SnapshotState {
    /// The reason given for a full read that folds in the deltas piled up since the last.
    static let compaction = "compaction"
}
