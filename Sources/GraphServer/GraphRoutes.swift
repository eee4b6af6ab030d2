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

    static let police: Set<Role> = [.analyst, .ccsetCoordinator, .marthrChair]
    static let readers: Set<Role> = police.union([.panelMember])

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/search", use: search)
        router.get("/api/entities/{id}", use: entity)
        router.get("/api/associations/{id}", use: associations)
        router.get("/api/maps/{id}", use: map)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(GraphRoutes.readers)
        guard let text = request.query("q"), !text.trimmingWhitespace().isEmpty else { throw ServerError(.badRequest, "give q, the text to find") }
        let limit = try request.integer("limit", default: 20, in: 1...200)
        let children = try services.visibility.panelChildren(for: account)
        // A panel member's search sees only their agenda children, and nothing else exists.
        let kind: EntityKind? = children == nil ? request.query("kind").flatMap(EntityKind.init(rawValue:)) : .child
        var hits = try services.store.search(text, kind: kind, limit: children == nil ? limit : 10_000,
                                             for: services.viewer(account, purpose: "search"))
        if let children { hits = Array(hits.filter { children[$0.id] != nil }.prefix(limit)) }
        return JSONResponse.make(.object(["hits": .array(hits.map {
            .object(["id": .string($0.id), "kind": .string($0.kind.rawValue), "label": .string($0.label)])
        })]))
    }

    @Sendable func entity(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(GraphRoutes.readers)
        let id = try context.parameters.require("id")
        guard try services.visibility.maySee(id, account: account),
              let detail = try services.store.entityDetail(id: id, for: services.viewer(account, purpose: "viewing an entity")) else {
            throw ServerError.notFound
        }
        return JSONResponse.make(try redacted(detail.json, for: account))
    }

    /// The entity page as `account` may see it: no handling-code-C report for a non-police
    /// role (and no link that rests on nothing else), and for a panel member no link to a
    /// child off their agendas.
    func redacted(_ json: JSONValue, for account: Account) throws -> JSONValue {
        guard case .object(var object) = json else { return json }
        let children = try services.visibility.panelChildren(for: account)
        func visible(_ intel: JSONValue) -> Bool {
            account.role.isPolice || !(intel.objectValue?["grading"]?.stringValue?.hasSuffix("C") ?? false)
        }
        object["about"] = .array((object["about"]?.arrayValue ?? []).filter(visible))
        object["links"] = .array((object["links"]?.arrayValue ?? []).compactMap { link in
            guard case .object(var fields) = link else { return nil }
            let intel = fields["intel"]?.arrayValue ?? []
            let kept = intel.filter(visible)
            if !intel.isEmpty, kept.isEmpty { return nil }
            if let children, fields["other"]?.objectValue?["kind"]?.stringValue == "child",
               let other = fields["other"]?.objectValue?["id"]?.stringValue, children[other] == nil { return nil }
            fields["intel"] = .array(kept)
            return .object(fields)
        })
        return .object(object)
    }

    @Sendable func associations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(GraphRoutes.police)
        let id = try context.parameters.require("id")
        let hops = try request.integer("hops", default: 1, in: 1...4)
        let answer = try services.engine.associations(of: id, hops: hops, filter: QueryFilter(),
                                                      viewer: services.viewer(account, purpose: "association query"))
        return JSONResponse.make(answer.json)
    }

    @Sendable func map(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.require(GraphRoutes.readers)
        let id = try context.parameters.require("id")
        guard try services.visibility.maySee(id, account: account) else { throw ServerError.notFound }
        let hops = try request.integer("hops", default: 1, in: 1...3)
        let requested = request.query("audience") ?? Audience.panel.rawValue
        guard let audience = Audience(rawValue: requested) else { throw ServerError(.badRequest, "audience is analyst, police or panel") }
        // Panel members and other non-police roles see only panel maps.
        if !account.role.isPolice, audience != .panel { throw ServerError.forbidden }
        // The panel audience's redaction drops handling-code-C material from the map itself.
        let filter = QueryFilter()
        let map: MapGraph
        do {
            map = try services.engine.associationMap(of: id, hops: hops, filter: filter, newSince: nil, coLocationHours: nil)
        } catch is QueryError where !account.role.isPolice {
            throw ServerError.notFound
        }
        let rendered = try await services.renderer.render(map, audience: audience, format: .svg, engine: nil,
                                                          date: CalendarDate.today.description, newSince: nil)
        try services.store.auditDisclosure(["render": .string("association map"), "root": .string(id), "hops": .number(String(hops)),
                                            "audience": .string(audience.rawValue), "format": "svg"],
                                           recordIds: rendered.disclosedIds, recipients: [account.username],
                                           by: services.viewer(account, purpose: "viewing a map"))
        return Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(data: rendered.data)))
    }
}
