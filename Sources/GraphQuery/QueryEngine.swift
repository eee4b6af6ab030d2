import Foundation
import GraphCore
import GraphStore

/// The query engine the CLI and the server call: it keeps a snapshot of the store,
/// refreshed when the store's data version changes, resolves ids (merged ids included),
/// runs the query, and writes the audit row before the answer is returned.
public final class QueryEngine: Sendable {
    public let store: Store
    let cached = Locked<Snapshot?>(nil)
    /// Held while a snapshot loads or takes a delta, so that requests arriving together
    /// after a write bring it up to date once between them rather than once each.
    let loading = NSLock()
    /// Whether a full read of the graph, when one is needed, runs beside the snapshot in
    /// use (the service: no request waits for it) or before the next answer (the command
    /// line, one query a process).
    let readsInBackground: Bool
    /// The state of the snapshot, for `/healthz` and the benchmarks.
    let state = Locked(SnapshotState())

    /// - Parameter readsInBackground: true for a long-running service (``snapshot()``).
    public init(store: Store, readsInBackground: Bool = false) {
        self.store = store
        self.readsInBackground = readsInBackground
    }

    /// The entity an id names in `view`.
    ///
    /// - Throws: ``QueryError`` when no entity has the id, or the filters leave it out.
    public func resolve(_ id: String, in view: GraphView) throws -> Int32 {
        guard let rowid = try store.entityRowid(for: id), let entity = view.snapshot.entity(rowid: rowid) else {
            throw QueryError("no entity has the id \(id)", kind: .notFound)
        }
        guard view.includes(entity: entity) else {
            if !view.filter.includeHandlingCodeC, view.snapshot.view(QueryFilter(asOf: view.filter.asOf)).includes(entity: entity) {
                throw QueryError("only handling-code-C intelligence tells of \(id), and this audience may not see it: "
                                 + "ask for the police audience")
            }
            throw QueryError("\(id) is left out by the filters (its kind is not in --entity-kinds, or it was recorded after --as-of)")
        }
        return entity
    }

    /// Audits and returns an answer.
    func answer(_ verb: String, _ parameters: [String: JSONValue], _ view: GraphView, viewer: Viewer,
                        json: [String: JSONValue], text: [String], ids: [String]) throws -> QueryAnswer {
        try auditAnswer(verb, parameters, view, viewer: viewer, ids: ids)
        return QueryAnswer(json: .object(json), text: text, recordIds: ids)
    }

    /// Writes an answer's consultation row (the verb, its parameters and the view's filters,
    /// the records it names) before the answer is returned.
    func auditAnswer(_ verb: String, _ parameters: [String: JSONValue], _ view: GraphView, viewer: Viewer, ids: [String]) throws {
        try store.auditQuery(verb, parameters: QueryEngine.audited(parameters, filter: view.filter, version: view.snapshot.version),
                             recordIds: ids, by: viewer)
    }

    /// Writes a query's consultation row: the verb, its parameters and filters, and the
    /// records its answer names. A caller that answers from a kept copy of an earlier answer
    /// (the service's cache) calls this for each request, so every view is still audited.
    /// It suspends the caller, holding no thread, until the row is durable. `version` is the
    /// data version the kept answer was drawn from.
    public func audit(_ verb: String, _ parameters: [String: JSONValue], filter: QueryFilter, version: Int64, recordIds: [String],
                      viewer: Viewer) async throws {
        try await store.auditQuery(verb, parameters: QueryEngine.audited(parameters, filter: filter, version: version),
                                   recordIds: recordIds, by: viewer)
    }

    /// A query's parameters as its audit row names them: with its filters and the data
    /// version of the snapshot that answered (issue 22: each query sees one version).
    static func audited(_ parameters: [String: JSONValue], filter: QueryFilter, version: Int64) -> [String: JSONValue] {
        var parameters = parameters
        parameters["filters"] = filter.json
        parameters["data_version"] = .number(String(version))
        return parameters
    }

    // MARK: Verbs

    /// Everything within `hops` links of `id` (FORMAT.md §3 `associations`).
    public func associations(of id: String, hops: Int, filter: QueryFilter, viewer: Viewer, limit: Int = 10_000) throws -> QueryAnswer {
        guard (1...6).contains(hops) else { throw QueryError("--hops must be 1 to 6, not \(hops)") }
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let root = try resolve(id, in: view)
        let found = view.neighbourhood(of: root, hops: hops, limit: limit)
        let links = view.links(among: found.entities)
        // The terminal's lines only when asked for: the service never reads them.
        let text: @Sendable () -> [String] = {
            var text = ["\(found.entities.count) entities within \(hops) links of \(view.words(root)), \(links.count) links"
                        + (found.truncated ? " (stopped at \(limit) entities)" : "")]
            for (entity, distance) in zip(found.entities, found.hops) where entity != root {
                text.append("  \(distance)  \(view.words(entity))")
            }
            return text
        }
        // Written straight to bytes, keys in order: an answer of hundreds of entities spent
        // most of its time as a tree of dictionaries (Benchmarks/README.md, the service).
        var writer = JSONWriter(reserving: 256 * (found.entities.count + links.count))
        writer.beginObject()
        writer.key("entities")
        writer.beginArray()
        for (entity, distance) in zip(found.entities, found.hops) { view.writeEntity(entity, hops: Int(distance), to: &writer) }
        writer.endArray()
        writer.key("hops")
        writer.int(hops)
        writer.key("links")
        writer.beginArray()
        for link in links { view.writeLink(link, to: &writer) }
        writer.endArray()
        writer.key("root")
        writer.string(view.snapshot.ref(root))
        writer.key("truncated")
        writer.bool(found.truncated)
        writer.endObject()
        let ids = found.entities.map(view.snapshot.ref)
        try auditAnswer("associations", ["id": .string(id), "hops": .int(hops)], view, viewer: viewer, ids: ids)
        return QueryAnswer(jsonBytes: writer.bytes, text: text, recordIds: ids)
    }

    /// All shortest paths from `a` to `b`, up to `limit` (FORMAT.md §3 `path`).
    public func path(from a: String, to b: String, limit: Int, filter: QueryFilter, viewer: Viewer) throws -> QueryAnswer {
        guard limit >= 1 else { throw QueryError("--max must be at least 1, not \(limit)") }
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let start = try resolve(a, in: view), end = try resolve(b, in: view)
        let result = view.shortestPaths(from: start, to: end, limit: limit)
        var text: [String]
        if result.length < 0 {
            text = ["no path links \(view.words(start)) and \(view.words(end)) under these filters"]
        } else {
            text = ["\(result.count) shortest path\(result.count == 1 ? "" : "s") of \(result.length) link\(result.length == 1 ? "" : "s")"
                    + (result.count > result.paths.count ? " (showing \(result.paths.count))" : "")]
            for path in result.paths { text.append("  " + view.words(walk: path)) }
        }
        let pathsJSON: [JSONValue] = result.paths.map { path in
            var links: [JSONValue] = []
            for index in path.indices.dropFirst() {
                links += view.links(between: path[index - 1], path[index]).map { view.linkJSON($0) }
            }
            return .object(["entities": .array(path.map { .string(view.snapshot.ref($0)) }), "links": .array(links)])
        }
        let involved = Set(result.paths.joined()).union([start, end]).sorted()
        return try answer("path", ["from": .string(a), "to": .string(b), "max": .int(limit)], view, viewer: viewer, json: [
            "from": .string(view.snapshot.ref(start)),
            "to": .string(view.snapshot.ref(end)),
            "length": .int(result.length),
            "count": .int(result.count),
            "paths": .array(pathsJSON),
            "entities": .array(involved.map { view.entityJSON($0) }),
        ], text: text, ids: involved.map(view.snapshot.ref))
    }

    /// The entities linked directly to both `a` and `b` (FORMAT.md §3 `common`).
    public func common(_ a: String, _ b: String, filter: QueryFilter, viewer: Viewer) throws -> QueryAnswer {
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let first = try resolve(a, in: view), second = try resolve(b, in: view)
        var neighboursA = Set<Int32>()
        view.forEachNeighbour(first) { neighbour, _ in neighboursA.insert(neighbour) }
        var common = Set<Int32>()
        view.forEachNeighbour(second) { neighbour, _ in
            if neighboursA.contains(neighbour), neighbour != first, neighbour != second { common.insert(neighbour) }
        }
        let sorted = common.sorted { view.snapshot.ref($0) < view.snapshot.ref($1) }
        var text = ["\(sorted.count) entit\(sorted.count == 1 ? "y is" : "ies are") linked to both \(view.words(first)) and \(view.words(second))"]
        for entity in sorted { text.append("  " + view.words(walk: [first, entity, second])) }
        let json: [JSONValue] = sorted.map { entity in
            view.entityJSON(entity, [
                "links_to_first": .array(view.links(between: first, entity).map { view.linkJSON($0) }),
                "links_to_second": .array(view.links(between: second, entity).map { view.linkJSON($0) }),
            ])
        }
        return try answer("common", ["a": .string(a), "b": .string(b)], view, viewer: viewer,
                          json: ["common": .array(json)], text: text,
                          ids: ([first, second] + sorted).map(view.snapshot.ref))
    }

    /// The connected network containing `id` (FORMAT.md §3 `network`).
    public func network(of id: String, filter: QueryFilter, viewer: Viewer, limit: Int = 50_000) throws -> QueryAnswer {
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let root = try resolve(id, in: view)
        let found = view.component(of: root, limit: limit)
        let links = view.links(among: found.entities)
        let counts = Dictionary(grouping: found.entities, by: { view.snapshot.kind($0) }).mapValues(\.count)
        var text = ["the network of \(view.words(root)): \(found.entities.count) entities, \(links.count) links"
                    + (found.truncated ? " (stopped at \(limit) entities)" : "")]
        text.append("  " + counts.keys.sorted().map { "\($0.rawValue): \(counts[$0]!)" }.joined(separator: ", "))
        let atRisk = found.entities.filter(view.snapshot.isAtRiskChild)
        if !atRisk.isEmpty { text.append("  children at risk: " + atRisk.map { view.words($0) }.joined(separator: "; ")) }
        return try answer("network", ["id": .string(id)], view, viewer: viewer, json: [
            "root": .string(view.snapshot.ref(root)),
            "truncated": .bool(found.truncated),
            "entities": .array(found.entities.map { view.entityJSON($0) }),
            "links": .array(links.map { view.linkJSON($0) }),
        ], text: text, ids: found.entities.map(view.snapshot.ref))
    }
}
