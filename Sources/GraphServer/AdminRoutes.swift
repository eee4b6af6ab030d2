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
        // Counts of memory only, no personal data: what an operator watches.
        router.get("/healthz") { _, _ in
            JSONResponse.make(.object(["status": "ok", "sqlite_memory_bytes": .number(String(Store.sqliteMemoryUsed))]))
        }
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.readAudit)
        let limit = try request.integer("limit", default: 100, in: 1...10_000)
        let (entries, verification) = try services.store.readAuditLog(limit: limit, by: services.viewer(context, purpose: "reading the audit log"))
        return JSONResponse.make(.object([
            "intact": .bool(verification.isIntact), "rows": .number(String(verification.rows)),
            "entries": .array(entries.map { entry in
                .object(["seq": .number(String(entry.seq)), "at": .string(entry.at), "operation": .string(entry.operation),
                         "actor": .string(entry.actor), "justification": .string(entry.justification),
                         "records": (try? JSONParser.parse(entry.records)) ?? .string(entry.records),
                         "recipients": (try? JSONParser.parse(entry.recipients)) ?? .array([])])
            }),
        ]))
    }

    @Sendable func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw ServerError(.internalServerError, "the OpenAPI document is missing from the build")
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
