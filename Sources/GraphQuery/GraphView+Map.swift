import GraphCore

extension GraphView {
    /// The map of `entities`: each entity, every passing link among them, and the reports
    /// behind each link that the filter lets count. Entities and links recorded on or after
    /// `newSince` are marked new ("what changed since the last panel").
    public func map(title: String, entities: [Int32], subject: Int32?, newSince: CalendarDate? = nil) -> MapGraph {
        let since = newSince.map { Int32($0.daysSinceEpoch) } ?? Int32.max
        let nodes = entities.map { entity in
            MapGraph.Node(id: snapshot.ref(entity), kind: snapshot.kind(entity), label: snapshot.label(entity),
                          area: snapshot.area(of: entity).map { area in
                              let force = snapshot.areas[area.force]
                              return MapGraph.Area(code: area.code, name: area.name, forceCode: force.code, forceName: force.name)
                          },
                          risk: snapshot.risk(of: entity), isSubject: entity == subject,
                          isNew: snapshot.entities.created[Int(entity)] >= since)
        }
        let edges = links(among: entities).map { link in
            let (from, to) = snapshot.ends(link)
            return MapGraph.Edge(
                from: snapshot.ref(from), to: snapshot.ref(to), kind: snapshot.linkKind(link).rawValue,
                firstSeen: Self.dateText(snapshot.links.first[Int(link)]), lastSeen: Self.dateText(snapshot.links.last[Int(link)]),
                reports: visibleSupport(link).map { report in
                    let grading = snapshot.gradingParts(report)
                    return MapGraph.Report(id: snapshot.intelRef(report), source: grading.source,
                                           assessment: grading.assessment, handling: grading.handling,
                                           date: Self.dateText(snapshot.intel.date[Int(report)]))
                },
                isNew: snapshot.links.created[Int(link)] >= since)
        }
        return MapGraph(title: title, nodes: nodes, edges: edges)
    }
}

extension GraphView {
    /// Co-location suggestions between persons on a map, as inferred `seen_with` links
    /// (dotted on maps, `inferred` in exports), for pairs not already linked.
    func inferredSeenWith(among entities: [Int32], windowHours: Int) -> [MapGraph.Edge] {
        let members = Set(entities)
        var edges: [MapGraph.Edge] = []
        var seen = Set<PairKey>()
        for place in entities where [.location, .vehicle].contains(snapshot.kind(place)) {
            for pair in coLocation(windowHours: windowHours, at: place)
            where members.contains(pair.first) && members.contains(pair.second) && !pair.alreadyLinked {
                guard seen.insert(PairKey(pair.first, pair.second)).inserted else { continue }
                edges.append(MapGraph.Edge(from: snapshot.ref(pair.first), to: snapshot.ref(pair.second), kind: "seen_with",
                                           inferred: true))
            }
        }
        return edges
    }
}

extension QueryEngine {
    /// The map of every entity and link the filter passes (a whole-picture export).
    public func wholeMap(filter: QueryFilter) throws -> MapGraph {
        let view = try snapshot().view(filter)
        let entities = (0..<Int32(view.snapshot.entityCount)).filter { view.includes(entity: $0) }
        return view.map(title: "The whole picture", entities: entities, subject: nil)
    }

    /// The map of the cross-border links within `hops` links of `id`: the walks from the
    /// entity to every end of a crossing, so the map shows why each area is told.
    public func crossBorderMap(of id: String, hops: Int, filter: QueryFilter, newSince: CalendarDate?) throws -> MapGraph {
        guard (1...6).contains(hops) else { throw QueryError("--hops must be 1 to 6, not \(hops)") }
        let view = try snapshot().view(filter)
        let root = try resolve(id, in: view)
        let result = view.crossBorder(root: root, hops: hops)
        let ball = view.neighbourhood(of: root, hops: hops)
        let walks = view.walks(from: root, order: ball.entities, hops: ball.hops)
        var shown = Set<Int32>([root])
        for entity in result.entities { shown.formUnion(walks[entity] ?? []) }
        return view.map(title: "Cross-border links within \(hops) links of \(view.snapshot.ref(root))",
                        entities: ball.entities.filter(shown.contains), subject: root, newSince: newSince)
    }

    /// The map of everything within `hops` links of `id` (the association map), with the
    /// ids it names for the audit log.
    ///
    /// - Parameter access: what the viewer may see, for the map's audience
    ///   (``Access/narrowed(to:)``): the map is computed on the links they may see, and
    ///   an entity they may not see (a child off a panel member's agendas) is neither drawn
    ///   nor gone through, so no one reached only through it is drawn.
    public func associationMap(of id: String, hops: Int, filter: QueryFilter, newSince: CalendarDate?,
                               limit: Int = 5_000, coLocationHours: Int? = nil, expanding: [String] = [],
                               access: Access) throws -> MapGraph {
        guard (1...6).contains(hops) else { throw QueryError("--hops must be 1 to 6, not \(hops)") }
        let view = try snapshot().view(filter.seen(by: access))
        let root = try resolve(id, in: view)
        var entities = view.neighbourhood(of: root, hops: hops, limit: limit).entities
        // Expanded in place (the map page): each entity already drawn brings its own links,
        // under the same filter and access. One not on the map (unknown, hidden or filtered
        // out) brings nothing, and says nothing about why.
        var drawn = Set(entities)
        for ref in expanding where entities.count < limit {
            guard let entity = try? resolve(ref, in: view), drawn.contains(entity) else { continue }
            for neighbour in view.neighbourhood(of: entity, hops: 1, limit: limit).entities
            where entities.count < limit && drawn.insert(neighbour).inserted {
                entities.append(neighbour)
            }
        }
        var map = view.map(title: "Associations of \(view.snapshot.ref(root)) within \(hops) link\(hops == 1 ? "" : "s")"
                               + (expanding.isEmpty ? "" : ", expanded"),
                           entities: entities, subject: root, newSince: newSince)
        if let hours = coLocationHours { map.edges += view.inferredSeenWith(among: entities, windowHours: hours) }
        return map
    }
}

