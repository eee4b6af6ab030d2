import Foundation
import GraphCore
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 18's routes: the main list (JSON and CSV), deferring a case, adding one between
/// panels, perpetrator referrals, per-child minutes; each refused to the roles without the
/// permission.
struct PanelBusinessRouteTests {
    @Test func theMainListAnswersJSONAndCSV() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            let list = try await coordinator.get("/api/main-list?area=E08000012")
            #expect(list.status == .ok, "\(list.text)")
            let cases = try #require(list.json["cases"] as? [[String: Any]])
            #expect(cases.map { $0["case_ref"] as? String } == ["CASE-000001", "CASE-000002"], "\(list.text)")
            // Scaling 3 on Merseyside's framework: red.
            #expect(cases.first?["colour"] as? String == "red")
            let csv = try await coordinator.get("/api/main-list?area=E08000012&format=csv")
            #expect(csv.status == .ok)
            #expect(csv.text.hasPrefix("case,area,child,child_name,risk,risk_label,colour,"))
            #expect(csv.text.contains("CASE-000001,E08000012,CH1,"))
            #expect(try await coordinator.get("/api/main-list?format=xml").status == .badRequest)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/main-list").status == .forbidden)
        }
    }

    @Test func thePanelsTrendsAnswerForThoseWhoRunPanels() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            let trends = try await coordinator.get("/api/panels/PANEL-000001/trends")
            #expect(trends.status == .ok, "\(trends.text)")
            #expect(trends.json["area"] as? String == "E08000012")
            #expect(trends.json["cross_border"] is [Any] && trends.json["busiest_places"] is [Any])
            // Nothing resting only on code-C intelligence reaches a local authority's coordinator.
            #expect(!trends.text.contains("AD2"))
            #expect(try await coordinator.get("/api/panels/PANEL-999999/trends").status == .notFound)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/panels/PANEL-000001/trends").status == .forbidden)
            let page = try await coordinator.get("/panels/PANEL-000001/trends")
            #expect(page.status == .ok && page.text.contains("Busiest places, by month"), "\(page.text.prefix(300))")
        }
    }

    @Test func theCasePagesStrategyMeetingFormKeepsItsDecisionsAndFlags() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await PageTests.Browser.signIn(client, as: "ccset_coordinator")
            let page = try await coordinator.text("/cases/CASE-000001")
            #expect(page.contains(#"name="decision_joint_visit""#) && page.contains(#"id="strategy-meeting""#))
            // No decision and no reason: the page again, with what was typed.
            let refused = try await coordinator.post("/cases/CASE-000001/strategy-meeting", [
                "form": "strategy", "on": CalendarDate.today.description, "attendee_name_1": "DS Typed", "attendee_agency_1": "police",
                "csrf_token": coordinator.csrf,
            ])
            #expect(refused.status == .badRequest && refused.text.contains("say what the meeting decided"), "\(refused.status)")
            #expect(refused.text.contains(#"value="DS Typed""#) && refused.text.contains(#"<option value="police" selected>"#))
            let saved = try await coordinator.post("/cases/CASE-000001/strategy-meeting", [
                "form": "strategy", "on": CalendarDate.today.description, "kind": "review_cse", "section_47": "yes",
                "attendee_name_1": "DS Synthetic", "attendee_agency_1": "police",
                "attendee_name_2": "Manager Synthetic", "attendee_agency_2": "childrens_services", "decision_joint_visit": "yes",
                "decision_abe_interview": "yes", "no_conference_reason": "Child in need plan agreed", "flag_kind_1": "cse", "flag_owner_1": "police",
                "csrf_token": coordinator.csrf,
            ])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.text.prefix(300))")
            let after = try await coordinator.text("/cases/CASE-000001")
            #expect(after.contains("Review CSE strategy meeting") && after.contains("Section 47 enquiry initiated"))
            #expect(after.contains("video interview under Achieving Best Evidence") && after.contains("CSE (police) on CH1"))
        }
    }

    @Test func deferringAddingAndReferringGoThroughTheAPI() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let deferred = try await coordinator.send(.post, "/api/panels/PANEL-000001/deferrals",
                                                      json: #"{"case": "CASE-000001", "reason": "Out of time"}"#)
            #expect(deferred.status == .ok, "\(deferred.text)")
            let notOnAgenda = try await coordinator.send(.post, "/api/panels/PANEL-000001/deferrals",
                                                         json: #"{"case": "CASE-000002", "reason": "Out of time"}"#)
            #expect(notOnAgenda.status == .badRequest && notOnAgenda.text.contains("not on the agenda"), "\(notOnAgenda.text)")
            let added = try await coordinator.send(.post, "/api/cases/CASE-000002/next-agenda", json: #"{"reason": "New information"}"#)
            #expect(added.status == .ok, "\(added.text)")
            let referred = try await coordinator.send(.post, "/api/panels/PANEL-000001/perpetrators",
                                                      json: #"{"subject": "AD1", "reason": "Identify potential victims"}"#)
            #expect(referred.status == .created, "\(referred.text)")
            // AD3 is a Wirral adult: Liverpool's panel may hear of them, but a coordinator scoped
            // to Liverpool may not see them, on the panel or anywhere else.
            let wirral = try await coordinator.send(.post, "/api/panels/PANEL-000001/perpetrators",
                                                    json: #"{"subject": "AD3", "reason": "Linked to children in both authorities"}"#)
            #expect(wirral.status == .created, "\(wirral.text)")
            let panel = try await coordinator.get("/api/panels/PANEL-000001")
            #expect((panel.json["perpetrator_referrals"] as? [[String: Any]])?.compactMap { $0["subject_ref"] as? String } == ["AD1", "AD3"])
            let scoped = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            let seenByScoped = try await scoped.get("/api/panels/PANEL-000001")
            #expect((seenByScoped.json["perpetrator_referrals"] as? [[String: Any]])?.compactMap { $0["subject_ref"] as? String } == ["AD1"])
            #expect(!seenByScoped.text.contains("AD3"))

            // A local authority's coordinator runs panels but prepares no perpetrator referral;
            // a panel member reads none of them.
            let local = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            #expect(try await local.send(.post, "/api/panels/PANEL-000001/perpetrators",
                                         json: #"{"subject": "AD1", "reason": "x"}"#).status == .forbidden)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let seen = try await member.get("/api/panels/PANEL-000001")
            #expect(seen.status == .ok)
            #expect((seen.json["perpetrator_referrals"] as? [Any])?.isEmpty == true)
            #expect(!seen.text.contains("AD1"))
        }
    }
}
