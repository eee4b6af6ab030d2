import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The intelligence entry pages: the form, a report with its history, the edit form, and
/// what they show each role. Records are synthetic.
struct IntelPageTests {
    @Test func theEntryFormIsForCoordinatorsAndAnalysts() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let form = try await coordinator.get("/intel/new")
            #expect(form.status == .ok, "\(form.text.prefix(300))")
            for part in [#"id="intel-form""#, #"data-method="POST""#, #"data-action="/api/intel""#, #"<meta name="csrf-token""#,
                         #"<script src="/static/intel.js"></script>"#, #"value="INT-"#, #"<option value="E">E · suspected to be false</option>"#,
                         #"id="language-warnings""#, #"id="entity-search""#, #"<option value="E08000012">Liverpool</option>"#] {
                #expect(form.text.contains(part), "\(part) missing from the form")
            }
            // Script only from /static/ (the CSP allows nothing inline), and no inline style.
            #expect(!form.text.contains("<script>") && !form.text.contains(" style=") && !form.text.contains(" onclick="))
            for role in ["marthr_chair", "panel_member", "auditor"] {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                #expect(try await session.get("/intel/new").status == .forbidden, "\(role)")
            }
            let script = try await client.executeRequest(uri: "/static/intel.js", method: .get, headers: [:], body: nil)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8" && script.text.contains("/api/search"))
            // The live language check is lint.js's, on the text marked data-lint.
            let lint = try await client.executeRequest(uri: "/static/lint.js", method: .get, headers: [:], body: nil)
            #expect(lint.status == .ok && lint.text.contains("/api/lint"))
            #expect(form.text.contains(#"<script src="/static/lint.js"></script>"#) && form.text.contains(#"data-lint="language-warnings""#))
        }
    }

    @Test func theReportPageShowsTheGradingWhatRestsOnItAndItsHistory() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let edited = try await coordinator.send(.put, "/api/intel/IN1", json: IntelRouteTests.edit())
            #expect(edited.status == .ok, "\(edited.text)")
            let page = try await coordinator.get("/intel/IN1")
            #expect(page.status == .ok)
            for part in ["1A P", "1 · reliable", "A · known directly to the source", #"<a href="/entities/CH1">Visible Child</a>"#,
                         "drives", "ZZ77ZZZ", "2B P", "Shareable report.", "source since tested", "ccset_coordinator",
                         #"<a href="/intel/IN1/edit">"#, "putting herself at risk"] {
                #expect(page.text.contains(part), "\(part) missing from the report page")
            }
            let form = try await coordinator.get("/intel/IN1/edit")
            for part in [#"data-method="PUT""#, #"data-action="/api/intel/IN1""#, #"value="IN1" required readonly"#,
                         #"<option value="A" selected>"#, #"<option value="1" selected>"#, #"data-id="CH1""#, #"id="edit-reason""#,
                         "Corroborated: she is putting herself at risk."] {
                #expect(form.text.contains(part), "\(part) missing from the edit form")
            }
            // The entity page's supporting intelligence leads to the report.
            #expect(try await coordinator.get("/entities/CH1").text.contains(#"<a class="id" href="/intel/IN1">IN1</a>"#))
            // Only writers are offered the edit.
            let chair = try #require(try await SignedIn.signIn(client, as: "marthr_chair"))
            let read = try await chair.get("/intel/IN1")
            #expect(read.status == .ok && !read.text.contains("/intel/IN1/edit"))
            #expect(try await chair.get("/intel/IN1/edit").status == .forbidden)
        }
    }

    @Test func anEarlierVersionWithoutAValueShowsNoneNotTheCurrentOne() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            // IN1 was entered with no agency and no conditions; the edit adds both.
            let edited = try await coordinator.send(.put, "/api/intel/IN1", json: #"""
                {"intel": {"date": "2026-02-01", "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "C",
                           "handling_conditions": "CONDITIONS-NOW", "agency": "AGENCY-NOW", "text": "Shareable report."},
                 "reason": "agency named"}
                """#)
            #expect(edited.status == .ok, "\(edited.text)")
            let page = try await coordinator.get("/intel/IN1")
            #expect(page.status == .ok)
            let history = try #require(page.text.range(of: "<table class=\"links history\">"))
            let table = page.text[history.lowerBound...]
            #expect(!table.contains("AGENCY-NOW") && !table.contains("CONDITIONS-NOW"), "the earlier version shows the current values")
            #expect(page.text[..<history.lowerBound].contains("AGENCY-NOW"))
        }
    }

    @Test func aCodeCReportPageIsTheMissingPageForAPanelMember() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let hidden = try await member.get("/intel/INC"), missing = try await member.get("/intel/IN404")
            #expect(hidden.status == .notFound && hidden.text.replacingOccurrences(of: member.csrf, with: "")
                    == missing.text.replacingOccurrences(of: member.csrf, with: ""))
            #expect(!hidden.text.contains("CANARY"))
            let shared = try await member.get("/intel/IN1")
            #expect(shared.status == .ok && !shared.text.contains("Hidden Child") && !shared.text.contains("CH2"))
            // An adult's page is not theirs to open: named, not linked.
            #expect(shared.text.contains("Adult One") && !shared.text.contains(#"href="/entities/AD1""#))
            let unreasoned = try #require(try await SignedIn.signIn(client, as: "analyst", reason: nil))
            let asked = try await unreasoned.get("/intel/IN1")
            #expect(asked.status == .seeOther && asked.headers[.location] == "/reason?next=%2Fintel%2FIN1")
        }
    }

    @Test func hostileTextComesOutEscaped() async throws {
        let fixture = try ServerFixture(extraLines: [
            #"{"record":"entity","id":"AD9","kind":"adult","name":"<script>alert(1)</script>","area":"E08000012"}"#,
            #"{"record":"intel","id":"IN9","date":"2026-02-03","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"<img src=x onerror=alert(2)>","agency":"<b>agency</b>","text":"</textarea><script>alert(3)</script>","about":["AD9"]}"#,
        ])
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            for uri in ["/intel/IN9", "/intel/IN9/edit"] {
                let page = try await analyst.get(uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.text.contains("&lt;script&gt;alert(3)"), "\(uri)")
                #expect(page.text.contains("&lt;img src=x onerror=alert(2)&gt;") && page.text.contains("&lt;b&gt;agency"), "\(uri)")
                for raw in ["<script>alert", "</textarea><script>", "<img src=x", "<b>agency"] {
                    #expect(!page.text.contains(raw), "\(raw) on \(uri)")
                }
            }
        }
    }

    @Test func withoutScriptTheFormSavesTheReportAlone() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let fields = ["id": "IN-FORM", "date": "2026-03-02", "source_evaluation": "2", "intelligence_assessment": "C",
                          "handling_code": "C", "handling_conditions": "Not to be shared outside the MACCSE panel", "agency": "health",
                          "text": "Seen at the takeaway late at night."]
            let forged = try await PageTests.postForm(client, "/intel/new", fields, cookie: coordinator.cookie)
            #expect(forged.status == .forbidden)
            let entered = try await PageTests.postForm(client, "/intel/new", fields.merging(["csrf_token": coordinator.csrf]) { $1 },
                                                       cookie: coordinator.cookie)
            #expect(entered.status == .seeOther && entered.headers[.location] == "/intel/IN-FORM", "\(entered.status) \(entered.text.prefix(300))")
            let bad = try await PageTests.postForm(client, "/intel/IN-FORM/edit", ["csrf_token": coordinator.csrf, "date": "2026-03-02",
                                                   "source_evaluation": "2", "intelligence_assessment": "Q", "handling_code": "P",
                                                   "reason": "regrade"], cookie: coordinator.cookie)
            #expect(bad.status == .badRequest && bad.text.contains("intelligence_assessment"), "\(bad.status)")
            let edited = try await PageTests.postForm(client, "/intel/IN-FORM/edit", ["csrf_token": coordinator.csrf, "date": "2026-03-02",
                                                      "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P",
                                                      "text": "Seen at the takeaway late at night.", "reason": "corroborated"],
                                                      cookie: coordinator.cookie)
            #expect(edited.status == .seeOther && edited.headers[.location] == "/intel/IN-FORM")
            let report = try await coordinator.get("/api/intel/IN-FORM")
            #expect(report.json["grading"] as? String == "2B P" && report.json["agency"] is NSNull && report.json["handling_conditions"] is NSNull)
            #expect((report.json["history"] as? [[String: Any]])?.first?["grading"] as? String == "2C C")
        }
    }
}
