import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore
import HTTPTypes
import Hummingbird

/// Search, entities, associations and maps: the intelligence picture as each role may see it.
struct GraphRoutes {
    let services: Services

    var reads: GraphReads { GraphReads(services: services) }

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/search", use: search)
        router.get("/api/entities/{id}", use: entity)
        router.get("/api/associations/{id}", use: associations)
        router.get("/api/maps/{id}", use: map)
    }

    /// Search with `{"q": ..., "kind": ..., "limit": ...}` in the body. There is no GET form:
    /// the text is most often a name, and names never go in a URL (a browser's history, a
    /// proxy's log).
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readPicture)
        let body = try await request.jsonObject(limit: 16 * 1024)
        let limit = body["limit"].map { $0.stringValue ?? $0.jsonText }
        return try searchAnswer(text: body["q"]?.stringValue, kind: body["kind"]?.stringValue, limit: limit, context: context)
    }

    private func searchAnswer(text: String?, kind: String?, limit: String?, context: AppRequestContext) throws -> Response {
        guard let text, !text.trimmingWhitespace().isEmpty else { throw ServerError(.badRequest, "give q, the text to find") }
        var count = 20
        if let limit {
            guard let number = Int(limit), (1...200).contains(number) else { throw ServerError(.badRequest, "limit must be a whole number from 1 to 200") }
            count = number
        }
        let hits = try reads.search(text, kind: kind.flatMap(EntityKind.init(rawValue:)), limit: count, for: context)
        return JSONResponse.make(.object(["hits": .array(hits.map {
            .object(["id": .string($0.id), "kind": .string($0.kind.rawValue), "label": .string($0.label)])
        })]))
    }

    @Sendable func entity(_ request: Request, context: AppRequestContext) async throws -> Response {
        return JSONResponse.make(try reads.entity(try context.parameters.require("id"), for: context).detail.json)
    }

    @Sendable func associations(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.analyse)
        let id = try context.parameters.require("id")
        let hops = try request.integer("hops", default: 1, in: 1...4)
        let viewer = try services.viewer(context, purpose: "association query")
        // The whole picture's police need no check on this hot path: the engine answers an
        // unknown id as missing.
        if !viewer.access.seesWholePicture, try !services.store.mayOpen(id, asked: "associations", by: viewer) { throw ServerError.notFound }
        // The same question on unchanged data gets the same answer: kept as JSON bytes, and
        // audited again for this request exactly as the engine audits a fresh one. Viewers
        // who may see different things never share an answer.
        // Kept under the version of the snapshot that answers (a full read running beside it
        // may leave it behind the store's for a moment: issue 22).
        let key = AssociationKey(root: id, hops: hops, dataVersion: try services.engine.snapshot().version, access: viewer.access)
        if let kept = services.associations.get(key) {
            try await services.engine.audit("associations", ["id": .string(id), "hops": .number(String(hops))], filter: QueryFilter(),
                                            version: key.dataVersion, recordIds: kept.recordIds, viewer: viewer)
            return JSONResponse.make(bytes: kept.data)
        }
        // Not kept: computed on a worker thread (this route runs on Swift's pool; see
        // WorkerMiddleware.stayOnThePool).
        let answer = try await services.blocking {
            try services.engine.associations(of: id, hops: hops, filter: QueryFilter(), viewer: viewer)
        }
        let bytes = Data(answer.jsonBytes)
        services.associations.put(key, .init(data: bytes, recordIds: answer.recordIds))
        return JSONResponse.make(bytes: bytes)
    }

    static let contentTypes: [MapFormat: String] = [.svg: "image/svg+xml; charset=utf-8", .png: "image/png", .pdf: "application/pdf",
                                                    .dot: "text/vnd.graphviz; charset=utf-8"]

    @Sendable func map(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readPicture)
        let id = try context.parameters.require("id")
        // Who may see the entity is checked before the query parameters, so that a hidden
        // record answers as a missing one whatever else the request says.
        try reads.checkMap(id, audience: .panel, for: try services.viewer(context, purpose: "viewing a map"))
        let hops = try request.integer("hops", default: 1, in: 1...3)
        let format: MapFormat
        switch request.query("format") ?? "svg" {
        case "svg": format = .svg
        case "png": format = .png
        case "pdf": format = .pdf
        case "dot": format = .dot
        case let other: throw ServerError(.badRequest, "format \(Excerpt.bare(other)) is not svg, png, pdf or dot")
        }
        let newSince = try QueryReads.given(request, "new_since").map { text in
            guard let day = CalendarDate(text) else { throw ServerError(.badRequest, "new_since \(Excerpt.bare(text)) is not a date; write YYYY-MM-DD") }
            return day
        }
        // `download=1`: the same map as a file to keep (a plain link on the map page), its
        // disclosure recorded to the account or to whom `recipient` names.
        let download = request.query("download") == "1"
        let audience = try GraphReads.audience(request.query("audience"))
        let account = try context.requireSignedIn()
        let data = try await reads.map(id, hops: hops, audience: audience, format: format,
                                       filter: try QueryReads(services: services).filter(request), newSince: newSince,
                                       arrangement: try MapArrangement(request), view: try MapView(request),
                                       recipient: download ? Download.recipient(request, account: account) : nil, for: context)
        var headers: HTTPFields = [.contentType: GraphRoutes.contentTypes[format] ?? "application/octet-stream"]
        if download {
            headers[.contentDisposition] = "attachment; filename=\"\(Download.fileName("map-\(id)-\(hops)-links-\(audience.rawValue)", format.rawValue))\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
