import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What a panel member sees of MACCSE panels: only their authorities' panels in the
/// visibility window that were not cancelled, and on them only their children's cases.
/// Records are synthetic.
struct PanelScopeTests {
    /// The fixture with more panel business: an old panel (before the window) with a
    /// general action, a cancelled panel, actions on the fixture's panel for the visible
    /// child's case (CASE-000001) and the hidden child's (CASE-000002), and a later panel
    /// that carries them all.
    static func fixture() throws -> (fixture: ServerFixture, old: String, cancelled: String, later: String) {
        let fixture = try ServerFixture()
        let workflow = try Workflow(store: fixture.store), viewer = ServerFixture.viewer
        let old = try workflow.schedulePanel(area: "E08000012", on: .today.adding(days: -400), coChairs: ["A", "B"], by: viewer)
        try ServerFixture.attendQuorately(old, workflow: workflow)
        _ = try workflow.addAction(at: .panel(old), ActionInput(text: "OLD-GENERAL follow-up", owner: "education",
                                                                dueOn: .today.adding(days: -390)), by: viewer)
        try ServerFixture.attendQuorately("PANEL-000001", workflow: workflow)
        for (text, ceCase) in [("VISIBLE-CASE follow-up", "CASE-000001"), ("HIDDEN-CASE follow-up", "CASE-000002")] {
            _ = try workflow.addAction(at: .panel("PANEL-000001"), ActionInput(text: text, owner: "health", dueOn: .today.adding(days: 20),
                                                                               caseRef: ceCase), by: viewer)
        }
        let cancelled = try workflow.schedulePanel(area: "E08000012", on: .today.adding(days: 21), coChairs: ["A", "B"], by: viewer)
        try workflow.buildAgenda(panel: cancelled, by: viewer)
        try workflow.cancelPanel(cancelled, reason: "Not enough cases to hear", on: .today, by: viewer)
        let later = try workflow.schedulePanel(area: "E08000012", on: .today.adding(days: 35), coChairs: ["A", "B"], by: viewer)
        return (fixture, old, cancelled, later)
    }

    @Test func anOldOrCancelledPanelIsMissingForAPanelMember() async throws {
        let (fixture, old, cancelled, later) = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let missing = try await member.get("/api/panels/PANEL-009999")
            for ref in [old, cancelled] {
                let hidden = try await member.get("/api/panels/\(ref)")
                #expect(hidden.status == .notFound && hidden.text == missing.text, "\(ref): \(hidden.status)")
                #expect(try await member.get("/panels/\(ref)").status == .notFound)
            }
            let list = try await member.get("/api/panels")
            #expect(list.status == .ok && list.text.contains("PANEL-000001") && list.text.contains(later), "\(list.text)")
            #expect(!list.text.contains(old) && !list.text.contains(cancelled), "\(list.text)")
            // A coordinator still opens both.
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            for ref in [old, cancelled] { #expect(try await coordinator.get("/api/panels/\(ref)").status == .ok, "\(ref)") }
        }
    }

    @Test func aPanelMemberSeesOnlyTheActionsOfTheirChildrensCases() async throws {
        let (fixture, _, _, later) = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let panel = try await member.get("/api/panels/PANEL-000001")
            #expect(panel.status == .ok && panel.text.contains("VISIBLE-CASE") && !panel.text.contains("HIDDEN-CASE"), "\(panel.text)")
            let carried = try await member.get("/api/panels/\(later)")
            #expect(carried.status == .ok && carried.text.contains("VISIBLE-CASE"), "\(carried.text)")
            for hidden in ["HIDDEN-CASE", "OLD-GENERAL", "CASE-000002"] {
                #expect(!carried.text.contains(hidden), "\(hidden) carried to a panel member")
            }
            let page = try await member.get("/panels/\(later)")
            #expect(page.status == .ok && page.text.contains("VISIBLE-CASE") && !page.text.contains("HIDDEN-CASE") && !page.text.contains("OLD-GENERAL"))
            // The read's audit row names the panel and the cases it showed.
            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "consultation" && audit.records.contains(later))

            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let full = try await coordinator.get("/api/panels/\(later)")
            for text in ["VISIBLE-CASE", "HIDDEN-CASE", "OLD-GENERAL"] { #expect(full.text.contains(text), "\(text) missing for a coordinator") }
        }
    }

    @Test func aCoordinatorCancelsAPanelWithAReason() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            #expect(try await coordinator.get("/panels/PANEL-000001").text.contains(#"action="/panels/PANEL-000001/cancel""#))
            let noReason = try await coordinator.send(.post, "/api/panels/PANEL-000001/cancel", json: #"{"reason": " "}"#)
            #expect(noReason.status == .badRequest && noReason.text.contains("reason"), "\(noReason.text)")
            let cancelled = try await coordinator.send(.post, "/api/panels/PANEL-000001/cancel", json: #"{"reason": "Co-chairs unavailable"}"#)
            #expect(cancelled.status == .ok && cancelled.json["status"] as? String == "cancelled", "\(cancelled.text)")
            let again = try await coordinator.send(.post, "/api/panels/PANEL-000001/cancel", json: #"{"reason": "twice"}"#)
            #expect(again.status == .conflict && again.text.contains("already cancelled"), "\(again.text)")
            let minutes = try await coordinator.send(.put, "/api/panels/PANEL-000001/minutes", json: #"{"minutes": "Heard."}"#)
            #expect(minutes.status == .conflict && minutes.text.contains("cancelled"))
            let page = try await coordinator.get("/panels/PANEL-000001")
            #expect(page.text.contains("Co-chairs unavailable") && !page.text.contains("/cancel\""), "a cancelled panel offers no cancel form")
            let audit = try #require(try fixture.store.auditEntries(limit: 5).first { $0.records.contains("cancel_panel") })
            #expect(audit.operation == "alteration" && audit.records.contains("Co-chairs unavailable"))
            // The agenda no longer counts: the member's child and panel are gone from their view.
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/panels/PANEL-000001").status == .notFound)
            #expect(try await member.get("/api/entities/CH1").status == .notFound)
        }
    }

    /// A refused read is audited as a refusal, naming what was asked and nothing of the
    /// record: the auditor sees someone asking outside their need-to-know.
    @Test func aRefusedPanelOrCaseReadIsAuditedAsARefusal() async throws {
        let (fixture, old, _, _) = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/panels/\(old)").status == .notFound)
            var refused = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(refused.records == #"{"asked":{"panel":"\#(old)"},"refused":true}"#, "\(refused.records)")
            #expect(try await member.get("/api/cases/CASE-000002").status == .notFound)
            refused = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(refused.records == #"{"asked":{"case":"CASE-000002"},"refused":true}"#, "\(refused.records)")
            #expect(try fixture.store.auditEntries(limit: 10, refusedOnly: true).count == 2)
            #expect(try await member.get("/api/cases/CASE-000001").status == .ok)
            #expect(try fixture.store.auditEntries(limit: 1).first?.records.contains("\"refused\"") == false)
        }
    }
}
