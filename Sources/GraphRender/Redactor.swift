import GraphCore

/// Rewrites a map for its audience before any DOT or export is written, so nothing hidden
/// can leak through titles, tooltips, comments or attributes.
///
/// For `panel`:
/// - links whose every supporting report has handling code C are removed, and then every
///   entity no longer joined to the subject (or, without a subject, left with no link);
/// - reports are removed from the remaining links (no references, no gradings);
/// - every child other than the subject becomes "Child N", numbered in id order, with a
///   new id, so that neither the name nor the reference reaches the panel.
/// `analyst` and `police` maps are returned as they are.
public enum Redactor {
    /// The map for `audience`, and the real ids of the entities it still shows (for the
    /// audit log, which records what was disclosed even when the map shows pseudonyms).
    public static func redact(_ map: MapGraph, for audience: Audience) -> (map: MapGraph, disclosedIds: [String]) {
        guard audience == .panel else { return (map, map.nodes.map(\.id)) }
        var edges = map.edges.filter { edge in edge.reports.isEmpty || edge.reports.contains { $0.handling != "C" } }
        let kept = reachable(nodes: map.nodes, edges: edges)
        edges = edges.filter { kept.contains($0.from) && kept.contains($0.to) }
        var pseudonyms: [String: String] = [:]
        let children = map.nodes.filter { $0.kind == .child && !$0.isSubject && kept.contains($0.id) }.map(\.id).sorted()
        for (number, id) in children.enumerated() { pseudonyms[id] = "child-\(number + 1)" }
        let nodes = map.nodes.filter { kept.contains($0.id) }.map { node -> MapGraph.Node in
            guard let pseudonym = pseudonyms[node.id] else { return node }
            var redacted = node
            redacted.id = pseudonym
            redacted.opens = false
            redacted.label = "Child " + pseudonym.dropFirst("child-".count)
            return redacted
        }
        edges = edges.map { edge in
            var redacted = edge
            redacted.from = pseudonyms[edge.from] ?? edge.from
            redacted.to = pseudonyms[edge.to] ?? edge.to
            redacted.reports = []
            return redacted
        }
        var title = map.title
        for (id, pseudonym) in pseudonyms { title = title.replacingOccurrences(of: id, with: pseudonym) }
        return (MapGraph(title: title, nodes: nodes, edges: edges), map.nodes.map(\.id).filter(kept.contains))
    }

    /// The entities joined to the subject through `edges`; without a subject, those with a link.
    private static func reachable(nodes: [MapGraph.Node], edges: [MapGraph.Edge]) -> Set<String> {
        var neighbours: [String: [String]] = [:]
        for edge in edges {
            neighbours[edge.from, default: []].append(edge.to)
            neighbours[edge.to, default: []].append(edge.from)
        }
        let subjects = nodes.filter(\.isSubject).map(\.id)
        guard !subjects.isEmpty else { return Set(neighbours.keys) }
        var seen = Set(subjects)
        var queue = subjects
        while let next = queue.popLast() {
            for neighbour in neighbours[next] ?? [] where seen.insert(neighbour).inserted { queue.append(neighbour) }
        }
        return seen
    }
}
