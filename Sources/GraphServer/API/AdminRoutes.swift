import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// The audit viewer (auditors), the OpenAPI document and a health check.
struct AdminRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/audit", use: audit)
        router.get("/openapi.json", use: openAPI)
        router.get("/healthz", use: health)
    }

    /// A page of the rows the filters match (`actor`, `record`, `operation`, `from`, `to`,
    /// `refused=1`), newest first, `limit` at a time from `before`, with how many match and
    /// whether the chain is intact; a refused read carries what was asked
    /// (`"asked": {"what", "id"}`). `format=csv`: every matching row as CSV, audited as a
    /// disclosure to the account.
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let format = request.query("format") ?? "json"
        guard ["json", "csv"].contains(format) else { throw ServerError(.badRequest, "format is json or csv") }
        let reads = AuditReads(services: services)
        if format == "csv" {
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"audit-log.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: try reads.csv(request, for: context))))
        }
        let read = try reads.read(request, defaultLimit: 100, for: context)
        let (page, verification) = (read.page, read.page.verification)
        return JSONResponse.make(.object([
            "intact": .bool(verification.isIntact), "rows": .number(String(verification.rows)), "refused_only": .bool(read.query.refusedOnly),
            "fault": verification.fault.map { .string($0.description) } ?? .null,
            "head": verification.head.map { .object(["seq": .number(String($0.seq)), "mac": .string($0.mac), "key": .string($0.keyId)]) } ?? .null,
            "matching": .number(String(page.matching)), "newer": .number(String(page.newer)),
            "next_before": page.hasOlder ? page.entries.last.map { .number(String($0.seq)) } ?? .null : .null,
            "entries": .array(page.entries.map { entry -> JSONValue in
                var row: [String: JSONValue] = [
                    "seq": .number(String(entry.seq)), "at": .string(entry.at), "operation": .string(entry.operation),
                    "actor": .string(entry.actor), "justification": .string(entry.justification),
                    "records": (try? JSONParser.parse(entry.records)) ?? .string(entry.records),
                    "recipients": (try? JSONParser.parse(entry.recipients)) ?? .array([]),
                ]
                if let asked = entry.asked { row["asked"] = .object(["what": .string(asked.what), "id": .string(asked.id)]) }
                if let damage = entry.damage { row["damage"] = .string(damage) }
                return .object(row)
            }),
        ]))
    }

    /// Counts of memory and the query snapshot's state only, no personal data: what an
    /// operator watches. While the first read of the graph runs, 503 with `Retry-After`
    /// (issue 22; `cegraph serve` reads before its port opens, so it opens ready).
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        let state = services.engine.snapshotState
        func number(_ value: Double?, _ scale: Double) -> JSONValue { value.map { .number(String(format: "%.1f", $0 * scale)) } ?? .null }
        var response = JSONResponse.make(.object([
            "status": .string(state.loading ? "loading" : "ok"),
            "sqlite_memory_bytes": .number(String(Store.sqliteMemoryUsed)),
            "snapshot": .object([
                "version": state.version.map { .number(String($0)) } ?? .null,
                "reading_beside": .bool(state.reading), "full_reads": .number(String(state.fullReads)),
                "deltas": .number(String(state.deltas)), "last_delta_ms": number(state.lastDeltaSeconds, 1000),
                "last_read_s": number(state.lastReadSeconds, 1), "last_read_reason": state.lastReadReason.map { .string($0) } ?? .null,
            ]),
        ]))
        if state.loading {
            response.status = .serviceUnavailable
            response.headers[.retryAfter] = "5"
        }
        return response
    }

    @Sendable func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw ServerError(.internalServerError, "the OpenAPI document is missing from the build")
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
