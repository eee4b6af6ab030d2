import Foundation
import GRDB
import GraphCore

/// Moves the write-ahead log into the database file on a schedule of its own, doing the
/// bulk of the copy where no request waits for it.
///
/// SQLite's automatic checkpoint runs inside whichever commit finds the log over 1,000
/// pages; in the service that is an audit row's commit, and every request waiting on the
/// group commit stalls behind a checkpoint that writes megabytes and fsyncs the file. While
/// this runs, the writer's automatic checkpoint is off, and every `interval` seconds:
///
/// 1. a `PASSIVE` checkpoint, which never blocks a writer or a reader, copies the log into
///    the file on a separate connection: the bulk of the work, off the write path;
/// 2. a second `PASSIVE` checkpoint on the writer's own connection copies the few frames
///    committed meanwhile. Between two commits no frame can arrive, so the log is then
///    copied whole, and the next commit starts it again from the top. Without this step,
///    under steady writes the background copy never catches the last frame, and the log
///    (and SQLite's index of it, mapped into memory) would grow for as long as the service
///    runs. This step does hold the commits behind it while it copies and fsyncs: about
///    10 ms a second under the 2-hop benchmark's load (it was 30 ms while the audit log's
///    random `hash` index scattered every row's writes; schema 0008 dropped it).
///
/// Written by hand: GRDB offers the checkpoint call, not a schedule for it.
public final class BackgroundCheckpointer: Sendable {
    private let running = Locked(true)
    private let writer: any DatabaseWriter
    private let finished = DispatchSemaphore(value: 0)
    private let wake = DispatchSemaphore(value: 0)

    fileprivate init(pool: DatabasePool, interval: Double) throws {
        writer = pool
        let connection = try DatabaseQueue(path: pool.path)
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        let thread = Thread { [running, finished, wake, pool] in
            while running.withLock({ $0 }) {
                _ = wake.wait(timeout: .now() + interval)
                // A failed checkpoint (the disk full, say) leaves the log to grow; the next
                // try may succeed, and no data is at risk meanwhile.
                _ = try? connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
                _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.passive) }
            }
            finished.signal()
        }
        thread.name = "cegraph-checkpoint"
        thread.start()
    }

    /// Stops the thread and gives the writer its automatic checkpoint back.
    public func stop() {
        guard running.withLock({ let was = $0; $0 = false; return was }) else { return }
        wake.signal()
        finished.wait()
        _ = try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
    }
}

extension Store {
    /// Starts taking checkpoints in the background (``BackgroundCheckpointer``) for as long
    /// as a service runs; nil when the database has no write-ahead log (in memory).
    ///
    /// - Throws: ``StoreError`` when the second connection cannot be opened.
    public func checkpointInBackground(every interval: Double = 1) throws -> BackgroundCheckpointer? {
        guard let pool = writer as? DatabasePool else { return nil }
        do {
            return try BackgroundCheckpointer(pool: pool, interval: interval)
        } catch {
            throw StoreError("open", wrapping: error, lead: "cannot open a connection for background checkpoints")
        }
    }
}
