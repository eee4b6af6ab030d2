import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A panel member who chairs an authority's panels approves their minutes (issue 16);
/// no one else does.
struct MinutesApprovalTests {
    @Test func theChairApprovesTheMinutesOnceAndNoOneElseMay() async throws {
        let fixture = try ServerFixture()
        try fixture.services.accounts.create(username: "panel_chair", displayName: "Synthetic chair", role: .panelMember,
                                             password: ServerFixture.password, scope: Scope(areas: nil, chairs: ["E08000012"]),
                                             agency: "childrens_services", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let chair = try #require(try await SignedIn.signIn(client, as: "panel_chair"))
            let uri = "/api/panels/PANEL-000001/minutes/approval"
            let early = try await chair.send(.post, uri, json: "{}")
            #expect(early.status == .conflict && early.text.contains("no minutes recorded yet"), "\(early.text)")
            try ServerFixture.attendQuorately("PANEL-000001", workflow: fixture.services.workflow)
            _ = try fixture.services.workflow.recordMinutes(panel: "PANEL-000001", "Reviews agreed for every child on the agenda.",
                                                           by: ServerFixture.viewer)
            // A member who does not chair, and a coordinator (who records, not approves).
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let notChair = try await member.send(.post, uri, json: "{}")
            #expect(notChair.status == .badRequest && notChair.text.contains("only a chair"), "\(notChair.text)")
            let coordinator = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            #expect(try await coordinator.send(.post, uri, json: "{}").status == .forbidden)
            let other = try #require(try await SignedIn.signIn(client, as: "wirral_member"))
            #expect(try await other.send(.post, uri, json: "{}").status == .notFound)

            let approved = try await chair.send(.post, uri, json: "{}")
            #expect(approved.status == .ok, "\(approved.text)")
            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "alteration" && audit.actor == "panel_chair" && audit.records.contains("minutes_approval"))
            let panel = try await chair.get("/api/panels/PANEL-000001").json
            #expect(panel["minutes_approved_by"] as? String == "panel_chair" && panel["minutes_approved_on"] as? String == CalendarDate.today.description)
            let again = try await chair.send(.post, uri, json: "{}")
            #expect(again.status == .conflict && again.text.contains("were approved on"))
        }
    }

    @Test func theChairApprovesThroughThePanelPage() async throws {
        let fixture = try ServerFixture()
        try fixture.services.accounts.create(username: "panel_chair", displayName: "Synthetic chair", role: .panelMember,
                                             password: ServerFixture.password, scope: Scope(areas: nil, chairs: ["E08000012"]),
                                             by: ServerFixture.viewer)
        try ServerFixture.attendQuorately("PANEL-000001", workflow: fixture.services.workflow)
        _ = try fixture.services.workflow.recordMinutes(panel: "PANEL-000001", "Reviews agreed for every child on the agenda.",
                                                       by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let member = try await PageTests.Browser.signIn(client, as: "panel_member")
            #expect(!(try await member.text("/panels/PANEL-000001")).contains("approve-minutes"))
            let chair = try await PageTests.Browser.signIn(client, as: "panel_chair")
            #expect(try await chair.text("/panels/PANEL-000001").contains(#"id="approve-minutes""#))
            let posted = try await chair.post("/panels/PANEL-000001/minutes/approval", ["form": "approve-minutes", "csrf_token": chair.csrf])
            #expect(posted.status == .seeOther)
            let page = try await chair.text("/panels/PANEL-000001")
            #expect(page.contains("Approved by panel_chair on \(CalendarDate.today)") && !page.contains(#"id="approve-minutes""#))
        }
    }
}
