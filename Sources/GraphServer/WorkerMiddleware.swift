import Hummingbird

/// Runs the rest of each request on the service's worker threads (``WorkerExecutor``),
/// so that SQLite and Graphviz calls block a worker rather than Swift's cooperative pool.
struct WorkerMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let executor: WorkerExecutor

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(executor) {
            try await next(request, context)
        }
    }
}
