import Foundation
import GraphCore
import GraphQuery
import Hummingbird

/// The query verbs as the police roles may ask them over HTTP: each reads its parameters
/// from the request's query (the same names on the API and the pages), checks them, runs
/// the engine, which writes the audit row, and answers the engine's JSON. The JSON API
/// (``QueryRoutes``) answers it as it is and the pages (``QueryPageRoutes``) lay it out,
/// so the two cannot disagree.
///
/// Every verb needs a police role and a reason for sensitive views. An entity id that names
/// nothing answers ``ServerError/notFound``, as the other routes do; a bad parameter 400,
/// naming it.
struct QueryReads: Sendable {
    let services: Services

    // MARK: - Verbs

    /// All shortest paths between `from` and `to`, at most `limit` of them (default 10).
    func path(_ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let from = try entity(request, context, "from", "the first entity's id"), to = try entity(request, context, "to", "the second entity's id")
        let limit = try QueryReads.integer(request, "limit", default: 10, in: 1...100)
        return try services.engine.path(from: from, to: to, limit: limit, filter: filter(request),
                                        viewer: services.viewer(context, purpose: "path query")).json
    }

    /// The entities linked directly to both `a` and `b`.
    func common(_ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let a = try entity(request, context, "a", "the first entity's id"), b = try entity(request, context, "b", "the second entity's id")
        return try common(a, b, request, context: context)
    }

    /// The entities linked directly to both `a` and `b`, for ids already checked.
    func common(_ a: String, _ b: String, _ request: Request, context: AppRequestContext) throws -> JSONValue {
        try services.engine.common(a, b, filter: filter(request), viewer: services.viewer(context, purpose: "common associates query")).json
    }

    /// The connected network containing `id`, stopping at `limit` entities.
    func network(_ id: String, _ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        try checkExists(id, context)
        let limit = try QueryReads.integer(request, "limit", default: 50_000, in: 1...50_000)
        return try services.engine.network(of: id, filter: filter(request), viewer: services.viewer(context, purpose: "network query"),
                                           limit: limit).json
    }

    /// Persons seen at the same place within `window_hours` (default 24), optionally at one place `at`.
    func coLocation(_ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let at = try optionalEntity(request, context, "at")
        let window = try QueryReads.integer(request, "window_hours", default: 24, in: 0...8_760)
        return try services.engine.coLocation(windowHours: window, at: at, filter: filter(request),
                                              viewer: services.viewer(context, purpose: "co-location query")).json
    }

    /// Degree and betweenness per person and group, the `top` (default 20) first, in an `area` or all.
    func keyPlayers(_ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let area = try self.area(request)
        let top = try QueryReads.integer(request, "top", default: 20, in: 1...1_000)
        return try services.engine.keyPlayers(area: area, top: top, filter: filter(request),
                                              viewer: services.viewer(context, purpose: "key players query")).json
    }

    /// Communities of at least `min_size` (default 2) entities, in an `area` or all, by
    /// `algorithm` (`leiden`, the default, or `louvain`).
    func communities(_ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let area = try self.area(request)
        let minimumSize = try QueryReads.integer(request, "min_size", default: 2, in: 1...1_000_000)
        let named = QueryReads.given(request, "algorithm") ?? "leiden"
        guard let algorithm = CommunityAlgorithm(rawValue: named) else {
            throw ServerError(.badRequest, "algorithm is leiden or louvain")
        }
        return try services.engine.communities(area: area, minimumSize: minimumSize, filter: filter(request),
                                               viewer: services.viewer(context, purpose: "communities query"), algorithm: algorithm).json
    }

    /// Links crossing authority or force borders within `hops` (default 3) of `from`, or all
    /// of them, and the authorities and forces to notify.
    func crossBorder(_ request: Request, context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let from = try optionalEntity(request, context, "from")
        let hops = try QueryReads.integer(request, "hops", default: 3, in: 1...6)
        return try services.engine.crossBorder(from: from, hops: hops, filter: filter(request),
                                               viewer: services.viewer(context, purpose: "cross-border query")).json
    }

    /// MARTHR candidates, best first, the `top` of them (all when not given, or `fallback`).
    func marthr(_ request: Request, context: AppRequestContext, fallback: Int = Int.max) throws -> JSONValue {
        _ = try context.requireSensitive(.analyse)
        let top = try QueryReads.integer(request, "top", default: fallback, in: 1...10_000)
        return try services.engine.marthr(filter: filter(request), viewer: services.viewer(context, purpose: "MARTHR candidates query"),
                                          top: top).json
    }

    // MARK: - Parameters

    /// The shared filters from the query parameters `link_kinds`, `entity_kinds`, `since`,
    /// `until`, `as_of`, `min_grade` and `include_suspected_false`. Police roles may see
    /// handling-code-C reports, so those count as support.
    func filter(_ request: Request) throws -> QueryFilter {
        do {
            // A setting given more than once (a form's checkboxes) is the comma-separated list.
            return try QueryFilter(parsing: { name in
                let given = request.uri.queryParameters.getAll(name).filter { !$0.isEmpty }
                return given.isEmpty ? nil : given.joined(separator: ",")
            }, spelled: { $0 })
        } catch let error as QueryError {
            throw ServerError(.badRequest, error.message)
        }
    }

    /// The id a required parameter gives, checked to name an entity.
    ///
    /// - Throws: ``ServerError`` 400 when the parameter is missing, ``ServerError/notFound``
    ///   when no entity has the id.
    func entity(_ request: Request, _ context: AppRequestContext, _ name: String, _ meaning: String) throws -> String {
        guard let id = QueryReads.given(request, name) else { throw ServerError(.badRequest, "give \(name), \(meaning)") }
        try checkExists(id, context)
        return id
    }

    /// The id an optional parameter gives, checked to name an entity; nil when not given.
    func optionalEntity(_ request: Request, _ context: AppRequestContext, _ name: String) throws -> String? {
        guard let id = QueryReads.given(request, name) else { return nil }
        try checkExists(id, context)
        return id
    }

    /// Answers ``ServerError/notFound`` when no entity has the id (police roles may see
    /// every entity, so there is nothing hidden to tell apart).
    /// Checks that `id` names an entity the viewer may open; one they may not answers as a
    /// missing one, and the store audits which it was.
    func checkExists(_ id: String, _ context: AppRequestContext) throws {
        guard try services.store.mayOpen(id, asked: "query", by: services.viewer(context, purpose: "query")) else { throw ServerError.notFound }
    }

    /// The `area` parameter: a local authority or a force, by code or name
    /// (``Request/area(_:name:)``).
    func area(_ request: Request) throws -> String? {
        try request.area(services)
    }

    /// A whole-number parameter within a range, or a 400 naming it; `value` when the
    /// parameter is missing or empty (a form's empty field).
    static func integer(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        given(request, name) == nil ? value : try request.integer(name, default: value, in: range)
    }

    /// A query parameter's text, trimmed; nil when missing or empty (an empty form field).
    static func given(_ request: Request, _ name: String) -> String? {
        guard let text = request.query(name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
