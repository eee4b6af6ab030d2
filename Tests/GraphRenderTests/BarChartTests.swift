import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GraphRender

struct BarChartTests {
    let style: ChartStyle

    init() throws {
        style = try ChartStyle.shipped()
    }

    /// The chart parsed as XML: it must be well formed to parse at all.
    func parse(_ svg: String) throws -> XMLDocument {
        try XMLDocument(xmlString: svg, options: [])
    }

    func elements(_ document: XMLDocument, _ name: String, class className: String? = nil) throws -> [XMLNode] {
        let filter = className.map { "[@class='\($0)']" } ?? ""
        return try document.nodes(forXPath: "//*[local-name()='\(name)']\(filter)")
    }

    /// An attribute's value, found by XPath: Linux's FoundationXML does not answer
    /// `attribute(forName:)` for elements in SVG's default namespace.
    func attribute(_ node: XMLNode, _ name: String) throws -> String? {
        try node.nodes(forXPath: "@\(name)").first?.stringValue
    }

    var referrals: BarChart {
        BarChart(title: "Referrals by agency", subtitle: "Quarter 3, 2026–27 (synthetic)",
                 bars: [.init("Police", 42), .init("Education", 17), .init("Health", 9), .init("Children's social care", 23),
                        .init("Voluntary sector", 0)], style: style)
    }

    @Test func aChartIsWellFormedWithOneBarPerValueAndTheMarkingTopAndBottom() throws {
        let document = try parse(referrals.svg())
        #expect(document.rootElement()?.name == "svg")
        #expect(try elements(document, "rect", class: "bar").count == 5)
        let markings = try elements(document, "text", class: "marking").map(\.stringValue)
        #expect(markings == ["OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"])
        #expect(try elements(document, "title").first?.stringValue == "Referrals by agency")
        let desc = try #require(try elements(document, "desc").first?.stringValue)
        #expect(desc.contains("Police: 42.") && desc.contains("Voluntary sector: 0."))
        #expect(try elements(document, "text", class: "value").map(\.stringValue) == ["42", "17", "9", "23", "0"])
        #expect(try attribute(try #require(document.rootElement()), "role") == "img")
    }

    @Test func theAxisHasRoundTicksAboveTheLargestBar() throws {
        let document = try parse(referrals.svg())
        let ticks = try document.nodes(forXPath: "//*[@class='axis']/*[local-name()='text']").map(\.stringValue)
        #expect(ticks == ["0", "10", "20", "30", "40", "50"])
        #expect(BarChart.ticks(upTo: 7) == [0, 2, 4, 6, 8])
        #expect(BarChart.ticks(upTo: 1234) == [0, 500, 1000, 1500])
        #expect(BarChart.ticks(upTo: 100) == [0, 20, 40, 60, 80, 100])
        #expect(BarChart.ticks(upTo: 0) == [0, 1])
        #expect(BarChart.format(1234) == "1,234" && BarChart.format(-1_200_000) == "-1,200,000")
        #expect(BarChart.format(2.5) == "2.5" && BarChart.format(.nan) == "n/a" && BarChart.format(3.0) == "3")
    }

    @Test func groupedSeriesSitSideBySideWithALegend() throws {
        let chart = BarChart(title: "Children in MACCSE by month", series: [
            .init(name: "CSE", bars: [.init("Jan", 4), .init("Feb", 6), .init("Mar", 5)]),
            .init(name: "CCE", bars: [.init("Jan", 7), .init("Mar", 9)]),
        ], style: style)
        let document = try parse(chart.svg())
        let bars = try elements(document, "rect", class: "bar")
        #expect(bars.count == 5, "a missing value draws no bar")
        #expect(bars.map(\.stringValue) == ["Jan, CSE: 4", "Jan, CCE: 7", "Feb, CSE: 6", "Mar, CSE: 5", "Mar, CCE: 9"])
        #expect(try document.nodes(forXPath: "//*[@class='legend']/*[local-name()='text']").map(\.stringValue) == ["CSE", "CCE"])
        let colours = Set(try bars.compactMap { try attribute($0, "fill") })
        #expect(colours == Set(style.palette.prefix(2)))
    }

    @Test func hostileLabelsAreEscapedAndComeBackUnchanged() throws {
        let hostile = "<script>alert('x')</script> & \"Tom\""
        let chart = BarChart(title: "A & B <chart>", subtitle: "]]> <!-- -->", series: [
            .init(name: "</g><g>", bars: [.init(hostile, 3), .init("tab\tand\u{0007}bell", 1)]),
            .init(name: "second", bars: [.init(hostile, 2)]),
        ], style: style)
        let svg = chart.svg()
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("A &amp; B &lt;chart&gt;"))
        #expect(!svg.contains("\u{0007}"))
        let document = try parse(svg)
        #expect(try elements(document, "title").first?.stringValue == "A & B <chart>")
        #expect(try elements(document, "rect", class: "bar").first?.stringValue == hostile + ", </g><g>: 3")
        let labels = try document.nodes(forXPath: "//*[@class='labels']/*[local-name()='text']").map(\.stringValue)
        #expect(labels.first == String(hostile.prefix(31)) + "…")
        #expect(labels.last == "tab\tandbell", "a control character XML cannot hold is dropped")
        #expect(try elements(document, "script").isEmpty)
    }

    @Test func zeroAndEmptyChartsAreStillCharts() throws {
        let zeros = try parse(BarChart(title: "No re-referrals", bars: [.init("Q1", 0), .init("Q2", 0)], style: style).svg())
        let bars = try elements(zeros, "rect", class: "bar")
        #expect(bars.count == 2)
        #expect(try bars.map { try attribute($0, "height") } == ["0", "0"])

        for chart in [BarChart(title: "Nothing", series: [], style: style),
                      BarChart(title: "Nothing", bars: [], style: style)] {
            let document = try parse(chart.svg())
            #expect(try elements(document, "rect", class: "bar").isEmpty)
            #expect(try elements(document, "text", class: "empty").first?.stringValue == "No data to chart")
            #expect(try elements(document, "text", class: "marking").count == 2)
        }

        let odd = try parse(BarChart(title: "Odd values", bars: [.init("negative", -3), .init("unknown", .infinity),
                                                                  .init("huge", 1e300)], style: style).svg())
        #expect(try elements(odd, "text", class: "value").map(\.stringValue) == ["-3", "n/a", "1e+300"])
    }

    @Test func longLabelsAreShortenedAndTurned() throws {
        let long = String(repeating: "Multi-agency safeguarding hub ", count: 3)
        let document = try parse(BarChart(title: "Long", bars: [.init(long, 1), .init("B", 2)], style: style).svg())
        let label = try #require(try document.nodes(forXPath: "//*[@class='labels']/*[local-name()='text']").first)
        #expect(label.stringValue?.count == 32 && label.stringValue?.hasSuffix("…") == true)
        #expect(try attribute(label, "transform")?.hasPrefix("rotate(-40") == true)
        let bar = try #require(try elements(document, "rect", class: "bar").first)
        #expect(bar.stringValue == long + ": 1", "the bar's own title keeps the whole label")
    }

    @Test func theChartMatchesTheSavedFile() throws {
        let text = referrals.svg()
        let file = MapTests.expected.appendingPathComponent("bar-chart.svg")
        if ProcessInfo.processInfo.environment["CEGRAPH_UPDATE_EXPECTED"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: file, encoding: .utf8)), "regenerate with CEGRAPH_UPDATE_EXPECTED=1 after a deliberate change")
    }
}
