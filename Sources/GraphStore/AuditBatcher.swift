import Foundation
import GraphCore

/// Group commit for the audit rows of reads (consultations and disclosures): rows that
/// arrive while another batch is being written wait, then go together in one transaction,
/// so concurrent requests share one fsync instead of queueing for one each.
///
/// Each caller still returns only once its own row is durable, and throws if the batch
/// holding it failed: a read whose audit row cannot be written returns no data. The rows of
/// a batch are chained in the order they arrived.
///
/// Written by hand because the pattern (leader and followers on one condition variable) is
/// a few lines, and no library offers it over GRDB's writer.
final class AuditBatcher: @unchecked Sendable {
    /// One row waiting to be written.
    final class Pending {
        let operation: AuditLog.Operation
        let viewer: Viewer
        let records: JSONValue
        let recipients: [String]
        var done = false
        var error: (any Error)?

        init(_ operation: AuditLog.Operation, viewer: Viewer, records: JSONValue, recipients: [String]) {
            self.operation = operation
            self.viewer = viewer
            self.records = records
            self.recipients = recipients
        }
    }

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Pending] = []
    private var writing = false

    /// Writes `item` with whatever else is waiting, and returns once it is written.
    ///
    /// - Parameter write: writes a batch in one transaction (called by whichever caller
    ///   leads the batch, outside the lock).
    /// - Throws: the batch's error, when the transaction holding `item` failed.
    func submit(_ item: Pending, write: ([Pending]) throws -> Void) throws {
        condition.lock()
        queue.append(item)
        while !item.done {
            if writing {
                condition.wait()
                continue
            }
            // Lead a batch: everything queued so far, this row included.
            writing = true
            let batch = queue
            queue = []
            condition.unlock()
            var failure: (any Error)?
            do { try write(batch) } catch { failure = error }
            condition.lock()
            for pending in batch {
                pending.done = true
                pending.error = failure
            }
            writing = false
            condition.broadcast()
        }
        let error = item.error
        condition.unlock()
        if let error { throw error }
    }
}
