import GraphCore

extension DotWriter {
    /// The entities a map keeps labelled at overview: its subject, pinned entities, groups
    /// and subjects of a notice in force; then, up to about one in twenty of the map (at
    /// least twelve), children at the top of their framework's scale and the best-linked
    /// entities (three or more links on the map), best-linked first.
    public static func keyEntities(_ map: MapGraph) -> Set<String> {
        var degree: [String: Int] = [:]
        for edge in map.edges {
            degree[edge.from, default: 0] += 1
            degree[edge.to, default: 0] += 1
        }
        var keys = Set(map.nodes.filter { $0.isSubject || $0.isPinned || $0.members > 0 || !$0.notices.isEmpty }.map(\.id))
        func topRisk(_ node: MapGraph.Node) -> Bool {
            node.risk.flatMap(RiskLevel.init).map { level in
                (level.framework.levels.firstIndex(of: level.level) ?? .max) < max(1, level.framework.levels.count / 3)
            } ?? false
        }
        let candidates = map.nodes.filter { !keys.contains($0.id) && (topRisk($0) || degree[$0.id, default: 0] >= 3) }
            .sorted { (degree[$0.id, default: 0], $1.id) > (degree[$1.id, default: 0], $0.id) }
        keys.formUnion(candidates.prefix(max(12, map.nodes.count / 20)).map(\.id))
        return keys
    }

    /// The legend: one node holding a table (so its samples are drawn, not laid out as
    /// links) of what each shape, fill, colour and line on this map means, in words. The
    /// page shows it beside the map; a downloaded map carries it.
    func legend(_ map: MapGraph, audience: Audience, newSince: String?, changesSince: String? = nil) -> String {
        var rows = [#"<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Key</B></TD></TR>"#]
        func row(_ sample: String, _ words: String) {
            rows.append("<TR>" + sample + #"<TD ALIGN="LEFT">"# + XMLText.escape(words) + "</TD></TR>")
        }
        func box(fill: String, line: String, text: String = "", width: String = "1") -> String {
            #"<TD WIDTH="56" BORDER="\#(width)" BGCOLOR="\#(fill)" COLOR="\#(line)">"# + XMLText.escape(text) + "</TD>"
        }
        func line(_ colour: String, style: String = "solid", width: Int = 2) -> String {
            let dash = style == "solid" ? "" : #" STYLE="\#(style)""#
            return #"<TD WIDTH="56" HEIGHT="6" SIDES="B" BORDER="\#(width)" COLOR="\#(colour)"\#(dash)></TD>"#
        }
        let entities = map.nodes.filter { $0.members == 0 }
        for kind in EntityKind.allCases {
            let count = entities.filter { $0.kind == kind }.count
            guard count > 0, let look = style.entities[kind.rawValue] else { continue }
            row(box(fill: look.fillcolor, line: look.color, text: look.icon), kind.counted(count))
        }
        let groups = map.nodes.filter { $0.members > 0 }
        if !groups.isEmpty {
            row(box(fill: "#f8fafc", line: style.clusters.force, text: "GROUP"),
                "\(groups.count) collapsed group\(groups.count == 1 ? "" : "s") of \(groups.map(\.members).reduce(0, +)) (select to open)")
        }
        // Children's fills by risk level, in each framework's order, most risk first.
        let levels = Set(entities.filter { $0.kind == .child }.map { $0.risk ?? "none" })
        for framework in RiskLevel.Framework.allCases {
            let present = framework.levels.filter { levels.contains("\(framework.rawValue):\($0)") }
            guard !present.isEmpty else { continue }
            rows.append(#"<TR><TD COLSPAN="2" ALIGN="LEFT">"# + XMLText.escape("A child's fill: " + framework.order) + "</TD></TR>")
            for level in present {
                let risk = RiskLevel("\(framework.rawValue):\(level)")!
                row(box(fill: style.risk[risk.description] ?? "white", line: "#1f4e79"), risk.brief)
            }
        }
        if levels.contains("none") { row(box(fill: style.risk["none"] ?? "white", line: "#1f4e79"), "child, no risk level recorded") }
        // Link colours, then line styles.
        let kinds = Set(map.edges.filter { !$0.inferred }.map(\.kind))
        for kind in LinkKind.allCases.map(\.rawValue) where kinds.contains(kind) {
            row(line(style.links[kind]?.color ?? "black"), kind.replacingOccurrences(of: "_", with: " "))
        }
        if kinds.contains("links") { row(line("black", width: 4), "several kinds of link to a group (thicker: more)") }
        let styles: [(String, String)] = audience == .panel
            ? [("A-B", "line: a recorded link")]
            : [("A-B", "solid line: graded A or B"), ("C-D", "dashed line: graded C or D, or ungraded (no report, or all E)")]
        for (key, words) in styles { row(line("#111827", style: style.grading[key] ?? "solid", width: 1), words) }
        if map.edges.contains(where: \.inferred) {
            row(line("#111827", style: style.grading["inferred"] ?? "dotted", width: 1), "dotted line: suggested by co-location, not intelligence")
        }
        if let changesSince {
            // A diff map (the panel's briefing pack): what changed since the last panel.
            row(line(style.new.color, width: 3), "new since \(changesSince)")
            row(line(style.endedStyle.color, style: style.endedStyle.style, width: 2), "ended since \(changesSince) (not seen since)")
        } else if map.nodes.contains(where: \.isNew) || map.edges.contains(where: \.isNew) {
            row(line(style.new.color, width: 3), "new" + (newSince.map { " since \($0)" } ?? "") + " (outline or line)")
        }
        if map.nodes.contains(where: { !$0.notices.isEmpty }) {
            row(box(fill: "white", line: MapStyle.noticeColour, text: "CAWN", width: "3"), "notice in force: a notice or order against them")
        }
        if map.nodes.contains(where: \.isPinned) { row(box(fill: "white", line: "#111827", width: "3"), "pinned by you") }
        if map.nodes.contains(where: \.isSubject) { row(box(fill: "white", line: "#111827", width: "2"), "double outline: the map's subject") }
        if Set(map.nodes.compactMap { $0.area?.code }).count > 1 {
            row(box(fill: "white", line: style.clusters.force), "solid box: a police force; dashed box: a local authority")
        }
        let table = #"<TABLE BORDER="1" COLOR="\#(style.clusters.authority)" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2" BGCOLOR="white">"#
            + rows.joined() + "</TABLE>"
        return quote("legend") + " " + attributes(["shape": "plaintext", "id": "legend", "class": "legend", "fontsize": "9",
                                                   "style": ""]).dropLast() + ", label=<" + table + ">];"
    }
}
