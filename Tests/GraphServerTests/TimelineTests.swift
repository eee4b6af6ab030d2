import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A child's or subject's chronology (issue 21): `GET /api/timeline/{id}` and the page
/// `/entities/{id}/timeline`, the events of the records each account may open, filtered by
/// days and kinds, audited like the entity page.
struct TimelineTests {
    /// The fixture's picture with dated links and CH1's journey: a missing episode, a
    /// notice against AD1 protecting CH1 and a MARTHR nomination of AD1.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture(extraLines: [
            #"{"record":"entity","id":"LO9","kind":"location","name":"Synthetic Chip Shop","area":"E08000012"}"#,
            #"{"record":"link","from":"CH1","to":"LO9","kind":"frequents","first_seen":"2026-01-10","last_seen":"2026-03-20","intel":["IN1"]}"#,
            #"{"record":"link","from":"AD2","to":"LO9","kind":"frequents","first_seen":"2026-01-12","intel":["INC"]}"#,
        ])
        let workflow = fixture.services.workflow, viewer = ServerFixture.viewer
        try workflow.recordMissing(MissingInput(child: "CH1", reportedOn: .today.adding(days: -12), from: .care), by: viewer)
        try workflow.recordMissing(MissingInput(child: "CH1", foundOn: .today.adding(days: -11), foundAt: "LO9"), by: viewer)
        _ = try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: .today.adding(days: -3),
                                                          expiresOn: .today.adding(days: 300), child: "CH1"), by: viewer)
        return fixture
    }

    static func events(_ response: TestResponse) -> [[String: Any]] { response.json["events"] as? [[String: Any]] ?? [] }
    static func kinds(_ response: TestResponse) -> Set<String> { Set(events(response).compactMap { $0["kind"] as? String }) }
    static func refs(_ response: TestResponse) -> Set<String> {
        Set(events(response).compactMap { ($0["record"] as? [String: Any])?["ref"] as? String })
    }

    @Test func theAnalystSeesEveryKindOfRecordInOrder() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let answer = try await analyst.get("/api/timeline/CH1")
            #expect(answer.status == .ok, "\(answer.text)")
            #expect(Self.kinds(answer).isSuperset(of: ["link", "intelligence", "referral", "case", "assessment", "missing", "notice"]),
                    "\(Self.kinds(answer))")
            #expect(Self.refs(answer).isSuperset(of: ["LO9", "IN1", "INC", "CASE-000001", "ASMT-000001"]), "\(Self.refs(answer))")
            let days = Self.events(answer).compactMap { $0["on"] as? String }
            #expect(days == days.sorted() && days.first == "2026-01-10", "\(days)")
            let titles = Self.events(answer).compactMap { $0["title"] as? String }
            #expect(titles.contains("First seen: frequents Synthetic Chip Shop") && titles.contains("Last seen: frequents Synthetic Chip Shop"))
            #expect(titles.contains { $0.hasPrefix("Served: CAWN") && $0.contains("protecting Visible Child") }, "\(titles)")
            // The read is one consultation naming the records shown.
            let row = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(row.operation == "consultation" && row.records.contains("\"workflow\":\"timeline\"") && row.records.contains("intel:INC"))
        }
    }

    /// A partner reads no handling-code-C intelligence and no notice (MARTHR's register is
    /// the police's); a panel member no more than their case shows.
    @Test func partnersSeeNoCodeCNorTheRegister() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            for account in ["maccse_coordinator", "panel_member"] {
                let partner = try #require(try await SignedIn.signIn(client, as: account))
                for uri in ["/api/timeline/CH1", "/api/timeline/CH1?format=csv"] {
                    let answer = try await partner.get(uri)
                    #expect(answer.status == .ok, "\(account) \(uri): \(answer.text)")
                    for canary in ["INC", "CANARY", "AD2", "Known Only Through C", "CAWN", "Hidden Child"] {
                        #expect(!answer.text.contains(canary), "\(canary) in \(account)'s \(uri)")
                    }
                    #expect(answer.text.contains("IN1") && answer.text.contains("CASE-000001"), "\(account) \(uri)")
                }
                let answer = try await partner.get("/api/timeline/CH1")
                #expect(!Self.kinds(answer).contains("notice"))
                // The first sighting of the chip shop rests on IN1; AD2's on INC alone.
                #expect(Self.refs(answer).contains("LO9"))
            }
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            // The missing episode is on the member's case page, and so on the timeline.
            #expect(Self.kinds(try await member.get("/api/timeline/CH1")).contains("missing"))
        }
    }

    @Test func aHiddenRecordAnswersAsAMissingOneAndIsAuditedAsRefused() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let hidden = try await member.get("/api/timeline/CH2"), missing = try await member.get("/api/timeline/CH404")
            #expect(hidden.status == .notFound && hidden.text == missing.text)
            let refusal = try #require(try fixture.store.auditEntries(limit: 1, refusedOnly: true).first)
            #expect(refusal.actor == "panel_member" && refusal.records.contains("CH2"))
            let browser = try await PageTests.Browser.signIn(client, as: "panel_member")
            let hiddenPage = try await browser.get("/entities/CH2/timeline"), missingPage = try await browser.get("/entities/CH404/timeline")
            #expect(hiddenPage.status == .notFound && hiddenPage.text == missingPage.text.replacingOccurrences(of: "CH404", with: "CH2"))
        }
    }

    /// An adult's timeline: the police read the notice served on them and their flags; a
    /// partner opens no adult's page, so no adult's timeline either.
    @Test func anAdultsTimelineIsThePolicesOnly() async throws {
        let fixture = try Self.fixture()
        _ = try fixture.services.workflow.setFlag(on: "AD1", FlagChange(flag: "cce", owner: "police"), on: .today.adding(days: -4),
                                                  review: nil, by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let chair = try #require(try await SignedIn.signIn(client, as: "marthr_chair"))
            let answer = try await chair.get("/api/timeline/AD1")
            #expect(Self.kinds(answer).isSuperset(of: ["intelligence", "notice", "flag"]), "\(answer.text)")
            #expect(!Self.kinds(answer).contains("case"))
            for account in ["maccse_coordinator", "panel_member"] {
                let partner = try #require(try await SignedIn.signIn(client, as: account))
                let hidden = try await partner.get("/api/timeline/AD1"), missing = try await partner.get("/api/timeline/AD404")
                #expect(hidden.status == .notFound && hidden.text == missing.text, "\(account)")
            }
            let page = try await PageTests.Browser.signIn(client, as: "marthr_chair").get("/entities/AD1/timeline")
            #expect(page.text.contains("value=\"notice\" checked") && !page.text.contains("value=\"missing\""))
        }
    }

    @Test func theFilterKeepsItsWindowAndKinds() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let cases = try await analyst.get("/api/timeline/CH1?kinds=case,assessment")
            #expect(Self.kinds(cases) == ["case", "assessment"], "\(cases.text)")
            let window = try await analyst.get("/api/timeline/CH1?from=2026-01-11&to=2026-03-31")
            let days = Self.events(window).compactMap { $0["on"] as? String }
            #expect(!days.isEmpty && days.allSatisfy { $0 >= "2026-01-11" && $0 <= "2026-03-31" }, "\(days)")
            #expect((window.json["total"] as? Int ?? 0) > days.count)
            let bad = try await analyst.get("/api/timeline/CH1?kinds=gossip")
            #expect(bad.status == .badRequest && bad.text.contains("kinds"), "\(bad.text)")
            let backwards = try await analyst.get("/api/timeline/CH1?from=2026-03-01&to=2026-01-01")
            #expect(backwards.status == .badRequest && backwards.text.contains("from"), "\(backwards.text)")
            let date = try await analyst.get("/api/timeline/CH1?from=yesterday")
            #expect(date.status == .badRequest && date.text.contains("from"), "\(date.text)")
        }
    }

    /// The page: the filter as a plain form (boxes kept as chosen), each event linked to its
    /// record, the CSV with the same filter, a print style without navigation.
    @Test func thePageFiltersLinksAndPrints() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "ccset_coordinator")
            let entity = try await browser.get("/entities/CH1")
            #expect(entity.text.contains("href=\"/entities/CH1/timeline\""))
            let page = try await browser.get("/entities/CH1/timeline?kinds=intelligence&kinds=case&from=2026-01-01")
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"/intel/IN1\"") && page.text.contains("href=\"/cases/CASE-000001\""))
            #expect(!page.text.contains("Synthetic Chip Shop"), "a link event shown though links were not asked for")
            #expect(page.text.contains("value=\"case\" checked") && !page.text.contains("value=\"link\" checked"))
            #expect(page.text.contains("/api/timeline/CH1?from=2026-01-01&amp;kinds=intelligence,case&amp;format=csv")
                    || page.text.contains("/api/timeline/CH1?from=2026-01-01&amp;kinds=case,intelligence&amp;format=csv"), "\(page.text)")
            let css = try await browser.get("/static/cegraph.css").text
            #expect(css.contains("@media print") && css.contains("header.site nav"))
            // A partner's page names the chip shop's sighting but no code-C report.
            let partner = try await PageTests.Browser.signIn(client, as: "maccse_coordinator")
            let theirs = try await partner.get("/entities/CH1/timeline")
            #expect(theirs.status == .ok && theirs.text.contains("Synthetic Chip Shop") && !theirs.text.contains("INC"))
        }
    }
}
