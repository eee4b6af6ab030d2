import Testing
import GraphCore
@testable import GraphRender

/// The map page's needs of the DOT (issue 21): a complete legend in words, each link's
/// dates as classes, the key entities marked, large maps labelled by tooltip, groups drawn.
@Suite struct MapLegendTests {
    func dot(_ map: MapGraph, _ audience: Audience) throws -> String {
        DotWriter(style: try MapStyle.shipped()).dot(Redactor.redact(map, for: audience).map, audience: audience,
                                                     date: "2026-11-23", newSince: "2026-09-05")
    }

    @Test func theLegendSaysWhatEachShapeFillColourAndLineMeans() throws {
        let text = try dot(MapTests.map, .analyst)
        let legend = try #require(text.split(separator: "\n").first { $0.contains(#""legend" ["#) }).description
        for words in ["2 children", "2 adults", "1 place", "A child's fill: Merseyside: scaling 1 is the most risk, 10 no longer at risk",
                      "Merseyside scaling 2 of 10", "Merseyside scaling 5 of 10", "associates with", "found at",
                      "solid line: graded A or B", "dashed line: graded C or D", "new since 2026-09-05",
                      "a police force; dashed box: a local authority", "double outline: the map's subject"] {
            #expect(legend.contains(words.replacingOccurrences(of: "'", with: "&apos;")), "\(words) in \(legend)")
        }
        #expect(legend.contains(#"STYLE="dashed""#), "a dashed sample is drawn")
        #expect(!text.contains("cluster_legend"), "the legend is one table, not laid-out links")
        let panel = try dot(MapTests.map, .panel)
        #expect(panel.contains("line: a recorded link") && !panel.contains("graded A or B"))
    }

    @Test func linksCarryTheirDatesAndEntitiesTheirEmphasis() throws {
        let text = try dot(MapTests.map, .analyst)
        #expect(text.contains(#"class="link first-2026-08-01 last-2026-09-01""#), "\(text)")
        #expect(text.contains(#"class="link first-2026-09-10""#))
        let subject = try #require(text.split(separator: "\n").first { $0.hasPrefix("    \"CH1\"") || $0.contains("\"CH1\" [") })
        #expect(subject.contains(#"class="key""#), "\(subject)")
        #expect(subject.contains("Merseyside scaling 2 of 10"), "risk in words, not a code")
        #expect(text.contains("xlabel="), "a small map keeps its link labels")
    }

    @Test func aLargeMapLabelsItsLinksByTooltipAndMarksItsBestLinked() throws {
        var nodes = [MapGraph.Node(id: "CH1", kind: .child, label: "Child One", isSubject: true)]
        var edges: [MapGraph.Edge] = []
        for hub in 1...4 {
            nodes.append(MapGraph.Node(id: "AD\(hub)", kind: .adult, label: "Adult \(hub)"))
            edges.append(MapGraph.Edge(from: "AD\(hub)", to: "CH1", kind: "associates_with", firstSeen: "2026-01-0\(hub)"))
            for leaf in 1...35 {
                nodes.append(MapGraph.Node(id: "LO\(hub)-\(leaf)", kind: .location, label: "Place \(hub)-\(leaf)"))
                edges.append(MapGraph.Edge(from: "AD\(hub)", to: "LO\(hub)-\(leaf)", kind: "frequents"))
            }
        }
        let map = MapGraph(title: "big", nodes: nodes, edges: edges)
        #expect(map.nodes.count > DotWriter.largeMap)
        let text = try dot(map, .analyst)
        #expect(!text.contains("xlabel="))
        #expect(text.contains(#"tooltip="associates with · 2026-01-01""#), "\(text.prefix(2000))")
        let keys = DotWriter.keyEntities(map)
        #expect(keys.isSuperset(of: ["CH1", "AD1", "AD2", "AD3", "AD4"]) && !keys.contains("LO1-1"))
    }

    @Test func aCollapsedGroupIsDrawnAsAFolderAnyoneMayOpen() throws {
        let grouped = MapTests.map.arranged(MapArrangement(grouping: .area), communities: { [:] })
        let text = try dot(grouped, .analyst)
        let group = try #require(text.split(separator: "\n").first { $0.contains("\"area:E08000012\" [") })
        #expect(group.contains("shape=\"folder\"") && group.contains("class=\"group key\"") && group.contains("2 in Liverpool"), "\(group)")
        #expect(text.contains("collapsed group"))
    }
}
