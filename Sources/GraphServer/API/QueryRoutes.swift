import GraphCore
import Hummingbird

/// The query verbs as JSON (docs/QUERIES.md): paths, common associates, networks,
/// co-location, key players, communities, cross-border links and MARTHR candidates. Police
/// roles only, after a reason for sensitive views; every answer is the engine's JSON, after
/// its audit row is written (``QueryReads``).
struct QueryRoutes {
    let services: Services
    var reads: QueryReads { QueryReads(services: services) }

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/query/path") { request, context in try answer(reads.path(request, context: context)) }
        router.get("/api/query/common") { request, context in try answer(reads.common(request, context: context)) }
        router.get("/api/query/network/{id}") { request, context in
            try answer(reads.network(try context.parameters.require("id"), request, context: context))
        }
        router.get("/api/query/colocation") { request, context in try answer(reads.coLocation(request, context: context)) }
        router.get("/api/query/key-players") { request, context in try answer(reads.keyPlayers(request, context: context)) }
        router.get("/api/query/communities") { request, context in try answer(reads.communities(request, context: context)) }
        router.get("/api/query/cross-border") { request, context in try answer(reads.crossBorder(request, context: context)) }
        router.get("/api/query/marthr") { request, context in try answer(reads.marthr(request, context: context)) }
    }

    private func answer(_ json: JSONValue) -> Response { JSONResponse.make(json) }
}
