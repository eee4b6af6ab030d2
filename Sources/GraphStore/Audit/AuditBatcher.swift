import Foundation
import GraphCore

/// Group commit for the audit rows of reads (consultations and disclosures): rows that
/// arrive while a batch is being written wait, then go together in the next transaction, so
/// concurrent requests share one fsync instead of queueing for one each.
///
/// Each caller still returns only once its own row is durable, and throws if the batch
/// holding it failed: a read whose audit row cannot be written returns no data. The rows of
/// a batch are chained in the order they arrived.
///
/// Batches are written one after another on a serial queue of the batcher's own. A
/// synchronous caller blocks until its batch is written; an `async` caller is suspended
/// instead and holds no thread, so a service waiting on the disk for many requests at once
/// puts all their rows into one transaction.
///
/// Written by hand because the pattern (a queue drained in batches, with a completion per
/// item) is a few lines, and no library offers it over GRDB's writer.
final class AuditBatcher: @unchecked Sendable {
    /// One row waiting to be written.
    final class Pending: @unchecked Sendable {
        let operation: AuditLog.Operation
        let viewer: Viewer
        let records: JSONValue
        let recipients: [String]
        /// Called once, on the batcher's queue, with the batch's error if it failed.
        fileprivate var completion: ((any Error)?) -> Void = { _ in }

        init(_ operation: AuditLog.Operation, viewer: Viewer, records: JSONValue, recipients: [String]) {
            self.operation = operation
            self.viewer = viewer
            self.records = records
            self.recipients = recipients
        }
    }

    private let write: ([Pending]) throws -> Void
    private let drainQueue = DispatchQueue(label: "cegraph.audit-batcher")
    private let lock = NSLock()
    // Guarded by `lock`: rows waiting for the next batch, and whether a drain is running.
    private var waiting: [Pending] = []
    private var draining = false

    /// - Parameter write: writes a batch in one transaction, in order.
    init(write: @escaping ([Pending]) throws -> Void) {
        self.write = write
    }

    /// Writes `item` with whatever else is waiting, and returns once it is written.
    ///
    /// - Throws: the batch's error, when the transaction holding `item` failed.
    func submit(_ item: Pending) throws {
        let done = DispatchSemaphore(value: 0)
        var failure: (any Error)?
        item.completion = { error in
            failure = error
            done.signal()
        }
        enqueue(item)
        done.wait()
        if let failure { throw failure }
    }

    /// Writes `item` with whatever else is waiting, suspending the caller (not blocking its
    /// thread) until it is written.
    ///
    /// - Throws: the batch's error, when the transaction holding `item` failed.
    func submit(_ item: Pending) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            item.completion = { error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            }
            enqueue(item)
        }
    }

    private func enqueue(_ item: Pending) {
        lock.lock()
        waiting.append(item)
        let start = !draining
        draining = true
        lock.unlock()
        if start { drainQueue.async { self.drain() } }
    }

    /// Writes batches until none is waiting.
    private func drain() {
        while true {
            lock.lock()
            let batch = waiting
            waiting = []
            if batch.isEmpty { draining = false }
            lock.unlock()
            if batch.isEmpty { return }
            var failure: (any Error)?
            do { try write(batch) } catch { failure = error }
            for pending in batch { pending.completion(failure) }
        }
    }
}
