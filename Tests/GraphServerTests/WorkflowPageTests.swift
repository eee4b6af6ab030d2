import GraphCore
import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The case-workflow pages: who may open each, what a panel member sees, the forms (CSRF,
/// refusals that keep what was typed, language warnings) and the quarterly report's charts.
struct WorkflowPageTests {
    typealias Browser = PageTests.Browser

    static let pages = ["/cases", "/cases/CASE-000001", "/panels", "/panels/PANEL-000001", "/marthr", "/marthr/MARTHR-000001",
                        "/reports/quarterly?area=E08000012&quarter=2026Q1", "/referrals", "/alerts", "/flags/AD1", "/settings", "/cases/CASE-000001/assessment"]
    static let police: Set<String> = ["analyst", "ccset_coordinator", "marthr_chair"]
    /// The case workers: the police and Liverpool's MACCSE coordinator.
    static let caseWorkers = police.union(["maccse_coordinator"])
    /// The roles that may open each page (a panel member: their panel and its cases only).
    static let allowed: [String: Set<String>] = [
        "/cases": caseWorkers, "/cases/CASE-000001": caseWorkers.union(["panel_member"]),
        "/panels": ["ccset_coordinator", "marthr_chair", "maccse_coordinator", "panel_member"],
        "/panels/PANEL-000001": ["ccset_coordinator", "marthr_chair", "maccse_coordinator", "panel_member"],
        "/marthr": police, "/marthr/MARTHR-000001": police,
        "/reports/quarterly?area=E08000012&quarter=2026Q1": caseWorkers,
        "/referrals": caseWorkers, "/alerts": police, "/flags/AD1": police,
        "/settings": ["admin", "ccset_coordinator", "marthr_chair", "maccse_coordinator"],
        "/cases/CASE-000001/assessment": ["ccset_coordinator", "maccse_coordinator"],
    ]

    @Test func eachPageOpensForTheRolesThatMaySeeIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for page in Self.pages {
                let signedOut = try await client.executeRequest(uri: page, method: .get, headers: [:], body: nil)
                #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/sign-in", "signed out: \(page)")
            }
            for username in Role.allCases.map(\.rawValue) + ["wirral_member"] {
                let browser = try await Browser.signIn(client, as: username)
                let role = username == "wirral_member" ? "panel_member" : username
                for page in Self.pages {
                    let response = try await browser.get(page)
                    var expected: HTTPResponse.Status = Self.allowed[page]!.contains(role) ? .ok : .forbidden
                    if username == "wirral_member", page == "/panels/PANEL-000001" || page == "/cases/CASE-000001" { expected = .notFound }
                    #expect(response.status == expected, "\(username) \(page): \(response.status)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(username) \(page)")
                }
            }
        }
    }

    @Test func aPanelMemberSeesOnlyTheirPanelAndItsAgendaChildren() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let list = try await member.text("/panels")
            #expect(list.contains(#"href="/panels/PANEL-000001""#))
            #expect(try await member.get("/panels/PANEL-000001").status == .ok)
            let panel = try await member.text("/panels/PANEL-000001")
            #expect(panel.contains("Visible Child") && panel.contains(#"href="/entities/CH1""#) && panel.contains(#"href="/cases/CASE-000001""#))
            #expect(!panel.contains("Hidden Child") && !panel.contains("CH2"))
            #expect(!panel.contains("/decisions") && !panel.contains("/minutes"), "a panel member gets no coordinator's forms")
            let hiddenCase = try await member.get("/cases/CASE-000002"), missingCase = try await member.get("/cases/CASE-404404")
            #expect(hiddenCase.status == .notFound && missingCase.status == .notFound)
            #expect(hiddenCase.text.replacingOccurrences(of: member.csrf, with: "") == missingCase.text.replacingOccurrences(of: member.csrf, with: ""))

            // Another authority's member: the panel reads exactly as a missing one.
            let other = try await Browser.signIn(client, as: "wirral_member")
            #expect(!(try await other.text("/panels")).contains("PANEL-000001"))
            let hidden = try await other.get("/panels/PANEL-000001"), missing = try await other.get("/panels/PANEL-404404")
            #expect(hidden.status == .notFound && hidden.status == missing.status)
            #expect(hidden.text.replacingOccurrences(of: other.csrf, with: "") == missing.text.replacingOccurrences(of: other.csrf, with: ""))
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefusedAndKeepNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let minutes = try await coordinator.post("/panels/PANEL-000001/minutes", ["minutes": "FORGED minutes"])
            #expect(minutes.status == .forbidden && minutes.text.contains("CSRF token"))
            let decision = try await coordinator.post("/panels/PANEL-000001/decisions", ["case": "CASE-000001", "decision": "escalate",
                                                                                          "reason": "FORGED", "csrf_token": "not the token"])
            #expect(decision.status == .forbidden)
            #expect(!(try await coordinator.text("/panels/PANEL-000001")).contains("FORGED"))
            let chair = try await Browser.signIn(client, as: "marthr_chair")
            let nomination = try await chair.post("/marthr/MARTHR-000001/nominations", ["subject": "AD1", "reasons": "FORGED"])
            #expect(nomination.status == .forbidden)
            #expect(!(try await chair.text("/marthr/MARTHR-000001")).contains("FORGED"))
            // A role that may not write is refused by the form as by the API.
            let member = try await Browser.signIn(client, as: "panel_member")
            #expect(try await member.post("/panels/PANEL-000001/minutes", ["minutes": "x", "csrf_token": member.csrf]).status == .forbidden)
        }
    }

    @Test func aCoordinatorRunsThePanelThroughItsForms() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let page = try await coordinator.text("/panels/PANEL-000001")
            #expect(page.contains("Not quorate") && page.contains(#"action="/panels/PANEL-000001/decisions""#))

            // Refused while not quorate: the page again, 400, with the message and what was typed.
            let refused = try await coordinator.post("/panels/PANEL-000001/decisions", [
                "form": "decision:CASE-000001", "case": "CASE-000001", "decision": "review", "note": "TYPED NOTE", "csrf_token": coordinator.csrf,
            ])
            #expect(refused.status == .badRequest && refused.text.contains("not quorate"), "\(refused.status)")
            #expect(refused.text.contains(#"value="TYPED NOTE""#))

            let attended = try await coordinator.post("/panels/PANEL-000001/attendance", [
                "form": "attendance", "attendees": "P:police\nS:childrens_services\nH:health\nE:education", "csrf_token": coordinator.csrf,
            ])
            #expect(attended.status == .seeOther && attended.headers[.location] == "/panels/PANEL-000001")
            let decided = try await coordinator.post("/panels/PANEL-000001/decisions", [
                "form": "decision:CASE-000001", "case": "CASE-000001", "decision": "escalate", "reason": "Risk rising across two boroughs",
                "csrf_token": coordinator.csrf,
            ])
            #expect(decided.status == .seeOther, "\(decided.text.prefix(500))")

            // Minutes that blame the child are kept as written, and the page says why they should change.
            let minutes = try await coordinator.post("/panels/PANEL-000001/minutes", [
                "form": "minutes", "minutes": "The panel heard she is putting herself at risk.", "csrf_token": coordinator.csrf,
            ])
            #expect(minutes.status == .seeOther)
            let action = try await coordinator.post("/panels/PANEL-000001/actions", [
                "form": "action", "text": "Share the safety plan", "owner": "education", "due_on": WorkflowWriteTests.day(7),
                "case": "CASE-000001", "csrf_token": coordinator.csrf,
            ])
            #expect(action.status == .seeOther)
            let held = try await coordinator.text("/panels/PANEL-000001")
            #expect(held.contains("Quorate.") && held.contains("escalate") && held.contains("Risk rising across two boroughs"))
            #expect(held.contains("Child-first language") && held.contains("“putting herself at risk”"))
            #expect(held.contains("Share the safety plan") && held.contains(#"action="/panels/PANEL-000001/actions/ACT-000001""#))
            let done = try await coordinator.post("/panels/PANEL-000001/actions/ACT-000001", ["status": "done", "csrf_token": coordinator.csrf])
            #expect(done.status == .seeOther)

            let scheduled = try await coordinator.post("/panels", ["form": "schedule", "area": "E08000012", "on": WorkflowWriteTests.day(30),
                                                                   "co_chairs": "DI Synthetic\nService manager", "csrf_token": coordinator.csrf])
            #expect(scheduled.status == .seeOther && scheduled.headers[.location] == "/panels/PANEL-000002")
            let noDate = try await coordinator.post("/panels", ["form": "schedule", "area": "E08000012", "co_chairs": "KEPT CHAIR",
                                                                "csrf_token": coordinator.csrf])
            #expect(noDate.status == .badRequest && noDate.text.contains("give on") && noDate.text.contains("KEPT CHAIR"))
        }
    }

    @Test func theCasePageShowsTheChildsRecordAndTakesAnNRMStage() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let list = try await coordinator.text("/cases?area=E08000012")
            #expect(list.contains(#"href="/cases/CASE-000001""#) && list.contains(#"href="/entities/CH1""#))
            let page = try await coordinator.text("/cases/CASE-000001")
            #expect(page.contains("Visible Child") && page.contains(#"href="/entities/CH1""#) && page.contains("merseyside:3"))
            #expect(page.contains("Timescales") && page.contains("REF-000001"))
            let recorded = try await coordinator.post("/cases/CASE-000001/nrm", ["form": "nrm", "stage": "needs_referral", "csrf_token": coordinator.csrf])
            #expect(recorded.status == .seeOther && recorded.headers[.location] == "/cases/CASE-000001")
            let skipped = try await coordinator.post("/cases/CASE-000001/nrm", ["form": "nrm", "stage": "conclusive_grounds", "note": "TYPED",
                                                                               "csrf_token": coordinator.csrf])
            #expect(skipped.status == .badRequest && skipped.text.contains("cannot move to conclusive_grounds") && skipped.text.contains(#"value="TYPED""#))
            #expect(try await coordinator.text("/cases/CASE-000001").contains("Stage <strong>needs referral</strong>"))
            // The timeline's forms: the strategy meeting and a transitions plan, each on a day.
            let planned = try await coordinator.post("/cases/CASE-000001/transitions-plan", ["form": "transitions", "on": "2026-11-02",
                                                                                            "csrf_token": coordinator.csrf])
            #expect(planned.status == .seeOther && planned.headers[.location] == "/cases/CASE-000001")
            let badDay = try await coordinator.post("/cases/CASE-000001/strategy-meeting", ["form": "strategy", "on": "soon",
                                                                                           "csrf_token": coordinator.csrf])
            #expect(badDay.status == .badRequest && badDay.text.contains("not a date") && badDay.text.contains(#"value="soon""#))
            #expect(try await coordinator.text("/cases/CASE-000001").contains("<dt>Transitions plan</dt><dd>2026-11-02</dd>"))
            // A panel member opens a case on their agenda, without the timescales or forms.
            let member = try await Browser.signIn(client, as: "panel_member")
            let seen = try await member.text("/cases/CASE-000001")
            #expect(seen.contains("Visible Child") && !seen.contains("Timescales") && !seen.contains("/nrm") && !seen.contains("/transitions-plan"))
        }
    }

    @Test func theChairDeclinesANominationOnlyWithAReason() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let chair = try await Browser.signIn(client, as: "marthr_chair")
            let list = try await chair.text("/marthr")
            #expect(list.contains(#"href="/marthr/MARTHR-000001""#) && list.contains(#"href="/marthr/candidates""#))
            let nominated = try await chair.post("/marthr/MARTHR-000001/nominations", [
                "form": "nominate", "subject": "AD1", "case": "CASE-000001", "claim2": "2", "reasons": "Linked to a child on MACCSE", "csrf_token": chair.csrf,
            ])
            #expect(nominated.status == .seeOther && nominated.headers[.location] == "/marthr/MARTHR-000001")
            let page = try await chair.text("/marthr/MARTHR-000001")
            #expect(page.contains("Adult One") && page.contains("Linked to a child on MACCSE") && page.contains("Awaiting the chair"))

            let refused = try await chair.post("/marthr/MARTHR-000001/decisions", [
                "form": "nomination:AD1", "subject": "AD1", "accept": "false", "reason": "", "csrf_token": chair.csrf,
            ])
            #expect(refused.status == .badRequest && refused.text.contains("give reason"))
            #expect(try fixture.services.workflow.marthrMeeting("MARTHR-000001", by: ServerFixture.viewer)
                .objectValue?["nominations"]?.arrayValue?.first?.objectValue?["status"]?.stringValue == "proposed", "nothing kept")

            let declined = try await chair.post("/marthr/MARTHR-000001/decisions", [
                "form": "nomination:AD1", "subject": "AD1", "accept": "false", "reason": "MACCSE's plan covers the risk", "csrf_token": chair.csrf,
            ])
            #expect(declined.status == .seeOther)
            let after = try await chair.text("/marthr/MARTHR-000001")
            #expect(after.contains("<strong>declined</strong>: MACCSE&#39;s plan covers the risk") || after.contains("<strong>declined</strong>: MACCSE"),
                    "\(after)")

            let disruption = try await chair.post("/marthr/MARTHR-000001/disruptions", [
                "form": "disruption", "subject": "AD1", "tool": "cawn", "served_on": WorkflowWriteTests.day(0), "csrf_token": chair.csrf,
            ])
            #expect(disruption.status == .badRequest && disruption.text.contains("names the child it protects"))
            let analyst = try await Browser.signIn(client, as: "analyst")
            let read = try await analyst.text("/marthr/MARTHR-000001")
            #expect(read.contains("Adult One") && !read.contains(#"action="/marthr/MARTHR-000001/decisions""#), "an analyst reads, the chair decides")
        }
    }

    @Test func theQuarterlyReportShowsItsChartsAsSVG() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let page = try await analyst.text("/reports/quarterly?area=E08000012&quarter=2026Q1")
            let chart = "/api/reports/quarterly/charts/referrals_by_agency.svg?area=E08000012&quarter=2026Q1"
            #expect(page.contains(#"<img src="\#(chart.replacingOccurrences(of: "&", with: "&amp;"))""#), "\(page)")
            #expect(page.contains("referrals_by_month.svg") && page.contains("format=csv") && page.contains("Referrals by agency"))
            let svg = try await analyst.get(chart)
            #expect(svg.status == .ok && svg.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(svg.text.contains("<svg") && svg.text.contains("OFFICIAL-SENSITIVE"))
            #expect(try await analyst.get("/api/reports/quarterly/charts/secrets.svg?area=E08000012&quarter=2026Q1").status == .notFound)
            #expect(try await analyst.get("/api/reports/quarterly/charts/referrals_by_agency.svg").status == .badRequest)
            #expect(try await analyst.text("/reports/quarterly").contains(#"name="area""#), "the form alone without an area")
        }
    }
}
