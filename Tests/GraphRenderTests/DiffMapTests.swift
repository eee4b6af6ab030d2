import Foundation
import Testing
import GraphCore
@testable import GraphRender

/// Diff maps (the panel briefing pack, issue 21): links new in the period highlighted, links
/// that ended dashed and grey, the legend and header saying so; other maps unchanged.
struct DiffMapTests {
    static let map: MapGraph = {
        var ended = MapGraph.Edge(from: "CH1", to: "LO2", kind: "frequents", firstSeen: "2026-01-10", lastSeen: "2026-03-12")
        ended.hasEnded = true
        return MapGraph(title: "Associations of CH1 within 1 link", nodes: [
            .init(id: "CH1", kind: .child, label: "Subject Fern", isSubject: true),
            .init(id: "AD1", kind: .adult, label: "Adult Quartz"),
            .init(id: "LO2", kind: .location, label: "Park Two"),
        ], edges: [
            .init(from: "AD1", to: "CH1", kind: "associates_with", firstSeen: "2026-03-15", isNew: true),
            ended,
        ])
    }()

    /// The statement of the link from `from` to `to`.
    static func statement(_ dot: String, _ from: String, _ to: String) -> String {
        dot.split(separator: "\n").first { $0.contains("\"\(from)\" -> \"\(to)\"") }.map(String.init) ?? ""
    }

    @Test func newAndEndedLinksAreDrawnApartWithALegend() throws {
        let style = try MapStyle.shipped()
        let dot = DotWriter(style: style).dot(Self.map, audience: .panel, date: "2026-03-24", changesSince: "2026-03-10")
        let ended = Self.statement(dot, "CH1", "LO2"), new = Self.statement(dot, "AD1", "CH1")
        #expect(ended.contains("style=\"dashed\"") && ended.contains("color=\"\(style.endedStyle.color)\"") && ended.contains("ENDED"), "\(ended)")
        #expect(new.contains("penwidth=\"\(style.new.penwidth)\"") && new.contains("color=\"\(style.new.color)\"") && new.contains("NEW"),
                "\(new)")
        #expect(dot.contains("changes since 2026-03-10: new links highlighted, ended links dashed grey"))
        #expect(dot.contains(">new since 2026-03-10<") && dot.contains(">ended since 2026-03-10 (not seen since)<"), "the legend's rows")
        // It lays out and renders like any map.
        let svg = try #require(String(data: try GraphvizRenderer.shared.renderSync(dot: dot), encoding: .utf8))
        #expect(svg.contains("ENDED") && svg.contains("stroke-dasharray"))
    }

    @Test func aMapThatIsNotADiffMapHasNoEndedLegend() throws {
        let dot = DotWriter(style: try MapStyle.shipped()).dot(Self.map, audience: .panel, date: "2026-03-24", newSince: "2026-03-10")
        #expect(!dot.contains("ended since") && !dot.contains("changes since"))
        #expect(dot.contains("highlighted: new since 2026-03-10"))
    }
}

extension GraphvizRenderer {
    /// The map as SVG, waited for (the tests are synchronous).
    nonisolated func renderSync(dot: String) throws -> Data {
        try waitFor { try await GraphvizRenderer.shared.render(dot: dot, format: .svg, engine: .dot) }
    }
}
