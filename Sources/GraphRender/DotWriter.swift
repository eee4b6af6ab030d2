import GraphCore

/// DOT text for a map, styled by `render/styles.json`: shape, colour and tag per entity
/// kind; colour per link kind; line style by grading (solid A–B, dashed C–D and ungraded,
/// dotted for inferred links); children filled by risk level; entities grouped by force and
/// local authority when the map crosses a border; new entities and links highlighted (and,
/// on a diff map, links that ended dashed and grey); a legend; and a header with title,
/// date, audience and the protective marking.
///
/// Give it a map already redacted for its audience (``Redactor``); it adds nothing that the
/// map does not hold, and every string is escaped.
public struct DotWriter: Sendable {
    public let style: MapStyle

    public init(style: MapStyle) {
        self.style = style
    }

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
        lines += clustered(map.nodes, audience: audience)
        for edge in map.edges { lines.append("  " + edgeStatement(edge, audience: audience)) }
        lines += legend(map, audience: audience, changesSince: changesSince)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Node statements, inside force and authority clusters when the map crosses a border.
    private func clustered(_ nodes: [MapGraph.Node], audience: Audience) -> [String] {
        let authorities = Set(nodes.compactMap { $0.area?.code })
        guard authorities.count > 1 else { return nodes.map { "  " + nodeStatement($0, audience: audience) } }
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
                    lines += inArea.map { "    " + nodeStatement($0, audience: audience) }
                    continue
                }
                lines.append("    subgraph " + quote("cluster_area_\(code)") + " {")
                lines.append("      graph " + attributes(["label": inArea[0].area!.name, "color": style.clusters.authority,
                                                            "style": "rounded,dashed"]) + ";")
                lines += inArea.map { "      " + nodeStatement($0, audience: audience) }
                lines.append("    }")
            }
            lines.append("  }")
        }
        lines += nodes.filter { $0.area == nil }.map { "  " + nodeStatement($0, audience: audience) }
        return lines
    }

    private func nodeStatement(_ node: MapGraph.Node, audience: Audience) -> String {
        let kind = style.entities[node.kind.rawValue]
        var label = (kind?.icon ?? node.kind.rawValue.uppercased()) + "\n" + node.label
        let pseudonymous = node.id.hasPrefix("child-")
        if audience != .panel || (!pseudonymous && node.kind != .child) { label += "\n(\(node.id))" }
        if node.kind == .child, let risk = node.risk { label += "\nrisk \(risk)" }
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
        // What the web page's map lets the viewer select (SVG class).
        if node.opens { attributes["class"] = "opens" }
        if node.isSubject {
            attributes["peripheries"] = "2"
            attributes["penwidth"] = "2.5"
        }
        return quote(node.id) + " " + self.attributes(attributes) + ";"
    }

    private func edgeStatement(_ edge: MapGraph.Edge, audience: Audience) -> String {
        let link = style.links[edge.kind]
        var label = edge.kind
        if audience != .panel && !edge.reports.isEmpty {
            label += "\n" + edge.reports.map { "\($0.id) \($0.grading)" }.joined(separator: "\n")
        }
        if let first = edge.firstSeen { label += "\n" + (edge.lastSeen.map { $0 == first ? first : "\(first) to \($0)" } ?? first) }
        if edge.isNew { label += "\nNEW" }
        if edge.hasEnded { label += "\nENDED" }
        // Edge labels are `xlabel`s, placed after layout: Graphviz 2.43's dot layout turns
        // `label`s on links between clusters into virtual nodes that gvFreeLayout then frees
        // twice (a heap crash in process; the `dot` command never frees its layout).
        var attributes: [String: String] = [
            "xlabel": label,
            "color": edge.isNew ? style.new.color : (link?.color ?? "black"),
            "style": style.grading[gradingKey(edge, audience: audience)] ?? "solid",
        ]
        if let arrowhead = link?.arrowhead { attributes["arrowhead"] = arrowhead }
        if edge.isNew { attributes["penwidth"] = style.new.penwidth }
        if edge.hasEnded {
            attributes["color"] = style.endedStyle.color
            attributes["fontcolor"] = style.endedStyle.color
            attributes["style"] = style.endedStyle.style
        }
        return quote(edge.from) + " -> " + quote(edge.to) + " " + self.attributes(attributes) + ";"
    }

    /// `A-B`, `C-D`, `ungraded` (no report, or every report graded E) or `inferred`. A panel
    /// map shows no gradings, so every recorded link is drawn alike.
    private func gradingKey(_ edge: MapGraph.Edge, audience: Audience) -> String {
        if edge.inferred { return "inferred" }
        if audience == .panel { return "A-B" }
        switch edge.bestAssessment {
        case "A", "B": return "A-B"
        case "C", "D": return "C-D"
        default: return "ungraded"
        }
    }

    /// A legend cluster: the entity kinds on the map and the line styles.
    private func legend(_ map: MapGraph, audience: Audience, changesSince: String?) -> [String] {
        var lines = ["  subgraph \"cluster_legend\" {",
                     "    graph " + attributes(["label": "Legend", "color": style.clusters.authority, "style": "rounded"]) + ";"]
        let kinds = EntityKind.allCases.filter { kind in map.nodes.contains { $0.kind == kind } }
        for kind in kinds {
            let entity = style.entities[kind.rawValue]
            lines.append("    " + quote("legend_\(kind.rawValue)") + " " + attributes([
                "label": entity?.icon ?? kind.rawValue, "shape": entity?.shape ?? "ellipse",
                "color": entity?.color ?? "black", "fillcolor": entity?.fillcolor ?? "white", "fontsize": "8",
            ]) + ";")
        }
        if map.nodes.contains(where: { !$0.notices.isEmpty }) {
            lines.append("    " + quote("legend_notice") + " " + attributes([
                "label": "notice in force", "shape": "box", "color": MapStyle.noticeColour, "penwidth": "2.5",
                "style": "filled,bold", "fillcolor": "white", "fontsize": "8",
            ]) + ";")
        }
        var styles = [("inferred", "inferred (suggested, not intelligence)")]
        if audience == .panel {
            styles.insert(("A-B", "recorded link"), at: 0)
        } else {
            styles.insert(contentsOf: [("A-B", "graded A-B"), ("C-D", "graded C-D"), ("ungraded", "ungraded")], at: 0)
        }
        var lineStyles = styles.map { key, text in (text, ["style": style.grading[key] ?? "solid"]) }
        if let changesSince {
            lineStyles.append(("new since \(changesSince)", ["style": "solid", "color": style.new.color, "penwidth": style.new.penwidth]))
            lineStyles.append(("ended since \(changesSince)", ["style": style.endedStyle.style, "color": style.endedStyle.color]))
        }
        for (index, (text, line)) in lineStyles.enumerated() {
            lines.append("    " + quote("legend_line_\(index)_a") + " " + attributes(["label": "", "shape": "point", "width": "0.05"]) + ";")
            lines.append("    " + quote("legend_line_\(index)_b") + " " + attributes(["label": text, "shape": "plaintext", "fontsize": "8",
                                                                                      "style": ""]) + ";")
            lines.append("    " + quote("legend_line_\(index)_a") + " -> " + quote("legend_line_\(index)_b") + " "
                         + attributes(line.merging(["arrowhead": "none"]) { $1 }) + ";")
        }
        lines.append("  }")
        return lines
    }

    /// `[key="value", ...]` in key order, every value escaped.
    private func attributes(_ attributes: [String: String]) -> String {
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
