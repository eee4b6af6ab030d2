import Foundation
import CaseWorkflow
import GraphCore
import GraphQuery
import GraphRender
import GraphStore

/// The reads of the intelligence picture as one account may see them. The JSON API and the
/// HTML pages both call these, so that the two cannot disagree about what a role may see:
/// every visibility rule for search, entities and maps lives here or in ``Visibility``.
struct GraphReads: Sendable {
    let services: Services


    // MARK: - Search

    /// Finds entities the viewer may open (``Store/search(_:kind:limit:for:)`` applies
    /// their ``Access``): a panel member finds only the children on their agendas, a
    /// non-police viewer only children in scope, and nothing else exists for them.
    func search(_ text: String, kind: EntityKind?, limit: Int, for context: AppRequestContext) throws -> [SearchHit] {
        _ = try context.requireSensitive(.readPicture)
        return try services.store.search(text, kind: kind, limit: limit, for: services.viewer(context, purpose: "search"))
    }

    // MARK: - Entities

    /// The entity as the viewer may see it (``EntityDetail/seen(by:)``: the store applies
    /// their ``Access``).
    ///
    /// - Throws: ``ServerError/notFound`` for a missing entity and for one the viewer may
    ///   not see, alike; the store audits which it was.
    /// - Returns: the record, and what the viewer may see (for a page's links), read once.
    func entity(_ id: String, for context: AppRequestContext) throws -> (detail: EntityDetail, access: Access) {
        _ = try context.requireSensitive(.readPicture)
        let viewer = try services.viewer(context, purpose: "viewing an entity")
        guard let detail = try services.store.entityDetail(id: id, for: viewer) else { throw ServerError.notFound }
        return (detail, viewer.access)
    }

    // MARK: - Maps

    /// Checks that the viewer may see a map of `id` for `audience`, before anything is drawn.
    ///
    /// - Throws: ``ServerError/notFound`` when the viewer may not see the entity (audited as
    ///   a refusal); ``ServerError/forbidden`` when a non-police role asks for any audience
    ///   but panel.
    func checkMap(_ id: String, audience: Audience, for viewer: Viewer) throws {
        // Panel members and other non-police roles see only panel maps.
        if !viewer.access.readsHandlingCodeC, audience != .panel { throw ServerError.forbidden }
        guard try services.store.mayOpen(id, asked: "map", by: viewer) else { throw ServerError.notFound }
    }

    /// The audience a request names (`panel` when it names none).
    ///
    /// - Throws: ``ServerError`` 400 for an unknown audience.
    static func audience(_ requested: String?) throws -> Audience {
        guard let audience = Audience(rawValue: requested ?? Audience.panel.rawValue) else {
            throw ServerError(.badRequest, "audience is analyst, police or panel")
        }
        return audience
    }

    /// Draws the association map of `id` as SVG for `account`, and records the disclosure to
    /// `recipient` (the account when nil).
    ///
    /// - Parameters:
    ///   - filter: the query filters (dates, grading, kinds, as of) the map is drawn through.
    ///   - newSince: links first seen after this day are drawn as new.
    ///   - arrangement: what the viewer expanded, hid, pinned and collapsed on the map page.
    func map(_ id: String, hops: Int, audience: Audience, format: MapFormat = .svg, filter: QueryFilter = QueryFilter(),
             newSince: CalendarDate? = nil, arrangement: MapArrangement = MapArrangement(), view: MapView = .associations,
             recipient: String? = nil, for context: AppRequestContext) async throws -> Data {
        let account = try context.requireSensitive(view == .associations ? .readPicture : .analyse)
        let viewer = try services.viewer(context, purpose: "viewing a map")
        try checkMap(id, audience: audience, for: viewer)
        if case .path(let to) = view { try checkMap(to, audience: audience, for: viewer) }
        // The map is computed on what the viewer may see for this audience, never drawn
        // whole and redacted after; the key holds what decides that, so that viewers who
        // may see different things never share a drawing.
        let access = viewer.access.narrowed(to: audience)
        // The graph is computed each time (microseconds); the drawing is what the cache keeps,
        // under the version of the snapshot that draws (not the store's, which a full read
        // running beside the snapshot may leave ahead for a moment: issue 22).
        let version = try services.engine.snapshot().version
        var map: MapGraph
        do {
            switch view {
            case .associations:
                map = try services.engine.associationMap(of: id, hops: hops, filter: filter, newSince: newSince, coLocationHours: nil,
                                                         expanding: arrangement.expanded, access: access)
            case .crossBorder:
                map = try services.engine.crossBorderMap(of: id, hops: hops, filter: filter.seen(by: access), newSince: newSince)
            case .path(let to):
                map = try services.engine.pathMap(from: id, to: to, limit: 10, filter: filter.seen(by: access), newSince: newSince)
            case .marthr:
                map = try services.engine.marthrEvidenceMap(of: id, filter: filter.seen(by: access), on: filter.asOf ?? .today,
                                                            newSince: newSince)
            }
        } catch is QueryError where !account.role.isPolice {
            throw ServerError.notFound
        }
        // Notices in force mark their subjects for those who read MARTHR's register (never on
        // a panel's map); the key names them, so a notice served or ended redraws the map.
        let notices = audience == .panel ? [:] : try services.workflow.noticesInForce(against: Set(map.nodes.map(\.id)), asOf: .today,
                                                                                       by: viewer)
        for index in map.nodes.indices {
            // The map lets the viewer select only what they may open (a panel member most
            // people on a child's map may not).
            let node = map.nodes[index]
            map.nodes[index].opens = viewer.access.mayOpen(kind: node.kind, ref: node.id, area: node.area?.code, force: node.area?.forceCode)
            if let found = notices[map.nodes[index].id] {
                map.nodes[index].notices = found.map { DisruptionTool(rawValue: $0.tool)?.shortName ?? $0.tool }
            }
        }
        let key = MapKey(root: id, hops: hops, audience: audience, format: format, filter: filter, newSince: newSince,
                         arrangement: arrangement, view: view,
                         date: CalendarDate.today.description,
                         dataVersion: version, access: access,
                         notices: notices.keys.sorted().map { "\($0):" + notices[$0]!.map(\.ref).joined(separator: ",") }.joined(separator: ";"))
        let rendered: ResponseCache<MapKey>.Entry
        if let kept = services.maps.get(key) {
            rendered = kept
        } else {
            let drawn = try await services.renderer.render(map, audience: audience, format: format, engine: nil, date: key.date,
                                                           newSince: newSince?.description, arrangement: arrangement,
                                                           communities: MapCommunities.of)
            rendered = ResponseCache<MapKey>.Entry(data: drawn.data, recordIds: drawn.disclosedIds)
            services.maps.put(key, rendered)
        }
        // Every request discloses the map again, so every request writes its own row.
        var details: [String: JSONValue] = ["render": .string(view.auditName), "root": .string(id), "hops": .number(String(hops)),
                                            "audience": .string(audience.rawValue), "format": .string(format.rawValue),
                                            "filters": filter.json, "arrangement": arrangement.json,
                                            "data_version": .number(String(version))]
        if case .path(let to) = view { details["to"] = .string(to) }
        try services.store.auditDisclosure(details,
                                           recordIds: rendered.recordIds, recipients: [recipient ?? account.username],
                                           by: viewer)
        return rendered.data
    }
}
