import Foundation
import GraphStore

extension QueryEngine {
    /// The current snapshot: the one in use while the data version is unchanged; after a
    /// write, the one in use with the store's changes applied (milliseconds, issue 22).
    ///
    /// Only the first call reads the whole graph, and calls when a delta cannot be applied
    /// (areas changed, a bulk import, more changes than ``SnapshotDelta/maximumChanges``).
    /// With ``readsInBackground`` such a read runs beside the snapshot in use, which goes on
    /// answering (it names its own version in every audit row) until the new one is ready;
    /// the same happens when deltas pile up (``compactionDue(_:)``).
    ///
    /// - Throws: ``StoreError`` when the database cannot be read.
    public func snapshot() throws -> Snapshot {
        let version = try store.dataVersion()
        if let snapshot = cached.withLock({ $0 }), snapshot.version == version { return snapshot }
        loading.lock()
        defer { loading.unlock() }
        guard let current = cached.withLock({ $0 }) else { return try readWhole(reason: "first read") }
        if current.version >= version { return current }
        if readsInBackground, state.withLock({ $0.reading && $0.lastReadReason != SnapshotState.compaction }) {
            return current
        }
        let started = DispatchTime.now()
        switch try SnapshotDelta.read(from: store, after: current) {
        case .unchanged(let version, _):
            return keep(current.relabelled(version: version))
        case .changes(let delta):
            guard let next = current.applying(delta) else { return try fullRead(current, reason: "a link names an entity not held") }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            state.withLock {
                $0.deltas += 1
                $0.lastDeltaSeconds = seconds
            }
            if readsInBackground, compactionDue(next) { startReading(reason: SnapshotState.compaction) }
            return keep(next)
        case .fullRead(let reason):
            return try fullRead(current, reason: reason)
        }
    }

    /// The engine's snapshot state.
    public var snapshotState: SnapshotState { state.withLock { $0 } }

    /// Whether the snapshot carries so many changes since its full read that a new read
    /// pays: added or removed links beyond 5% of the graph (at least 50,000), or 10,000
    /// deltas.
    func compactionDue(_ snapshot: Snapshot) -> Bool {
        let changedLinks = snapshot.adjacency.addedLinks + snapshot.removed.removedLinks
        return changedLinks > max(50_000, snapshot.linkCount / 20) || snapshot.deltas >= 10_000
    }

    private func keep(_ snapshot: Snapshot) -> Snapshot {
        cached.withLock { $0 = snapshot }
        state.withLock { $0.version = snapshot.version }
        return snapshot
    }

    /// A full read needed now: beside `current` in the service, else before answering.
    private func fullRead(_ current: Snapshot, reason: String) throws -> Snapshot {
        guard readsInBackground else { return try readWhole(reason: reason) }
        startReading(reason: reason)
        return current
    }

    /// Reads the whole graph on this thread (the caller holds ``loading``).
    private func readWhole(reason: String) throws -> Snapshot {
        let started = DispatchTime.now()
        let first = cached.withLock { $0 == nil }
        if first { state.withLock { $0.loading = true } }
        defer { if first { state.withLock { $0.loading = false } } }
        let snapshot = try SnapshotLoader.load(from: store)
        state.withLock {
            $0.fullReads += 1
            $0.lastReadReason = reason
            $0.lastReadSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        }
        return keep(snapshot)
    }

    /// Starts a full read on a background thread, unless one is running. When it ends, the
    /// changes written meanwhile are applied to it and it replaces the snapshot in use.
    private func startReading(reason: String) {
        let start = state.withLock { state -> Bool in
            guard !state.reading else { return false }
            state.reading = true
            state.lastReadReason = reason
            return true
        }
        guard start else { return }
        Thread.detachNewThread { [self] in
            let started = DispatchTime.now()
            var fresh = try? SnapshotLoader.load(from: store)
            loading.lock()
            defer { loading.unlock() }
            if let read = fresh {
                switch try? SnapshotDelta.read(from: store, after: read) {
                case .changes(let delta)?: fresh = read.applying(delta)
                case .unchanged(let version, _)?: fresh = read.relabelled(version: version)
                default: break
                }
            }
            state.withLock {
                $0.reading = false
                $0.fullReads += 1
                $0.lastReadSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            }
            if let fresh, fresh.version >= (cached.withLock { $0 }?.version ?? 0) { _ = keep(fresh) }
        }
    }
}
