import Foundation
import GRDB
import GraphCore

/// The data version as last read, so that the service's hot reads (a kept answer is looked
/// up by the version it was drawn from) need not open a read transaction for it.
///
/// A commit in this process that changes the version forgets the memo at once (a
/// transaction observer on the `data_version` table), so a write is always seen by the next
/// read. A write by another process (a `cegraph import` while the service runs) is seen once
/// the memo is older than `recheck` seconds.
final class DataVersionMemo: @unchecked Sendable {
    private struct State {
        var version: Int64?
        var readAt: UInt64 = 0
        /// Counts the commits that changed the version, so that a read racing one of them
        /// is not kept.
        var generation: UInt64 = 0
    }

    private let state = Locked(State())
    private let recheckNanoseconds: UInt64

    init(recheck: Double) {
        recheckNanoseconds = UInt64(max(0, recheck) * 1_000_000_000)
    }

    /// The kept version if it is fresh, else `read()`'s, which is kept unless a commit
    /// changed the version meanwhile.
    func version(_ read: () throws -> Int64) throws -> Int64 {
        let now = DispatchTime.now().uptimeNanoseconds
        let (kept, generation): (Int64?, UInt64) = state.withLock { state in
            guard let version = state.version, now &- state.readAt < recheckNanoseconds else { return (nil, state.generation) }
            return (version, state.generation)
        }
        if let kept { return kept }
        let version = try read()
        state.withLock { state in
            guard state.generation == generation else { return }
            state.version = version
            state.readAt = now
        }
        return version
    }

    /// Forgets the kept version: a commit changed it.
    func forget() {
        state.withLock { state in
            state.version = nil
            state.generation &+= 1
        }
    }

    /// Watches the writer's commits for changes to the `data_version` table.
    final class Observer: TransactionObserver, @unchecked Sendable {
        private let memo: DataVersionMemo
        // Touched only on the writer's queue.
        private var changed = false

        init(_ memo: DataVersionMemo) {
            self.memo = memo
        }

        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
            eventKind.tableName == "data_version"
        }

        func databaseDidChange(with event: DatabaseEvent) {
            changed = true
        }

        func databaseDidCommit(_ db: Database) {
            if changed { memo.forget() }
            changed = false
        }

        func databaseDidRollback(_ db: Database) {
            changed = false
        }
    }
}
