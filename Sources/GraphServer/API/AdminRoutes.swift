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

    /// The newest rows and whether the chain is intact; `refused=1` keeps only the reads
    /// refused for need-to-know, each with what was asked (`"asked": {"what", "id"}`).
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let read = try AuditReads(services: services).read(request, defaultLimit: 100, for: context)
        let (entries, verification, refused) = (read.entries, read.verification, read.refusedOnly)
        return JSONResponse.make(.object([
            "intact": .bool(verification.isIntact), "rows": .number(String(verification.rows)), "refused_only": .bool(refused),
            "fault": verification.fault.map { .string($0.description) } ?? .null,
            "head": verification.head.map { .object(["seq": .number(String($0.seq)), "mac": .string($0.mac), "key": .string($0.keyId)]) } ?? .null,
            "entries": .array(entries.map { entry -> JSONValue in
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


    @Sendable func openAPI(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw ServerError(.internalServerError, "the OpenAPI document is missing from the build")
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
