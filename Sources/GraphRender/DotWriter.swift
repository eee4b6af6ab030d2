import GraphCore

/// DOT text for a map, styled by `render/styles.json`: shape, colour and tag per entity
/// kind; colour per link kind; line style by grading (solid A–B, dashed C–D and ungraded,
/// dotted for inferred links); children filled by risk level; entities grouped by force and
/// local authority when the map crosses a border; new entities and links highlighted (and,
/// on a diff map, links that ended dashed and grey); a legend; and a header with title,
/// date, audience and the protective marking.
///
/// For the map page (issue 21) each link carries its dates as SVG classes (`first-2026-03-01`,
/// `last-2026-09-30`) so the page can replay the network through time without a new layout;
/// the key entities (``keyEntities(_:)``) carry the class `key`, which the page keeps
/// labelled at overview; and a map of more than ``largeMap`` entities puts each link's words
/// in its tooltip instead of a label, so the layout stays quick and the picture uncluttered.
///
/// Give it a map already redacted for its audience (``Redactor``); it adds nothing that the
/// map does not hold, and every string is escaped.
public struct DotWriter: Sendable {
    public let style: MapStyle

    public init(style: MapStyle) {
        self.style = style
    }

    /// Above this many entities a map's links are labelled by tooltip only.
    public static let largeMap = 120

    /// The DOT text.
    ///
    /// - Parameters:
    ///   - map: the map, redacted for `audience`.
    ///   - date: the date printed in the header.
    ///   - newSince: when given, the header says what the highlight means.
    ///   - changesSince: when given, the map is a diff map: the header and the legend say
    ///     that links new since that day are highlighted and those that ended since are
    ///     dashed and greyed (``MapGraph/Edge/hasEnded``).
    public func dot(_ map: MapGraph, audience: Audience, date: String, newSince: String? = nil, changesSince: String? = nil) -> String {
        var lines = ["digraph \"cegraph\" {"]
        var header = "\(map.title)\n\(date) · audience: \(audience.rawValue) · \(style.marking)"
        if let changesSince {
            header += "\nchanges since \(changesSince): new links highlighted, ended links dashed grey"
        } else if let newSince {
            header += "\nhighlighted: new since \(newSince)"
        }
        var graph = style.graph
        graph["label"] = header
        graph["labelloc"] = "t"
        graph["forcelabels"] = "true"
        graph["fontname"] = style.font
        graph["fontsize"] = "14"
        lines.append("  graph " + attributes(graph) + ";")
        lines.append("  node " + attributes(["fontname": style.font, "fontsize": "10", "style": "filled"]) + ";")
        lines.append("  edge " + attributes(["fontname": style.font, "fontsize": "8"]) + ";")
        let keys = Self.keyEntities(map)
        lines += clustered(map.nodes, audience: audience, keys: keys)
        let large = map.nodes.count > Self.largeMap
        for edge in map.edges { lines.append("  " + edgeStatement(edge, audience: audience, large: large)) }
        lines.append("  " + legend(map, audience: audience, newSince: newSince, changesSince: changesSince))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Node statements, inside force and authority clusters when the map crosses a border.
    private func clustered(_ nodes: [MapGraph.Node], audience: Audience, keys: Set<String>) -> [String] {
        let authorities = Set(nodes.compactMap { $0.area?.code })
        guard authorities.count > 1 else { return nodes.map { "  " + nodeStatement($0, audience: audience, keys: keys) } }
        var lines: [String] = []
        let placed = nodes.filter { $0.area != nil }
        let forces = Dictionary(grouping: placed, by: { $0.area!.forceCode })
        for forceCode in forces.keys.sorted() {
            let members = forces[forceCode]!
            lines.append("  subgraph " + quote("cluster_force_\(forceCode)") + " {")
            lines.append("    graph " + attributes(["label": members[0].area!.forceName, "color": style.clusters.force,
                                                      "style": "rounded"]) + ";")
            let areas = Dictionary(grouping: members, by: { $0.area!.code })
            for code in areas.keys.sorted() {
                let inArea = areas[code]!
                if code == forceCode {
                    lines += inArea.map { "    " + nodeStatement($0, audience: audience, keys: keys) }
                    continue
                }
                lines.append("    subgraph " + quote("cluster_area_\(code)") + " {")
                lines.append("      graph " + attributes(["label": inArea[0].area!.name, "color": style.clusters.authority,
                                                            "style": "rounded,dashed"]) + ";")
                lines += inArea.map { "      " + nodeStatement($0, audience: audience, keys: keys) }
                lines.append("    }")
            }
            lines.append("  }")
        }
        lines += nodes.filter { $0.area == nil }.map { "  " + nodeStatement($0, audience: audience, keys: keys) }
        return lines
    }

    private func nodeStatement(_ node: MapGraph.Node, audience: Audience, keys: Set<String>) -> String {
        if node.members > 0 { return groupStatement(node) }
        let kind = style.entities[node.kind.rawValue]
        var label = (kind?.icon ?? node.kind.rawValue.uppercased()) + "\n" + node.label
        let pseudonymous = node.id.hasPrefix("child-")
        if audience != .panel || (!pseudonymous && node.kind != .child) { label += "\n(\(node.id))" }
        if node.kind == .child, let risk = node.risk { label += "\n" + (RiskLevel(risk)?.brief ?? "risk \(risk)") }
        if node.isNew { label += "\nNEW" }
        if !node.notices.isEmpty { label += "\n" + node.notices.joined(separator: ", ") + " in force" }
        var attributes: [String: String] = [
            "label": label,
            "shape": kind?.shape ?? "ellipse",
            "color": node.isNew ? style.new.color : (kind?.color ?? "black"),
            "fillcolor": node.kind == .child ? (style.risk[node.risk ?? "none"] ?? style.risk["none"] ?? "white")
                : (kind?.fillcolor ?? "white"),
        ]
        if node.isNew { attributes["penwidth"] = style.new.penwidth }
        if !node.notices.isEmpty {
            attributes["color"] = MapStyle.noticeColour
            attributes["penwidth"] = "2.5"
            attributes["style"] = "filled,bold"
        }
        // What the web page's map lets the viewer select, keeps labelled at overview and
        // marks as pinned (SVG classes).
        let classes = [(node.opens, "opens"), (keys.contains(node.id), "key"), (node.isPinned, "pinned")].filter(\.0).map(\.1)
        if !classes.isEmpty { attributes["class"] = classes.joined(separator: " ") }
        if node.isPinned { attributes["penwidth"] = "3" }
        if node.isSubject {
            attributes["peripheries"] = "2"
            attributes["penwidth"] = "2.5"
        }
        return quote(node.id) + " " + self.attributes(attributes) + ";"
    }

    /// A collapsed group: a folder with its count and kinds, which the page lets anyone
    /// open (it names no one).
    private func groupStatement(_ node: MapGraph.Node) -> String {
        quote(node.id) + " " + attributes([
            "label": "GROUP\n" + node.label + (node.isNew ? "\nNEW" : ""), "shape": "folder", "class": "group key",
            "color": node.isNew ? style.new.color : style.clusters.force, "fillcolor": "#f8fafc", "penwidth": "1.5",
        ]) + ";"
    }

    private func edgeStatement(_ edge: MapGraph.Edge, audience: Audience, large: Bool) -> String {
        let link = style.links[edge.kind]
        var label = edge.count > 1 ? "\(edge.count) \(edge.kind == "links" ? "links" : edge.kind + " links")" : edge.kind
        if audience != .panel && !edge.reports.isEmpty {
            label += "\n" + edge.reports.map { "\($0.id) \($0.grading)" }.joined(separator: "\n")
        }
        if let first = edge.firstSeen { label += "\n" + (edge.lastSeen.map { $0 == first ? first : "\(first) to \($0)" } ?? first) }
        if edge.isNew { label += "\nNEW" }
        if edge.hasEnded { label += "\nENDED" }
        // Edge labels are `xlabel`s, placed after layout: Graphviz 2.43's dot layout turns
        // `label`s on links between clusters into virtual nodes that gvFreeLayout then frees
        // twice (a heap crash in process; the `dot` command never frees its layout).
        label = label.replacingOccurrences(of: "_", with: " ")
        var attributes: [String: String] = [
            "color": edge.isNew ? style.new.color : (link?.color ?? "black"),
            "style": style.grading[gradingKey(edge, audience: audience)] ?? "solid",
            "tooltip": label.replacingOccurrences(of: "\n", with: " · "),
            "class": (["link"] + [("first", edge.firstSeen), ("last", edge.lastSeen)].compactMap { name, day in
                day.flatMap { CalendarDate($0) }.map { "\(name)-\($0)" }
            }).joined(separator: " "),
        ]
        if !large { attributes["xlabel"] = label }
        if let arrowhead = link?.arrowhead { attributes["arrowhead"] = arrowhead }
        if edge.isNew { attributes["penwidth"] = style.new.penwidth }
        if edge.count > 1 { attributes["penwidth"] = String(min(1 + Double(edge.count) / 2, 5)) }
        if edge.hasEnded {
            attributes["color"] = style.endedStyle.color
            attributes["fontcolor"] = style.endedStyle.color
            attributes["style"] = style.endedStyle.style
        }
        return quote(edge.from) + " -> " + quote(edge.to) + " " + self.attributes(attributes) + ";"
    }

    /// `A-B`, `C-D`, `ungraded` (no report, or every report graded E) or `inferred`. A panel
    /// map shows no gradings, so every recorded link is drawn alike.
    func gradingKey(_ edge: MapGraph.Edge, audience: Audience) -> String {
        if edge.inferred { return "inferred" }
        if audience == .panel { return "A-B" }
        switch edge.bestAssessment {
        case "A", "B": return "A-B"
        case "C", "D": return "C-D"
        default: return "ungraded"
        }
    }

    /// `[key="value", ...]` in key order, every value escaped.
    func attributes(_ attributes: [String: String]) -> String {
        "[" + attributes.keys.sorted().map { "\($0)=\(quote(attributes[$0]!))" }.joined(separator: ", ") + "]"
    }

    /// A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`, other
    /// control characters dropped, so no input can end the string or the statement.
    func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
