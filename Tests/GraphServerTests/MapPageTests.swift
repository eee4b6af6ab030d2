import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The map page's arrangements and its other maps (issue 21, item 1): expanding, hiding,
/// pinning and collapsing through the map API, the cross-border, path and MARTHR evidence
/// maps for those who may analyse, each audited with what was asked, and bad parameters
/// named.
struct MapPageTests {
    @Test func anArrangedMapIsDrawnAndAuditedWithItsArrangement() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let plain = try await analyst.get("/api/maps/CH1?hops=1&audience=police")
            #expect(plain.status == .ok && !plain.text.contains("<title>AD3</title>"))
            // AD1's own links bring AD3 (Wirral) in; hiding CH2 leaves it off.
            let expanded = try await analyst.get("/api/maps/CH1?hops=1&audience=police&expand=AD1&hide=CH2&pin=AD1")
            #expect(expanded.status == .ok)
            #expect(expanded.text.contains("<title>AD3</title>") && !expanded.text.contains("<title>CH2</title>"), "\(expanded.text.prefix(400))")
            #expect(expanded.text.contains("class=\"node opens pinned\"") || expanded.text.contains("pinned"), "AD1 drawn pinned")
            let row = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(row.operation == "disclosure" && row.records.contains("\"arrangement\":{") && row.records.contains("\"expand\":[\"AD1\"]"),
                    "\(row.records)")
            // Collapsed by authority: Liverpool's entities other than the subject and the pinned.
            let grouped = try await analyst.get("/api/maps/CH1?hops=3&audience=police&group=area&pin=AD1")
            #expect(grouped.status == .ok && grouped.text.contains("<title>area:"), "\(grouped.text.prefix(300))")
            let communities = try await analyst.get("/api/maps/CH1?hops=3&audience=police&group=community")
            #expect(communities.status == .ok)
            // The same map as Graphviz's DOT text, arranged as asked.
            let dot = try await analyst.get("/api/maps/CH1?hops=1&audience=police&expand=AD1&format=dot")
            #expect(dot.status == .ok && dot.headers[.contentType] == "text/vnd.graphviz; charset=utf-8")
            #expect(dot.text.hasPrefix("digraph") && dot.text.contains("\"AD3\" [") && dot.text.contains("\"legend\" ["), "\(dot.text.prefix(300))")
        }
    }

    @Test func badArrangementsAreNamed() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let group = try await analyst.get("/api/maps/CH1?group=gangs")
            #expect(group.status == .badRequest && group.text.contains("group") && group.text.contains("area, community or none"), "\(group.text)")
            let many = (1...41).map { "expand=AD\($0)" }.joined(separator: "&")
            let long = try await analyst.get("/api/maps/CH1?" + many)
            #expect(long.status == .badRequest && long.text.contains("expand names 41 entities"), "\(long.text)")
            let view = try await analyst.get("/api/maps/CH1?view=galaxy")
            #expect(view.status == .badRequest && view.text.contains("view"), "\(view.text)")
            let path = try await analyst.get("/api/maps/CH1?view=path")
            #expect(path.status == .badRequest && path.text.contains("to"), "\(path.text)")
        }
    }

    @Test func theOtherMapsAreForThoseWhoMayAnalyse() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let crossing = try await analyst.get("/api/maps/CH3?view=cross_border&hops=2&audience=police")
            #expect(crossing.status == .ok && crossing.text.contains("Cross&#45;border links within 2 links of CH3"), "\(crossing.text.prefix(500))")
            #expect(crossing.text.contains("<title>LO1</title>"))
            let path = try await analyst.get("/api/maps/CH1?view=path&to=AD3&audience=police")
            #expect(path.status == .ok && path.text.contains("shortest path of 2 links between CH1 and AD3"), "\(path.text.prefix(500))")
            let row = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(row.records.contains("\"render\":\"path map\"") && row.records.contains("\"to\":\"AD3\""), "\(row.records)")
            // The other end, unknown, answers as the map of an unknown entity does.
            let unknown = try await analyst.get("/api/maps/CH1?view=path&to=CH404&audience=police")
            #expect(unknown.status == .notFound)
            let evidence = try await analyst.get("/api/maps/AD1?view=marthr&audience=police")
            #expect(evidence.status == .ok && evidence.text.contains("MARTHR evidence for AD1"), "\(evidence.text.prefix(500))")
            // A panel member may see CH1's map, never these.
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/maps/CH1?view=cross_border").status == .forbidden)
            #expect(try await member.get("/maps/CH1?view=marthr").status == .forbidden)
            // The pages draw them, with their own headings.
            let browser = try await PageTests.Browser.signIn(client, as: "analyst")
            let page = try await browser.get("/maps/CH1?view=path&to=AD3&audience=police")
            #expect(page.status == .ok && page.text.contains("Shortest paths between CH1 and AD3"))
            #expect(page.text.contains("view=path&amp;to=AD3"), "the map and its downloads keep the view")
            #expect(!page.text.contains("/api/export"), "a path map offers the map's downloads, not a network's")
            let paths = try await browser.get("/paths?from=CH1&to=AD3")
            #expect(paths.text.contains("/maps/CH1?view=path&amp;to=AD3&amp;audience=police"), "\(paths.text)")
        }
    }

    @Test func theMapPageSaysWhatTheViewerChangedAndHowToUndoIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "analyst")
            let page = try await browser.get("/maps/CH1?hops=1&audience=police&hide=CH2&expand=AD1&group=community")
            #expect(page.status == .ok)
            #expect(page.text.contains("You changed this map: brought in the links of 1 entity, hid 1 entity, collapsed by community"), "\(page.text)")
            #expect(page.text.contains(#"href="/maps/CH1?audience=police&amp;hops=1">Draw it as found"#), "\(page.text)")
            #expect(page.text.contains("&amp;hide=CH2") && page.text.contains("format=pdf"), "the downloads carry the arrangement")
            let member = try await PageTests.Browser.signIn(client, as: "panel_member")
            let memberPage = try await member.get("/maps/CH1")
            #expect(memberPage.status == .ok && memberPage.text.contains("each community"))
        }
    }
}
