import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The analysis pages: the path finder, the cross-border view, MARTHR candidates and
/// networks. They lay out the query API's JSON, for police roles only.
struct QueryPageTests {
    typealias Browser = PageTests.Browser

    static let hostileLines = [
        #"{"record":"entity","id":"AD9","kind":"adult","name":"<script>alert(1)</script>","area":"E08000015","of_concern":true}"#,
        #"{"record":"link","from":"AD9","to":"CH1","kind":"associates_with","intel":["IN1"]}"#,
        #"{"record":"link","from":"AD9","to":"CH3","kind":"associates_with","intel":["IN3"]}"#,
    ]

    @Test func thePathFinderShowsEachStepAndTheRecordsLinkedToBoth() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let form = try await analyst.get("/paths")
            #expect(form.status == .ok && form.text.contains(#"<form class="query" method="get" action="/paths">"#))
            #expect(form.text.contains(#"<script src="/static/picker.js"></script>"#) && !form.text.contains("Shortest paths"))

            let page = try await analyst.text("/paths?from=CH1&to=CH3")
            #expect(page.contains("1 shortest path of 3 links."), "\(page)")
            for step in [#"<a href="/entities/CH1">Visible Child</a>"#, #"<a href="/entities/AD1">Adult One</a>"#,
                         #"<a href="/entities/AD3">Synthetic Adult Three</a>"#, #"<a href="/entities/CH3">Synthetic Child Three</a>"#,
                         "associates with →", "← associates with", "IN1 2B P", "IN3 1A P",
                         #"href="/maps/CH1?audience=police""#, #"href="/maps/CH3?audience=police""#] {
                #expect(page.contains(step), "\(step) missing")
            }
            // The steps come in the path's order.
            let order = ["/entities/CH1\"", "/entities/AD1\"", "/entities/AD3\"", "/entities/CH3\""].compactMap { page.range(of: $0)?.lowerBound }
            #expect(order.count == 4 && order == order.sorted())

            let common = try await analyst.text("/paths?from=CH1&to=AD3")
            #expect(common.contains("Linked to both") && common.contains(#"<table class="links common">"#), "\(common)")
            #expect(common.contains(#"<td><a href="/entities/AD1">Adult One</a>"#), "\(common)")

            let none = try await analyst.text("/paths?from=CH1&to=CH2&link_kinds=frequents")
            #expect(none.contains("No path links them under these filters.") && none.contains("No record is linked directly to both."))
        }
    }

    @Test func aQuestionThePageCannotAnswerShowsTheFormAgain() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let missing = try await analyst.get("/paths?from=CH1&to=CH404")
            #expect(missing.status == .notFound && missing.text.contains("There is no record with that id"), "\(missing.text)")
            #expect(missing.text.contains(#"value="CH404""#), "the form keeps what was typed")
            let half = try await analyst.get("/paths?from=CH1")
            #expect(half.status == .badRequest && half.text.contains("Give both entities"))
            let bad = try await analyst.get("/cross-border?from=CH1&hops=99")
            #expect(bad.status == .badRequest && bad.text.contains("hops must be a whole number from 1 to 6"), "\(bad.text)")
            let grade = try await analyst.get("/marthr/candidates?min_grade=Z9")
            #expect(grade.status == .badRequest && grade.text.contains("min_grade Z9 is not a grading"), "\(grade.text)")
            #expect(grade.text.contains(#"<details class="filters" open>"#) && grade.text.contains(#"name="min_grade" type="text" size="4" value="Z9""#),
                    "the filters are kept in the form")
            let area = try await analyst.get("/networks?area=atlantis")
            #expect(area.status == .badRequest && area.text.contains("no area is called or coded &quot;atlantis&quot;"), "\(area.text)")
        }
    }

    @Test func theCrossBorderViewGroupsLinksByWhomToNotify() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let form = try await analyst.text("/cross-border")
            #expect(form.contains(#"action="/cross-border""#) && !form.contains("Notify "))

            let page = try await analyst.text("/cross-border?from=CH1&hops=4")
            #expect(page.contains(#"2 cross-border links within 4 links of <a href="/entities/CH1">Visible Child</a>"#), "\(page)")
            // Grouped by the area to notify, in the order of their codes: Warrington, then Wirral.
            let warrington = try #require(page.range(of: "Notify Warrington")?.lowerBound, "\(page)")
            let wirral = try #require(page.range(of: "Notify Wirral")?.lowerBound, "\(page)")
            #expect(warrington < wirral)
            #expect(page.contains("The MASH / front door of Wirral, and the child exploitation police lead of Merseyside Police"), "\(page)")
            #expect(page.contains("the child exploitation police lead of Cheshire Constabulary"), "\(page)")
            let warringtonSection = page[warrington..<wirral], wirralSection = page[wirral...]
            #expect(warringtonSection.contains("Synthetic Takeaway") && warringtonSection.contains("crosses a force border"))
            #expect(!warringtonSection.contains("crosses an authority border"), "the link within Merseyside is not Cheshire's business")
            #expect(wirralSection.contains("crosses an authority border"))

            let all = try await analyst.text("/cross-border?all=1&hops=3")
            #expect(all.contains("2 cross-border links;") && all.contains("Notify Wirral") && all.contains("Notify Warrington"), "\(all)")
        }
    }

    @Test func marthrCandidatesShowScoreCriteriaAndEvidence() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let page = try await analyst.text("/marthr/candidates")
            #expect(page.contains(#"<a href="/entities/AD3">Synthetic Adult Three</a>"#), "\(page)")
            #expect(page.contains("2. Linked to a child at risk") && page.contains("3. Intelligence suggests a risk of harm from the subject"), "\(page)")
            #expect(page.contains("Children at risk linked: 1") && page.contains("IN3"), "\(page)")
            // The page shows what the API answers: the same candidates and scores.
            let session = try #require(try await SignedIn.signIn(client, as: "marthr_chair"))
            let api = try await session.get("/api/query/marthr")
            for candidate in api.json["candidates"] as? [[String: Any]] ?? [] {
                let id = try #require(candidate["id"] as? String), score = try #require(candidate["score"] as? Double)
                #expect(page.contains(#"href="/entities/\#(id)""#) && page.contains(String(format: "%.1f", score)), "\(id) \(score)")
            }
        }
    }

    @Test func theNetworksPageShowsKeyPlayersAndCommunities() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let page = try await analyst.text("/networks?area=merseyside")
            #expect(page.contains("Key players") && page.contains("Communities") && page.contains("Modularity"), "\(page)")
            #expect(page.contains(#"<a href="/entities/CH1">Visible Child</a>"#), "\(page)")
        }
    }

    @Test(arguments: ["/paths", "/paths?from=CH1&to=CH3", "/cross-border", "/cross-border?all=1", "/marthr/candidates", "/networks"])
    func onlyPoliceRolesOpenTheAnalysisPages(_ uri: String) async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            for username in ["panel_member", "auditor", "admin"] {
                let browser = try await Browser.signIn(client, as: username)
                let response = try await browser.get(uri)
                #expect(response.status == .forbidden && response.text.contains("<!DOCTYPE html>"), "\(username) \(uri): \(response.status)")
            }
            let signedOut = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
            #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/sign-in", "\(uri)")
        }
    }

    @Test func aReasonIsAskedBeforeAnAnswer() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst", reason: nil)
            #expect(try await analyst.get("/paths").status == .ok, "the empty form shows nothing sensitive")
            let asked = try await analyst.get("/marthr/candidates")
            #expect(asked.status == .seeOther && asked.headers[.location] == "/reason?next=%2Fmarthr%2Fcandidates", "\(asked.status)")
        }
    }

    @Test func aHostileLabelComesOutEscapedOnEveryPage() async throws {
        let fixture = try ServerFixture(extraLines: QueryPageTests.hostileLines, crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            for uri in ["/paths?from=CH1&to=AD9", "/paths?from=AD9&to=CH3", "/cross-border?all=1", "/marthr/candidates", "/networks?area="] {
                let page = try await analyst.text(uri)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri): \(page)")
                #expect(!page.contains("<script>alert"), "\(uri)")
            }
            let typed = try await analyst.text("/paths?from=%22%3E%3Cb%3E&to=CH1")
            #expect(typed.contains("&lt;b&gt;") && !typed.contains("<b>"), "\(typed)")
        }
    }
}
