import Foundation
import GraphCore

/// Hands decoded records from the thread that reads and parses a file to the thread that
/// writes them, in file order, a batch at a time.
///
/// Parsing and writing each take about half of an import's time, so on two cores running
/// them side by side nearly halves it. The queue is bounded, so a fast reader cannot fill
/// memory while the writer works.
final class RecordPipe: @unchecked Sendable {
    /// Records in file order, each with its line.
    struct Batch {
        var lines: [Int] = []
        var records: [InputRecord] = []
    }

    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var outcome: Result<String, any Error>?
    private var cancelled = false
    private let capacity = 16

    /// Called by the reader: waits while the queue is full. Returns `false` once the
    /// writer has given up, so the reader stops.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// Called by the reader when it is done: the file's SHA-256, or the error that stopped it.
    func finish(_ result: Result<String, any Error>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the writer: the next batch, or `nil` when the reader has finished and the
    /// queue is empty.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && outcome == nil { condition.wait() }
        if queue.isEmpty { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The reader's outcome; call after `take()` returned `nil`.
    func result() throws -> String {
        condition.lock()
        defer { condition.unlock() }
        return try outcome!.get()
    }

    /// Called by the writer when it fails: the reader stops at its next batch.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while outcome == nil { condition.wait() }
        condition.unlock()
    }
}
