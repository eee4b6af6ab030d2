import GraphCore

/// GEXF 1.3 (https://gexf.net) for a map already redacted for its audience, with each
/// link's first and last seen dates as its `start` and `end` (GEXF dynamics), so Gephi can
/// play the network over time; NetworkX reads it.
public struct GEXFWriter: Sendable {
    public init() {}

    public func gexf(_ map: MapGraph, date: String) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#
                + #"xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#,
            #"  <meta lastmodifieddate="\#(XMLText.escape(date))"><creator>cegraph</creator>"#
                + "<description>\(XMLText.escape(map.title))</description></meta>",
            #"  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#,
        ]
        lines += attributes("node", MapAttributes.node.filter { $0 != "label" })
        lines += attributes("edge", MapAttributes.edge)
        lines.append("    <nodes>")
        for node in map.nodes {
            lines.append(#"      <node id="\#(XMLText.escape(node.id))" label="\#(XMLText.escape(node.label))">"#)
            lines += values(MapAttributes.node.filter { $0 != "label" }, MapAttributes.values(node))
            lines.append("      </node>")
        }
        lines.append("    </nodes>")
        lines.append("    <edges>")
        for (index, edge) in map.edges.enumerated() {
            var opening = #"      <edge id="\#(index)" source="\#(XMLText.escape(edge.from))" target="\#(XMLText.escape(edge.to))""#
                + #" label="\#(XMLText.escape(edge.kind))""#
            if let start = edge.firstSeen ?? edge.lastSeen { opening += #" start="\#(start)""# }
            if let end = edge.lastSeen ?? edge.firstSeen { opening += #" end="\#(end)""# }
            lines.append(opening + ">")
            lines += values(MapAttributes.edge, MapAttributes.values(edge))
            lines.append("      </edge>")
        }
        lines += ["    </edges>", "  </graph>", "</gexf>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func attributes(_ domain: String, _ names: [String]) -> [String] {
        [#"    <attributes class="\#(domain)" mode="static">"#]
            + names.map { name in
                let type = MapAttributes.booleans.contains(name) ? "boolean" : "string"
                return #"      <attribute id="\#(name)" title="\#(name)" type="\#(type)"/>"#
            }
            + ["    </attributes>"]
    }

    private func values(_ names: [String], _ values: [String: String]) -> [String] {
        let present = names.compactMap { name in
            values[name].map { #"          <attvalue for="\#(name)" value="\#(XMLText.escape($0))"/>"# }
        }
        return present.isEmpty ? [] : ["        <attvalues>"] + present + ["        </attvalues>"]
    }
}
