import Foundation
import GraphCore

extension QueryEngine {
    /// Degree and betweenness per person and group, highest betweenness first (FORMAT.md
    /// §3 `key-players`). Exact up to 50,000 entities in scope, else sampled and said so.
    public func keyPlayers(area: String?, top: Int, filter: QueryFilter, viewer: Viewer,
                           pivots: Int = Betweenness.defaultPivots) throws -> QueryAnswer {
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let graph = SimpleGraph(view, members: try scope(area, view))
        let betweenness = Betweenness(graph, pivots: pivots)
        let people = (0..<graph.count).filter {
            let kind = view.snapshot.kind(graph.entities[$0])
            return kind.isPerson || kind == .group
        }
        let ranked = people.sorted {
            betweenness.values[$0] != betweenness.values[$1] ? betweenness.values[$0] > betweenness.values[$1]
                : graph.entities[$0] < graph.entities[$1]
        }.prefix(max(0, top))
        let method = betweenness.approximate
            ? "approximate: \(betweenness.sources) sampled sources of \(graph.count), seed \(Betweenness.seed)"
            : "exact over \(graph.count) entities"
        var text = ["key players" + (area.map { " in \($0)" } ?? "") + " (betweenness \(method))"]
        for node in ranked {
            text.append(String(format: "  %12.1f  degree %4d  ", betweenness.values[node], graph.degree(node))
                        + view.words(graph.entities[node]))
        }
        var parameters: [String: JSONValue] = ["top": .int(top)]
        if let area { parameters["area"] = .string(area) }
        return try answer("key-players", parameters, view, viewer: viewer, json: [
            "approximate": .bool(betweenness.approximate),
            "sources": .int(betweenness.sources),
            "entities_in_scope": .int(graph.count),
            "players": .array(ranked.map { node in
                view.entityJSON(graph.entities[node], ["degree": .int(graph.degree(node)),
                                                       "betweenness": .decimal(betweenness.values[node])])
            }),
        ], text: text, ids: ranked.map { view.snapshot.ref(graph.entities[$0]) })
    }

    /// Communities with a fixed seed (Leiden unless `algorithm` says Louvain), each with its
    /// members, size and at-risk children.
    public func communities(area: String?, minimumSize: Int, filter: QueryFilter, viewer: Viewer,
                            algorithm: CommunityAlgorithm = .leiden) throws -> QueryAnswer {
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let graph = SimpleGraph(view, members: try scope(area, view))
        let found = algorithm.run(graph)
        var members = Array(repeating: [Int32](), count: found.count)
        for node in 0..<graph.count { members[Int(found.membership[node])].append(graph.entities[node]) }
        let shown = members.enumerated().filter { $0.element.count >= minimumSize }
        var text = ["\(found.count) communities" + (area.map { " in \($0)" } ?? "")
                    + String(format: ", modularity %.4f (%@, seed %d)", found.modularity, algorithm == .leiden ? "Leiden" : "Louvain",
                             Int(found.seed))]
        var ids: [String] = []
        var json: [JSONValue] = []
        for (number, group) in shown {
            let atRisk = group.filter(view.snapshot.isAtRiskChild)
            text.append("  community \(number): \(group.count) entities, \(atRisk.count) at-risk children"
                        + (atRisk.isEmpty ? "" : ": " + atRisk.prefix(10).map(view.snapshot.ref).joined(separator: ", ")))
            ids += group.map(view.snapshot.ref)
            json.append(.object([
                "community": .int(number),
                "size": .int(group.count),
                "members": .array(group.map { view.entityJSON($0) }),
                "at_risk_children": .array(atRisk.map { view.entityJSON($0) }),
            ]))
        }
        var parameters: [String: JSONValue] = ["min_size": .int(minimumSize), "algorithm": .string(algorithm.rawValue)]
        if let area { parameters["area"] = .string(area) }
        return try answer("communities", parameters, view, viewer: viewer, json: [
            "method": .string(algorithm.rawValue),
            "seed": .int(Int(found.seed)),
            "modularity": .decimal(found.modularity),
            "count": .int(found.count),
            "communities": .array(json),
        ], text: text, ids: ids)
    }

    /// Pairs of persons seen at the same place within `windowHours`: inferred `seen_with`
    /// suggestions, never stored.
    public func coLocation(windowHours: Int, at place: String?, filter: QueryFilter, viewer: Viewer) throws -> QueryAnswer {
        guard windowHours >= 0 else { throw QueryError("--window must be 0 or more hours, not \(windowHours)") }
        let view = try snapshot().view(filter.seen(by: viewer.access))
        var placeEntity: Int32?
        if let place {
            let entity = try resolve(place, in: view)
            guard [.location, .vehicle].contains(view.snapshot.kind(entity)) else {
                throw QueryError("--at \(place) is \(view.snapshot.kind(entity).withArticle); give a location or a vehicle")
            }
            placeEntity = entity
        }
        let pairs = view.coLocation(windowHours: windowHours, at: placeEntity)
        var text = ["\(pairs.count) inferred seen_with suggestion\(pairs.count == 1 ? "" : "s") (window \(windowHours) hours); not stored"]
        var ids = Set<Int32>()
        var json: [JSONValue] = []
        for pair in pairs {
            ids.formUnion([pair.first, pair.second])
            text.append("  \(view.words(pair.first)) and \(view.words(pair.second))" + (pair.alreadyLinked ? " (already linked)" : ""))
            for place in pair.places {
                ids.insert(place.place)
                text.append("      at \(view.words(place.place)), \(place.gapHours) hours apart")
            }
            json.append(.object([
                "kind": .string("seen_with"),
                "inferred": .bool(true),
                "first": view.entityJSON(pair.first),
                "second": view.entityJSON(pair.second),
                "already_linked": .bool(pair.alreadyLinked),
                "places": .array(pair.places.map { place in
                    .object(["place": view.entityJSON(place.place), "gap_hours": .int(place.gapHours),
                             "links": .array(place.links.map { view.linkJSON($0) })])
                }),
            ]))
        }
        var parameters: [String: JSONValue] = ["window_hours": .int(windowHours)]
        if let place { parameters["at"] = .string(place) }
        return try answer("co-location", parameters, view, viewer: viewer,
                          json: ["window_hours": .int(windowHours), "pairs": .array(json)],
                          text: text, ids: ids.sorted().map(view.snapshot.ref))
    }

    /// Links crossing authority or force borders, and whom to notify (FORMAT.md §3 `cross-border`).
    public func crossBorder(from id: String?, hops: Int, filter: QueryFilter, viewer: Viewer) throws -> QueryAnswer {
        guard (1...6).contains(hops) else { throw QueryError("--hops must be 1 to 6, not \(hops)") }
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let root = try id.map { try resolve($0, in: view) }
        let result = view.crossBorder(root: root, hops: hops)
        // The links' ends, and the entity asked about.
        let named = root.map { Set(result.entities).union([$0]).sorted() } ?? result.entities
        var text = ["\(result.links.count) cross-border link\(result.links.count == 1 ? "" : "s")"
                    + (root.map { " within \(hops) links of \(view.words($0))" } ?? "")]
        for crossing in result.links {
            let (from, to) = view.snapshot.ends(crossing.link)
            text.append("  \(crossing.label): " + view.words(walk: [from, to]))
        }
        if !result.notify.isEmpty { text.append("notify:") }
        for entry in result.notify {
            text.append("  \(entry.area.name) (\(entry.area.code))" + (entry.area.isForce ? "" : ": MASH / front door")
                        + "; \(entry.force.name) (\(entry.force.code)) CE police lead")
            for reason in entry.reasons { text.append("      because " + reason) }
        }
        var parameters: [String: JSONValue] = ["hops": .int(hops)]
        if let id { parameters["id"] = .string(id) }
        var json: [String: JSONValue] = [
            "links": .array(result.links.map { crossing in
                view.linkJSON(crossing.link, ["label": .string(crossing.label), "from_area": .string(crossing.fromArea.code),
                                              "to_area": .string(crossing.toArea.code)])
            }),
            "notify": .array(result.notify.map { entry in
                .object(["area": .string(entry.area.code), "name": .string(entry.area.name),
                         "force": .string(entry.force.code), "force_name": .string(entry.force.name),
                         "reasons": .array(entry.reasons.map { .string($0) })])
            }),
            "entities": .array(named.map { view.entityJSON($0) }),
        ]
        if let root {
            json["root"] = .string(view.snapshot.ref(root))
            json["home_area"] = view.snapshot.area(of: root).map { .string($0.code) } ?? .null
        }
        return try answer("cross-border", parameters, view, viewer: viewer, json: json, text: text,
                          ids: named.map(view.snapshot.ref))
    }

    /// The entities an `--area` covers: those in the authority (or any authority of the
    /// force, or the force itself), plus entities with no area linked directly to them
    /// (vehicles, phones and handles are often unplaced). Nil for the whole view.
    func scope(_ code: String?, _ view: GraphView) throws -> [Int32]? {
        guard let code else { return nil }
        let snapshot = view.snapshot
        guard let index = snapshot.areas.firstIndex(where: { $0.code.lowercased() == code.lowercased() }) else {
            throw QueryError("unknown --area \(code); give a local authority code (E08000012) or a force (merseyside)")
        }
        let chosen = snapshot.areas[index]
        var inScope = Set<Int32>()
        for entity in 0..<Int32(snapshot.entityCount) where view.includes(entity: entity) {
            guard let area = snapshot.area(of: entity) else { continue }
            if area.code == chosen.code || (chosen.isForce && area.force == index) { inScope.insert(entity) }
        }
        var members = inScope
        for entity in inScope {
            view.forEachNeighbour(entity) { neighbour, _ in
                if snapshot.area(of: neighbour) == nil { members.insert(neighbour) }
            }
        }
        return members.sorted()
    }
}
