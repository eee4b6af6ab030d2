import Foundation
import TestSupport
import Testing
import GraphCore
@testable import GraphRender

/// GraphML and GEXF: structure, redaction, and NetworkX reading them with the same counts
/// and attributes (when a Python with NetworkX is at hand: `make test` makes one in
/// .build-venv; otherwise that check is skipped with a message).
@Suite struct ExportTests {
    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let candidates: [String?] = [environment["CEGRAPH_PYTHON"], root.appendingPathComponent(".build-venv/bin/python").path,
                                     "/usr/bin/python3"]
        return candidates.compactMap { $0 }.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            return (try? ExportTests.runPython(path, ["-c", "import networkx"]))?.status == 0
        }
    }()

    static func runPython(_ python: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let child = try Spawned(python, arguments, stdout: .pipe, stderr: .output)
        let data = child.exchange(Data()).stdout
        return (child.wait().status, String(decoding: data, as: UTF8.self))
    }

    @Test func analystExportsHoldEveryEntityLinkAndReport() {
        let graphML = GraphMLWriter().graphML(MapTests.map)
        #expect(graphML.components(separatedBy: "<node id=").count - 1 == MapTests.map.nodes.count)
        #expect(graphML.components(separatedBy: "<edge id=").count - 1 == MapTests.map.edges.count)
        #expect(graphML.contains(#"<data key="edge_grading">2B P;1A C</data>"#))
        let gexf = GEXFWriter().gexf(MapTests.map, date: "2026-11-23")
        #expect(gexf.contains(#"start="2026-08-01" end="2026-09-01""#))
        #expect(gexf.contains(#"version="1.3""#))
    }

    @Test func panelExportsCarryNoCanary() {
        let (panel, _) = Redactor.redact(MapTests.map, for: .panel)
        for text in [GraphMLWriter().graphML(panel), GEXFWriter().gexf(panel, date: "2026-11-23")] {
            for canary in ["Canary Thistle", "CH2", "IN9", "IN1", "Hidden Garnet", "AD9", "1A C", "2B P"] {
                #expect(!text.contains(canary), "\(canary)")
            }
        }
    }

    @Test func hostileStringsAreEscaped() {
        var map = MapTests.map
        map.nodes[2].label = "</data><evil attr=\"x\">&\u{1}"
        let text = GraphMLWriter().graphML(map)
        #expect(text.contains("&lt;/data&gt;&lt;evil attr=&quot;x&quot;&gt;&amp;</data>"))
    }

    @Test(.enabled(if: python != nil, "no Python with NetworkX (make test installs it in .build-venv): NetworkX check skipped"))
    func networkXReadsBothWithTheSameCountsAndAttributes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let graphML = directory.appendingPathComponent("map.graphml"), gexf = directory.appendingPathComponent("map.gexf")
        try GraphMLWriter().graphML(MapTests.map).write(to: graphML, atomically: true, encoding: .utf8)
        try GEXFWriter().gexf(MapTests.map, date: "2026-11-23").write(to: gexf, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, networkx as nx
            g = nx.read_graphml(sys.argv[1]); h = nx.read_gexf(sys.argv[2])
            def summary(graph):
                return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                        "kinds": sorted(d["kind"] for _, d in graph.nodes(data=True)),
                        "links": sorted(d["kind"] for _, _, d in graph.edges(data=True)),
                        "label": graph.nodes["AD1"]["label"], "subject": graph.nodes["CH1"]["subject"]}
            print(json.dumps({"graphml": summary(g), "gexf": summary(h),
                              "grading": [d.get("grading") for _, _, d in g.edges(data=True)],
                              "start": sorted(d["start"] for _, _, d in h.edges(data=True) if "start" in d)}))
            """
        let result = try ExportTests.runPython(ExportTests.python!, ["-c", script, graphML.path, gexf.path])
        #expect(result.status == 0, "\(result.output)")
        let read = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        for format in ["graphml", "gexf"] {
            let summary = try #require(read[format] as? [String: Any])
            #expect(summary["nodes"] as? Int == MapTests.map.nodes.count, "\(format)")
            #expect(summary["edges"] as? Int == MapTests.map.edges.count, "\(format)")
            #expect(summary["kinds"] as? [String] == MapTests.map.nodes.map(\.kind.rawValue).sorted(), "\(format)")
            #expect(summary["links"] as? [String] == MapTests.map.edges.map(\.kind).sorted(), "\(format)")
            #expect(summary["label"] as? String == "Adult Quartz", "\(format)")
            #expect(summary["subject"] as? Bool == true, "\(format)")
        }
        #expect((read["grading"] as? [Any])?.compactMap { $0 as? String }.sorted() == ["1A C", "2B P", "2B P;1A C"])
        #expect(read["start"] as? [String] == ["2026-08-01", "2026-09-10"])
    }
}

/// The ANX export against anxwritter's structure for the same chart.
@Suite struct ANXTests {
    static let python: String? = {
        [ExportTests.python].compactMap { $0 }.first { (try? ExportTests.runPython($0, ["-c", "import anxwritter"]))?.status == 0 }
    }()

    /// The chart as anxwritter's inputs: the same ids, labels, icon types, link types,
    /// dates, grades and attributes cegraph writes.
    static func chartJSON(_ map: MapGraph) throws -> Data {
        let nodes: [[String: Any]] = map.nodes.map { node in
            var attributes = MapAttributes.values(node)
            attributes["label"] = nil
            return ["id": node.id, "label": node.label, "type": ANXWriter.iconTypes[node.kind]!, "attributes": attributes]
        }
        let links: [[String: Any]] = map.edges.map { edge in
            var link: [String: Any] = ["from": edge.from, "to": edge.to, "type": edge.kind, "label": edge.kind,
                                       "attributes": MapAttributes.values(edge)]
            if let date = edge.firstSeen ?? edge.lastSeen { link["date"] = date }
            if let best = edge.gradingReport { link["grades"] = [best.source, best.assessment, best.handling] }
            return link
        }
        return try JSONSerialization.data(withJSONObject: ["nodes": nodes, "links": links])
    }

    @Test func anxHasTheChartStructure() {
        let anx = ANXWriter().anx(MapTests.map)
        #expect(anx.contains(#"<Entity EntityId="1" Identity="CH1" LabelIsIdentity="false">"#))
        #expect(anx.contains(#"<Link End1Id="3" End2Id="1">"#))
        #expect(anx.contains(#"GradeOneIndex="1" GradeTwoIndex="1" GradeThreeIndex="0""#))
        let (panel, _) = Redactor.redact(MapTests.map, for: .panel)
        let redacted = ANXWriter().anx(panel)
        for canary in ["Canary Thistle", "CH2", "IN9", "Hidden Garnet"] { #expect(!redacted.contains(canary), "\(canary)") }
    }

    @Test(.enabled(if: python != nil, "no Python with anxwritter (make test installs it in .build-venv): ANX comparison skipped"),
          arguments: [Audience.analyst, .panel])
    func anxMatchesAnxwritter(_ audience: Audience) throws {
        let (map, _) = Redactor.redact(MapTests.map, for: audience)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-anx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let chart = directory.appendingPathComponent("chart.json"), anx = directory.appendingPathComponent("map.anx")
        try ANXTests.chartJSON(map).write(to: chart)
        try ANXWriter().anx(map).write(to: anx, atomically: true, encoding: .utf8)
        let script = MapTests.expected.appendingPathComponent("anx_compare.py").path
        let result = try ExportTests.runPython(ANXTests.python!, [script, chart.path, anx.path])
        #expect(result.status == 0 && result.output.contains("same"), "\(result.output)")
    }
}
