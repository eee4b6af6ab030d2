import GraphCore

extension QueryEngine {
    /// The map of the shortest paths between `a` and `b` (at most `limit`), both ends drawn
    /// as the map's subjects: the path finder's answer as a picture.
    ///
    /// - Parameter filter: the query filters, already narrowed to what the viewer may see
    ///   (``QueryFilter/seen(by:)``).
    public func pathMap(from a: String, to b: String, limit: Int, filter: QueryFilter, newSince: CalendarDate?) throws -> MapGraph {
        let view = try snapshot().view(filter)
        let start = try resolve(a, in: view), end = try resolve(b, in: view)
        let result = view.shortestPaths(from: start, to: end, limit: limit)
        var entities: [Int32] = []
        var seen = Set<Int32>()
        for entity in [start] + result.paths.joined() + [end] where seen.insert(entity).inserted { entities.append(entity) }
        let words = result.length < 0 ? "no path" : "\(result.paths.count) shortest path\(result.paths.count == 1 ? "" : "s") of \(result.length) link\(result.length == 1 ? "" : "s")"
        var map = view.map(title: "\(words) between \(view.snapshot.ref(start)) and \(view.snapshot.ref(end))",
                           entities: entities, subject: start, newSince: newSince)
        // Only the links the paths walk: two entities on different paths may be linked too.
        func pair(_ x: String, _ y: String) -> String { x < y ? x + "\u{0}" + y : y + "\u{0}" + x }
        let walked = Set(result.paths.flatMap { path in
            path.indices.dropFirst().map { pair(view.snapshot.ref(path[$0 - 1]), view.snapshot.ref(path[$0])) }
        })
        map.edges = map.edges.filter { walked.contains(pair($0.from, $0.to)) }
        let endRef = view.snapshot.ref(end)
        for index in map.nodes.indices where map.nodes[index].id == endRef { map.nodes[index].isSubject = true }
        return map
    }

    /// The map of one MARTHR subject and the evidence behind the thresholds they meet on
    /// `day`: the operations, children, places and the connectors between them, as the
    /// candidates' map draws each candidate.
    ///
    /// - Parameter filter: already narrowed to what the viewer may see.
    public func marthrEvidenceMap(of id: String, filter: QueryFilter, on day: CalendarDate, newSince: CalendarDate?) throws -> MapGraph {
        let view = try snapshot().view(filter)
        let entity = try resolve(id, in: view)
        let rules = try MarthrRules(try marthrThresholds(), day: day)
        let judged = view.marthrJudge(entity, rules: rules)
        var entities: [Int32] = []
        var seen = Set<Int32>()
        for member in [entity] + judged.facts.flatMap(\.walk) where seen.insert(member).inserted { entities.append(member) }
        let criteria = judged.criteria.map(String.init).joined(separator: ", ")
        return view.map(title: "MARTHR evidence for \(view.snapshot.ref(entity)) as of \(day)"
                            + (criteria.isEmpty ? ": no threshold met" : ": thresholds \(criteria)"),
                        entities: entities, subject: entity, newSince: newSince)
    }
}
