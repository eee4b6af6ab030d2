import GraphCore
import Foundation

/// Threads of the service's own for request handling, as a task executor.
///
/// The handlers call SQLite (GRDB) and Graphviz synchronously. On Swift's cooperative pool,
/// which has one thread per core, a request waiting for an fsync or a read would hold one of
/// those few threads and stall every other request. ``WorkerMiddleware`` runs each request
/// with this executor preferred, so blocking calls wait on these threads instead; and since
/// many requests can then wait at once, their audit rows share one group commit.
///
/// Written by hand because neither Swift nor NIO ships a thread-pool `TaskExecutor`; it is a
/// queue and a condition variable.
final class WorkerExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`: jobs waiting, first at `head`.
    private var jobs: [UnownedJob] = []
    private var head = 0

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [Int: WorkerExecutor] = [:]

    /// The process's executor with `threads` threads: threads live as long as the process,
    /// so every service built in one process (tests build many) shares them.
    static func shared(threads: Int) -> WorkerExecutor {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let executor = cache[threads] { return executor }
        let executor = WorkerExecutor(threads: threads)
        cache[threads] = executor
        return executor
    }

    /// Starts `threads` worker threads, which live as long as the process.
    private init(threads: Int) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in work() }
            thread.name = "cegraph-worker-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head > 1024, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
