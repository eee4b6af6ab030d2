import GraphCore

/// GraphML (http://graphml.graphdrawing.org) for a map already redacted for its audience:
/// one `<node>` per entity and one `<edge>` per link with its direction, and typed
/// attribute keys that NetworkX, Gephi and yEd read.
public struct GraphMLWriter: Sendable {
    public init() {}

    public func graphML(_ map: MapGraph) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" "#
                + #"xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#,
        ]
        for name in MapAttributes.node { lines.append(key("node", name)) }
        for name in MapAttributes.edge { lines.append(key("edge", name)) }
        lines.append(#"  <graph id="cegraph" edgedefault="directed">"#)
        for node in map.nodes {
            lines.append(#"    <node id="\#(XMLText.escape(node.id))">"#)
            lines += data("node", MapAttributes.node, MapAttributes.values(node))
            lines.append("    </node>")
        }
        for (index, edge) in map.edges.enumerated() {
            lines.append(#"    <edge id="e\#(index)" source="\#(XMLText.escape(edge.from))" target="\#(XMLText.escape(edge.to))">"#)
            lines += data("edge", MapAttributes.edge, MapAttributes.values(edge))
            lines.append("    </edge>")
        }
        lines += ["  </graph>", "</graphml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func key(_ domain: String, _ name: String) -> String {
        let type = MapAttributes.booleans.contains(name) ? "boolean" : "string"
        return #"  <key id="\#(domain)_\#(name)" for="\#(domain)" attr.name="\#(name)" attr.type="\#(type)"/>"#
    }

    private func data(_ domain: String, _ names: [String], _ values: [String: String]) -> [String] {
        names.compactMap { name in
            values[name].map { #"      <data key="\#(domain)_\#(name)">\#(XMLText.escape($0))</data>"# }
        }
    }
}
