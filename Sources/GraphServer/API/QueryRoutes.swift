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
        router.get("/api/query/cross-border") { request, context in
            try downloadable(request, context, { try reads.crossBorder($0, context: $1) }) { answer in
                Download.table("cross-border links", answer["links"]?.arrayValue ?? [],
                               columns: ["from", "from_area", "kind", "to", "to_area", "label", "first_seen", "last_seen", "intel"],
                               ids: ["from", "to"], name: "cross-border")
            }
        }
        router.get("/api/query/marthr") { request, context in
            try downloadable(request, context, { try reads.marthr($0, context: $1) }) { answer in
                Download.table("MARTHR candidates", answer["candidates"]?.arrayValue ?? [],
                               columns: ["id", "kind", "label", "area", "score", "criteria", "children_at_risk", "newest_intel", "intel", "evidence"],
                               ids: ["id"], name: "marthr-candidates")
            }
        }
    }

    /// A verb whose answer is a list: JSON, or with `format=csv` the list as a CSV download
    /// (a disclosure, audited with its recipient, besides the consultation the verb writes).
    private func downloadable(_ request: Request, _ context: AppRequestContext,
                              _ verb: (Request, AppRequestContext) throws -> JSONValue,
                              table: ([String: JSONValue]) -> (Download, [String])) throws -> Response {
        _ = try context.requireSensitive(.analyse)
        let csv = try Download.wantsCSV(request)
        let json = try verb(request, context)
        guard csv else { return answer(json) }
        let (file, ids) = table(json.objectValue ?? [:])
        return try file.response(recordIds: ids, request: request, context: context, services: services)
    }

    private func answer(_ json: JSONValue) -> Response { JSONResponse.make(json) }
}
