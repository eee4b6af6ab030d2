import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore

/// The reads of the intelligence picture as one account may see them. The JSON API and the
/// HTML pages both call these, so that the two cannot disagree about what a role may see:
/// every visibility rule for search, entities and maps lives here or in ``Visibility``.
struct GraphReads: Sendable {
    let services: Services

    static let police: Set<Role> = [.analyst, .ccsetCoordinator, .marthrChair]
    static let readers: Set<Role> = police.union([.panelMember])

    // MARK: - Search

    /// Finds entities for `account`: a panel member finds only the children on their
    /// agendas, and nothing else exists for them.
    ///
    /// - Parameters:
    ///   - kind: limits the hits to one kind (ignored for a panel member, who sees children only).
    func search(_ text: String, kind: EntityKind?, limit: Int, for context: AppRequestContext) throws -> [SearchHit] {
        let account = try context.requireSensitive(GraphReads.readers)
        let children = try services.visibility.panelChildren(for: account)
        let kind: EntityKind? = children == nil ? kind : .child
        // A panel member's search runs over their children only, inside the SQL: filtering
        // afterwards would let hidden names decide whether the substring match runs.
        return try services.store.search(text, kind: kind, limit: limit, within: children.map { Array($0.values) },
                                         for: services.viewer(context, purpose: "search"))
    }

    // MARK: - Entities

    /// The entity page as `account` may see it, as JSON.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing entity and for one the viewer may
    ///   not see, alike.
    func entity(_ id: String, for context: AppRequestContext) throws -> JSONValue {
        let account = try context.requireSensitive(GraphReads.readers)
        // A panel member's agenda children, read once for the check and the redaction.
        let children = try services.visibility.panelChildren(for: account)
        guard try services.visibility.maySee(id, among: children),
              let detail = try services.store.entityDetail(id: id, for: services.viewer(context, purpose: "viewing an entity")) else {
            throw ServerError.notFound
        }
        return redacted(detail.json, for: account, children: children)
    }

    /// The entity page as `account` may see it: no handling-code-C report for a non-police
    /// role (and no link that rests on nothing else), and for a panel member no link to a
    /// child off their agendas.
    ///
    /// - Parameters:
    ///   - children: the panel member's agenda children (``Visibility/panelChildren(for:today:)``), nil for other roles.
    func redacted(_ json: JSONValue, for account: Account, children: [String: Int64]?) -> JSONValue {
        guard case .object(var object) = json else { return json }
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

    // MARK: - Maps

    /// Checks that `account` may see a map of `id` for `audience`, before anything is drawn.
    ///
    /// - Throws: ``ServerError/notFound`` when the viewer may not see the entity;
    ///   ``ServerError/forbidden`` when a non-police role asks for any audience but panel.
    func checkMap(_ id: String, audience: Audience, for account: Account) throws {
        try checkMap(id, audience: audience, for: account, among: services.visibility.panelChildren(for: account))
    }

    /// ``checkMap(_:audience:for:)`` with the panel member's agenda children already read.
    func checkMap(_ id: String, audience: Audience, for account: Account, among children: [String: Int64]?) throws {
        guard try services.visibility.maySee(id, among: children) else { throw ServerError.notFound }
        // Panel members and other non-police roles see only panel maps.
        if !account.role.isPolice, audience != .panel { throw ServerError.forbidden }
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

    /// Draws the association map of `id` as SVG for `account`, and records the disclosure.
    func map(_ id: String, hops: Int, audience: Audience, format: MapFormat = .svg, for context: AppRequestContext) async throws -> Data {
        let account = try context.requireSensitive(GraphReads.readers)
        let agenda = try services.visibility.panelChildren(for: account)
        try checkMap(id, audience: audience, for: account, among: agenda)
        // A panel member's map reaches their agenda children only; the key holds them, so
        // that members with other agendas never share a drawing.
        let children = agenda.map { Set($0.keys) }
        let key = MapKey(root: id, hops: hops, audience: audience, format: format, date: CalendarDate.today.description,
                         dataVersion: try services.store.dataVersion(), children: children.map { $0.sorted() })
        let rendered: ResponseCache<MapKey>.Entry
        if let kept = services.maps.get(key) {
            rendered = kept
        } else {
            // The panel audience's redaction drops handling-code-C material from the map itself.
            let map: MapGraph
            do {
                map = try services.engine.associationMap(of: id, hops: hops, filter: QueryFilter(), newSince: nil, coLocationHours: nil,
                                                         children: children)
            } catch is QueryError where !account.role.isPolice {
                throw ServerError.notFound
            }
            let drawn = try await services.renderer.render(map, audience: audience, format: format, engine: nil, date: key.date, newSince: nil)
            rendered = ResponseCache<MapKey>.Entry(data: drawn.data, recordIds: drawn.disclosedIds)
            services.maps.put(key, rendered)
        }
        // Every request discloses the map again, so every request writes its own row.
        try services.store.auditDisclosure(["render": .string("association map"), "root": .string(id), "hops": .number(String(hops)),
                                            "audience": .string(audience.rawValue), "format": .string(format.rawValue)],
                                           recordIds: rendered.recordIds, recipients: [account.username],
                                           by: services.viewer(context, purpose: "viewing a map"))
        return rendered.data
    }
}
