import Dispatch

/// Runs async work from synchronous code (a command's `run()`) and waits for its result.
///
/// Only for code that is not itself running on Swift's cooperative pool: blocking a pool
/// thread this way could starve the work it waits for.
public func waitFor<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) throws -> Result {
    let box = Locked<Swift.Result<Result, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let result: Swift.Result<Result, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        box.withLock { $0 = result }
        done.signal()
    }
    done.wait()
    return try box.withLock { $0! }.get()
}
