import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A panel member marks their own agency's actions done from the panel page; the form is
/// offered only where the workflow would take it, and the workflow refuses the rest.
struct PanelActionPageTests {
    typealias Browser = PageTests.Browser

    /// The fixture with three actions on the Liverpool panel: ACT-000001 for health (the
    /// panel member's agency) and ACT-000002 for the police, both on CH1's case (on the
    /// agenda); ACT-000003 for health on CH2's case (on no agenda).
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        let workflow = fixture.services.workflow
        try ServerFixture.attendQuorately("PANEL-000001", workflow: workflow)
        for (text, owner, ceCase) in [("Arrange a health check", "health", "CASE-000001"), ("Visit the address", "police", "CASE-000001"),
                                      ("HIDDEN health follow-up", "health", "CASE-000002")] {
            try workflow.addAction(at: .panel("PANEL-000001"), ActionInput(text: text, owner: owner, dueOn: .today.adding(days: 14),
                                                                           caseRef: ceCase), by: ServerFixture.viewer)
        }
        return fixture
    }

    static func status(of action: String, in fixture: ServerFixture) throws -> String? {
        let detail = try fixture.services.workflow.panel("PANEL-000001", by: ServerFixture.viewer)
        return detail.actions.first { $0.ref == action }?.status
    }

    @Test func aPanelMemberGetsTheFormOnlyOnTheirAgencysActions() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let page = try await member.text("/panels/PANEL-000001")
            #expect(page.contains("Arrange a health check") && page.contains("Visit the address"))
            #expect(page.contains(#"action="/panels/PANEL-000001/actions/ACT-000001""#), "health's action has the form")
            #expect(!page.contains(#"action="/panels/PANEL-000001/actions/ACT-000002""#), "the police's has none")
            #expect(!page.contains("ACT-000003") && !page.contains("HIDDEN"), "an action of a child off the agenda is not shown")
            #expect(!page.contains(#"<option value="open""#), "a panel member marks done or cancelled")
            // A coordinator may update every action.
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let all = try await coordinator.text("/panels/PANEL-000001")
            for action in ["ACT-000001", "ACT-000002", "ACT-000003"] {
                #expect(all.contains(#"action="/panels/PANEL-000001/actions/\#(action)""#), "\(action)")
            }
        }
    }

    @Test func aPanelMemberMarksTheirAgencysActionDone() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let done = try await member.post("/panels/PANEL-000001/actions/ACT-000001", [
                "form": "action:ACT-000001", "status": "done", "note": "Seen by the school nurse", "csrf_token": member.csrf,
            ])
            #expect(done.status == .seeOther && done.headers[.location] == "/panels/PANEL-000001", "\(done.status) \(done.text.prefix(200))")
            #expect(try Self.status(of: "ACT-000001", in: fixture) == "done")
            let page = try await member.text("/panels/PANEL-000001")
            #expect(page.contains("done on \(CalendarDate.today)") && page.contains("Seen by the school nurse"))
            #expect(!page.contains(#"action="/panels/PANEL-000001/actions/ACT-000001""#), "no form on an action already done")
            let audit = try #require(try fixture.store.auditEntries(limit: 5).first { $0.records.contains("action_update") })
            #expect(audit.actor == "panel_member" && audit.operation == "alteration" && audit.records.contains("ACT-000001"))
        }
    }

    @Test func anotherAgencysActionIsRefusedAndNothingChanges() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let refused = try await member.post("/panels/PANEL-000001/actions/ACT-000002", [
                "form": "action:ACT-000002", "status": "done", "note": "TYPED", "csrf_token": member.csrf,
            ])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("owned by another agency; you may update your own agency"), "\(refused.text.prefix(400))")
            #expect(try Self.status(of: "ACT-000002", in: fixture) == "open")
            // The API says the same.
            let api = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let viaAPI = try await api.send(.post, "/api/actions/ACT-000002", json: #"{"status":"done"}"#)
            #expect(viaAPI.status == .badRequest && viaAPI.text.contains("owned by another agency"))
            #expect(try Self.status(of: "ACT-000002", in: fixture) == "open")
        }
    }

    @Test func anActionOfAChildOffTheAgendaAnswersAsMissing() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let hidden = try await member.post("/panels/PANEL-000001/actions/ACT-000003", ["status": "done", "csrf_token": member.csrf])
            let missing = try await member.post("/panels/PANEL-000001/actions/ACT-404404", ["status": "done", "csrf_token": member.csrf])
            #expect(hidden.status == .notFound && missing.status == .notFound)
            #expect(hidden.text.replacingOccurrences(of: member.csrf, with: "") == missing.text.replacingOccurrences(of: member.csrf, with: ""))
            #expect(try Self.status(of: "ACT-000003", in: fixture) == "open")
            let refusals = try fixture.store.auditEntries(limit: 5, refusedOnly: true)
            #expect(refusals.contains { $0.records.contains(#""action":"ACT-000003""#) }, "\(refusals.map(\.records))")
        }
    }

    @Test func aRoleThatMayNotUpdateActionsIsRefusedBeforeTheForm() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            let refused = try await analyst.post("/panels/PANEL-000001/actions/ACT-000001", ["status": "done", "csrf_token": analyst.csrf])
            #expect(refused.status == .forbidden)
            #expect(try Self.status(of: "ACT-000001", in: fixture) == "open")
        }
    }
}
