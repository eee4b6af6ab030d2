import GraphCore

/// The attributes the graph exports carry for each entity and link, in a fixed order, so
/// GraphML and GEXF hold the same columns.
enum MapAttributes {
    static let node = ["kind", "label", "area", "force", "risk", "subject", "new"]
    static let edge = ["kind", "first_seen", "last_seen", "intel", "grading", "inferred", "new"]
    static let booleans: Set<String> = ["subject", "new", "inferred"]

    static func values(_ node: MapGraph.Node) -> [String: String] {
        var values = ["kind": node.kind.rawValue, "label": node.label,
                      "subject": String(node.isSubject), "new": String(node.isNew)]
        values["area"] = node.area?.code
        values["force"] = node.area?.forceCode
        values["risk"] = node.risk
        return values
    }

    static func values(_ edge: MapGraph.Edge) -> [String: String] {
        var values = ["kind": edge.kind, "inferred": String(edge.inferred), "new": String(edge.isNew)]
        values["first_seen"] = edge.firstSeen
        values["last_seen"] = edge.lastSeen
        if !edge.reports.isEmpty {
            values["intel"] = edge.reports.map(\.id).joined(separator: ";")
            values["grading"] = edge.reports.map(\.grading).joined(separator: ";")
        }
        return values
    }
}
