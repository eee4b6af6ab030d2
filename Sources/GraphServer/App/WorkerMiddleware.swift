import GraphCore
import Hummingbird

/// Runs the rest of each request on the service's worker threads (``WorkerExecutor``),
/// so that SQLite and Graphviz calls block a worker rather than Swift's cooperative pool.
///
/// The routes in ``stayOnThePool`` are left on the pool: they answer most requests from
/// memory and wait for their audit row without holding a thread, so the two thread hops
/// (to a worker and back) would be most of their cost; they move their own blocking work to
/// the workers (``Services/blocking(_:)``).
struct WorkerMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let executor: WorkerExecutor

    /// GET paths (by prefix) whose handlers run on Swift's pool: the 2-hop association API,
    /// whose kept answers are a memory lookup and an audit row.
    static let stayOnThePool = ["/api/associations/"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get, WorkerMiddleware.stayOnThePool.contains(where: { request.uri.path.hasPrefix($0) }) {
            return try await next(request, context)
        }
        return try await withTaskExecutorPreference(executor) {
            try await next(request, context)
        }
    }
}

extension Services {
    /// Runs `body`, which blocks (SQLite, Graphviz), on the worker threads: for the
    /// handlers of ``WorkerMiddleware/stayOnThePool`` when they cannot answer from memory.
    /// Without workers (`--worker-threads 0`) it runs where it is.
    func blocking<Result>(_ body: () throws -> Result) async throws -> Result {
        guard let workers else { return try body() }
        return try await withTaskExecutorPreference(workers) { try body() }
    }
}
