import Foundation
import GraphCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GraphServer

/// The forms people choose over a spreadsheet (issue 21, item 6): pickers instead of typed
/// ids, rows instead of `NAME:AGENCY` and `FLAG:OWNER:ID`, a refusal beside the field it
/// names with what was typed kept and nothing written, the link kinds that fit the chosen
/// records, and a confirmation after each save; and (item 5) the child's page leading to
/// their panels and missing episodes.
@Suite struct FormTests {
    typealias Browser = PageTests.Browser

    /// The confirmation cookie a save sets, as a browser sends it back.
    static func savedCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(SavedNotice.cookieName + "=") }?
            .split(separator: ";").first.map(String.init)
    }

    @Test func theFormsOfferPickersAndRowsNotSyntax() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let panel = try await coordinator.text("/panels/PANEL-000001")
            for part in [#"name="attendee_name_1""#, #"<select id="attendee-agency-1" name="attendee_agency_1">"#, #"name="attendee_unsigned_1""#,
                         #"name="flag_kind_1""#, #"name="flag_owner_1""#, #"name="flag_entity_1" value="" autocomplete="off" data-picker="/api/search""#,
                         #"<option value="childrens_services">Children&#39;s social care</option>"#, #"<select id="a-owner" name="owner" required>"#,
                         #"<option value="merseyside:3">"#, #"src="/static/picker.js""#, #"src="/static/rows.js""#] {
                #expect(panel.contains(part) || panel.contains(part.replacingOccurrences(of: "&#39;", with: "&#x27;")), "panel page: \(part)")
            }
            #expect(!panel.contains("NAME:AGENCY") && !panel.contains("FLAG:OWNER") && !panel.contains("framework:level"))
            #expect(!panel.contains(#"name="attendees""#) && !panel.contains(#"name="set_flags""#))

            let casePage = try await coordinator.text("/cases/CASE-000001")
            #expect(casePage.contains(#"name="attendee_name_1""#) && casePage.contains(#"id="strategy-flag-1-kind""#))
            #expect(!casePage.contains("NAME:AGENCY") && !casePage.contains("FLAG:OWNER"))
            #expect(casePage.contains(#"name="found_at" value="" autocomplete="off" data-picker="/api/search" data-picker-kind="location""#))
            #expect(!casePage.contains(#"name="attendee_unsigned_1""#), "a strategy meeting asks no signature")

            let chair = try await Browser.signIn(client, as: "marthr_chair")
            let meeting = try await chair.text("/marthr/MARTHR-000001")
            #expect(meeting.contains(#"id="nominate-subject" name="subject" value="" required autocomplete="off" data-picker="/api/search""#))
            #expect(meeting.contains(#"name="attendee_name_1""#) && !meeting.contains("NAME:AGENCY"))
            #expect(meeting.contains(#"list="meeting-cases""#) && meeting.contains(#"<datalist id="meeting-cases">"#))

            let referrals = try await coordinator.text("/referrals")
            #expect(referrals.contains(#"<select id="referral-agency" name="agency" required>"#))
            #expect(try await coordinator.text("/flags/AD1").contains(#"<select id="flag-owner" name="owner" required>"#))
        }
    }

    @Test func attendanceRowsAreSavedAndConfirmedOnce() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            var form = ["form": "attendance", "csrf_token": coordinator.csrf]
            for (n, (name, agency)) in [("DS Row", "police"), ("SW Row", "childrens_services"), ("Nurse Row", "health"),
                                        ("Teacher Row", "education")].enumerated() {
                form["attendee_name_\(n + 1)"] = name
                form["attendee_agency_\(n + 1)"] = agency
            }
            form["attendee_unsigned_4"] = "yes"
            let saved = try await coordinator.post("/panels/PANEL-000001/attendance", form)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/panels/PANEL-000001", "\(saved.text.prefix(400))")
            let notice = try #require(Self.savedCookie(saved))

            let page = try await client.executeRequest(uri: "/panels/PANEL-000001", method: .get,
                                                       headers: [.cookie: coordinator.cookie + "; " + notice], body: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<p class="saved" role="status">Attendance recorded for panel PANEL-000001</p>"#),
                    "\(page.text.prefix(2000))")
            #expect(page.text.contains("Teacher Row · Education") && page.text.contains("has not signed"), "the agency in words")
            // Shown once: the page clears it.
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix(SavedNotice.cookieName + "=;") && $0.contains("Max-Age=0") })
            #expect(!(try await coordinator.text("/panels/PANEL-000001")).contains("role=\"status\""))
        }
    }

    /// A form whose template does not place its message beside the field names the form and
    /// the field for /static/field-errors.js, which does; the message stays at the top.
    @Test func everyRefusedFormNamesItsFieldForTheScriptThatPlacesIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let refused = try await coordinator.post("/panels", [
                "form": "schedule", "csrf_token": coordinator.csrf, "area": "Atlantis", "on": "2027-01-14", "co_chairs": "DI Synthetic",
            ])
            #expect(refused.status == .badRequest, "\(refused.text.prefix(300))")
            #expect(refused.text.contains(#"<template id="field-at-fault" data-form="schedule" data-field="area">"#), "\(refused.text)")
            #expect(refused.text.contains(#"<script src="/static/field-errors.js"></script>"#))
            #expect(refused.text.contains("Atlantis"), "the message and what was typed are kept")
            let script = try await client.executeRequest(uri: "/static/field-errors.js", method: .get, headers: [:], body: nil)
            #expect(script.status == .ok)
        }
    }

    @Test func aHalfFilledRowIsRefusedBesideItsFieldAndNothingIsWritten() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let refused = try await coordinator.post("/panels/PANEL-000001/attendance", [
                "form": "attendance", "csrf_token": coordinator.csrf,
                "attendee_name_1": "DS Kept", "attendee_agency_1": "police", "attendee_name_2": "Nobody Chose", "attendee_agency_2": "",
            ])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(#"<p class="field-error" id="attendees-error">choose the agency Nobody Chose came from (row 2)</p>"#),
                    "\(refused.text)")
            #expect(refused.text.contains(#"aria-describedby="attendees-error""#))
            #expect(refused.text.contains(#"value="DS Kept""#) && refused.text.contains(#"<option value="police" selected>"#), "what was typed is kept")
            #expect(Self.savedCookie(refused) == nil)
            let api = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let panel = try await api.get("/api/panels/PANEL-000001")
            #expect(!panel.text.contains("DS Kept"), "a refused form writes nothing")
        }
    }

    @Test func decisionFlagRowsSetTheFlagsAndTheConfirmationNamesTheCase() async throws {
        let fixture = try ServerFixture()
        try ServerFixture.attendQuorately("PANEL-000001", workflow: fixture.services.workflow)
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let halfFlag = try await coordinator.post("/panels/PANEL-000001/decisions", [
                "form": "decision:CASE-000001", "case": "CASE-000001", "decision": "review", "csrf_token": coordinator.csrf,
                "flag_kind_1": "cse", "flag_owner_1": "", "note": "TYPED NOTE",
            ])
            #expect(halfFlag.status == .badRequest)
            #expect(halfFlag.text.contains(#"<p class="field-error" id="decide-CASE-000001-error">choose the agency that owns the cse flag (row 1)</p>"#),
                    "\(halfFlag.text)")
            #expect(halfFlag.text.contains(#"value="TYPED NOTE""#))
            let api = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            func flags() async throws -> [String] {
                ((try await api.get("/api/cases/CASE-000001")).json["flags"] as? [[String: Any]] ?? []).compactMap { $0["flag"] as? String }
            }
            #expect(try await flags().contains("cse") == false, "nothing written")

            let decided = try await coordinator.post("/panels/PANEL-000001/decisions", [
                "form": "decision:CASE-000001", "case": "CASE-000001", "decision": "review", "csrf_token": coordinator.csrf,
                "flag_kind_1": "cse", "flag_owner_1": "police", "risk": "merseyside:4",
            ])
            #expect(decided.status == .seeOther, "\(decided.text.prefix(600))")
            let notice = try #require(Self.savedCookie(decided))
            let page = try await client.executeRequest(uri: "/panels/PANEL-000001", method: .get,
                                                       headers: [.cookie: coordinator.cookie + "; " + notice], body: nil)
            #expect(page.text.contains("Decision recorded for CASE-000001 at panel"))
            #expect(try await flags().contains("cse"), "the flag row set the flag")
            let ceCase = try await api.get("/api/cases/CASE-000001")
            #expect(ceCase.text.contains("merseyside:4"), "\(ceCase.text.prefix(800))")
        }
    }

    @Test func aRefusalNamingAFieldIsShownBesideIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let refused = try await coordinator.post("/panels/PANEL-000001/actions", [
                "form": "action", "text": "Share the safety plan", "owner": "", "due_on": "2026-13-40", "csrf_token": coordinator.csrf,
            ])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(#"<p class="field-error">give owner: the agency that owns it</p>"#), "\(refused.text)")
            #expect(refused.text.contains(#"value="Share the safety plan""#))
        }
    }

    @Test func linkKindsComeFromTheRulesAndAnImpossibleLinkIsRefusedInWords() async throws {
        #expect(LinkKind.allowed(from: .child, to: .location).contains(.livesAt))
        #expect(!LinkKind.allowed(from: .child, to: .phone).contains(.livesAt))
        let words = try #require(LinkKind.livesAt.refusal(from: .child, to: .adult))
        #expect(words.hasPrefix("A child cannot be linked to an adult by “lives at”: that link goes from a child or adult to a place."), "\(words)")
        #expect(words.contains("Between them you can record: “associates with”"), "\(words)")
        #expect(LinkKind.seenAt.refusal(from: .location, to: .vehicle)?.contains("The other way round (from the vehicle to the place)") == true)
        #expect(LinkKind.livesAt.refusal(from: .child, to: .location) == nil)

        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let form = try await coordinator.text("/intel/new")
            #expect(form.contains(#"<select id="link-kind" data-rules=""#) && form.contains("&quot;lives_at&quot;:{&quot;from&quot;:[&quot;adult&quot;,&quot;child&quot;]"),
                    "the rules are served with the form")
            #expect(form.contains(#"id="link-kind-error""#))

            let api = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let refused = try await api.send(.post, "/api/intel", json: #"""
                {"intel": {"id": "IN-FORM-1", "date": "2026-02-01", "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P",
                           "text": "Synthetic report.", "about": ["CH1", "PH-NEW"]},
                 "entities": [{"id": "PH-NEW", "kind": "phone", "number": "07700900999"}],
                 "links": [{"from": "CH1", "to": "PH-NEW", "kind": "lives_at"}]}
                """#)
            #expect(refused.status == .badRequest)
            #expect(refused.json["error"] as? String == "A child cannot be linked to a phone by “lives at”: that link goes from a child or adult to a place. "
                    + "Between them you can record: “uses phone”.", "\(refused.text)")
            #expect(try await api.get("/api/intel/IN-FORM-1").status == .notFound, "nothing written")
            #expect(try await api.get("/api/entities/PH-NEW").status == .notFound, "nothing written")
        }
    }

    @Test func aChildsPageLeadsToTheirPanelsAndMissingEpisodes() async throws {
        let fixture = try ServerFixture()
        try ServerFixture.attendQuorately("PANEL-000001", workflow: fixture.services.workflow)
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let decided = try await coordinator.send(.post, "/api/panels/PANEL-000001/decisions", json: #"{"case": "CASE-000001", "decision": "review"}"#)
            #expect(decided.status == .created, "\(decided.text)")
            let missing = try await coordinator.send(.post, "/api/missing", json: #"{"child": "CH1", "reported": "\#(WorkflowWriteTests.day(-3))"}"#)
            #expect(missing.status == .ok, "\(missing.text)")

            let analyst = try await Browser.signIn(client, as: "ccset_coordinator")
            let page = try await analyst.text("/entities/CH1")
            #expect(page.contains(#"<ul class="panels" id="child-panels"><li><a class="nowrap" href="/panels/PANEL-000001">PANEL-000001</a>"#), "\(page)")
            #expect(page.contains("keep on MACCSE and review · case <a class=\"nowrap\" href=\"/cases/CASE-000001\">CASE-000001</a>"))
            #expect(page.contains(#"id="child-missing""#) && page.contains("<strong>not found yet</strong> · recorded on case <a class=\"nowrap\" href=\"/cases/CASE-000001#missing\">"))
            // A child with no decided case says so; the adult's page has no such part.
            #expect(try await analyst.text("/entities/CH2").contains("No panel has decided on their case yet."))
            #expect(!(try await analyst.text("/entities/AD1")).contains("child-panels"))
        }
    }

    @Test func theAgencyWordsAgreeWithTheStore() throws {
        let fixture = try ServerFixture()
        let stored = try fixture.store.reading { tx in try tx.rows("common.agencies").map { ($0.string("code"), $0.string("name")) } }
        #expect(Dictionary(uniqueKeysWithValues: stored) == CodeWords.agencies)
        #expect(CodeWords.agency("childrens_services") == "Children's social care" && CodeWords.agency("Merseyside Police") == "Merseyside Police")
    }
}
