import Foundation
import Testing
import GraphCore
@testable import GraphRender

/// DOT, SVG and redaction on a small hand-made map whose every string is synthetic.
@Suite struct MapTests {
    /// A map crossing a border: a subject child, another child (the canary name), an adult,
    /// a place in another force, and a link resting only on handling-code-C intelligence.
    static let map: MapGraph = {
        let liverpool = MapGraph.Area(code: "E08000012", name: "Liverpool", forceCode: "merseyside", forceName: "Merseyside Police")
        let warrington = MapGraph.Area(code: "E06000007", name: "Warrington", forceCode: "cheshire", forceName: "Cheshire Constabulary")
        let open = MapGraph.Report(id: "IN1", source: "2", assessment: "B", handling: "P", date: "2026-09-01")
        let conditional = MapGraph.Report(id: "IN9", source: "1", assessment: "A", handling: "C", date: "2026-09-02")
        return MapGraph(title: "Associations of CH1 within 2 links", nodes: [
            .init(id: "CH1", kind: .child, label: "Subject Fern", area: liverpool, risk: "merseyside:2", isSubject: true),
            .init(id: "CH2", kind: .child, label: "Canary Thistle", area: liverpool, risk: "merseyside:5"),
            .init(id: "AD1", kind: .adult, label: "Adult Quartz", area: liverpool),
            .init(id: "LO1", kind: .location, label: "Takeaway 1", area: warrington, isNew: true),
            .init(id: "AD9", kind: .adult, label: "Hidden Garnet"),
        ], edges: [
            .init(from: "AD1", to: "CH1", kind: "associates_with", firstSeen: "2026-08-01", lastSeen: "2026-09-01", reports: [open]),
            .init(from: "CH2", to: "AD1", kind: "associates_with", reports: [open, conditional]),
            .init(from: "CH1", to: "LO1", kind: "found_at", firstSeen: "2026-09-10", reports: [], isNew: true),
            .init(from: "AD9", to: "CH1", kind: "associates_with", reports: [conditional]),
        ])
    }()

    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    func dot(_ audience: Audience) throws -> String {
        let style = try MapStyle.shipped()
        return DotWriter(style: style).dot(Redactor.redact(MapTests.map, for: audience).map, audience: audience,
                                           date: "2026-11-23", newSince: "2026-09-05")
    }

    @Test(arguments: [Audience.analyst, .panel])
    func dotMatchesTheSavedFile(_ audience: Audience) throws {
        let text = try dot(audience)
        let file = MapTests.expected.appendingPathComponent("map-\(audience.rawValue).dot")
        if ProcessInfo.processInfo.environment["CEGRAPH_UPDATE_EXPECTED"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: file, encoding: .utf8)), "regenerate with CEGRAPH_UPDATE_EXPECTED=1 after a deliberate change")
    }

    @Test func analystMapShowsEverythingWithReportsAndClusters() throws {
        let text = try dot(.analyst)
        for needle in ["Canary Thistle", "IN9 1A C", "IN1 2B P", "cluster_force_cheshire", "cluster_area_E08000012",
                       "OFFICIAL-SENSITIVE", "audience: analyst", "NEW", "Hidden Garnet"] {
            #expect(text.contains(needle), "\(needle)")
        }
    }

    @Test func panelRedactionHappensBeforeDot() throws {
        let (redacted, disclosed) = Redactor.redact(MapTests.map, for: .panel)
        #expect(redacted.nodes.map(\.id) == ["CH1", "child-1", "AD1", "LO1"])
        #expect(redacted.nodes[1].label == "Child 1")
        #expect(redacted.edges.allSatisfy { $0.reports.isEmpty })
        #expect(!redacted.edges.contains { $0.from == "AD9" || $0.to == "AD9" }, "a link resting only on code C is dropped")
        #expect(disclosed == ["CH1", "CH2", "AD1", "LO1"], "the audit records the real ids behind pseudonyms")
    }

    /// The canaries (another child's name and id, the handling-code-C report, the adult known
    /// only from it) never reach a panel map in any format.
    @Test(arguments: MapFormat.allCases)
    func canariesNeverReachAPanelMap(_ format: MapFormat) async throws {
        let rendered = try await MapRenderer(style: try MapStyle.shipped()).render(
            MapTests.map, audience: .panel, format: format, date: "2026-11-23")
        let bytes = rendered.data
        // Short canaries turn up by chance in compressed bytes, so PNG and PDF are searched
        // for the long ones only.
        let text = format == .svg || format == .dot
        for canary in ["Canary Thistle", "Hidden Garnet", "IN9 1A C", "IN1 2B P"] + (text ? ["CH2", "IN9", "IN1", "AD9", "1A", "2B P"] : []) {
            #expect(bytes.range(of: Data(canary.utf8)) == nil, "\(canary) in the \(format.rawValue) panel map")
        }
        if format == .svg {
            let svg = String(decoding: bytes, as: UTF8.self)
            #expect(svg.contains("Subject Fern") && svg.contains("Child 1") && svg.contains("Adult Quartz"))
            #expect(svg.contains("<title>CH1</title>") && svg.contains("<title>child&#45;1</title>"))
        }
    }

    @Test func hostileStringsStayInsideTheirQuotes() async throws {
        var map = MapTests.map
        map.nodes[2].label = "x\"]; evil [label=\"y\\\"\n\u{7}z"
        let text = DotWriter(style: try MapStyle.shipped()).dot(map, audience: .analyst, date: "2026-11-23")
        #expect(text.contains(#"x\"]; evil [label=\"y\\\"\nz"#))
        let svg = try await GraphvizRenderer.shared.render(dot: text, format: .svg, engine: .dot)
        #expect(String(decoding: svg, as: UTF8.self).contains("evil [label="))
    }

    @Test func engineIsChosenBySize() {
        #expect(LayoutEngine.forSize(50) == .dot)
        #expect(LayoutEngine.forSize(2_000) == .sfdp)
    }
}
