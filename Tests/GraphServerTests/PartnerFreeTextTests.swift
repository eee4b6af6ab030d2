import Foundation
import GraphCore
import GraphServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The partnership's own free text (minutes, assessments, actions) reaches a partner with
/// every child outside their need-to-know pseudonymised: minutes cover every child on the
/// agenda, and may name others.
struct PartnerFreeTextTests {
    @Test func minutesNameOnlyTheChildrenAPartnerMaySee() async throws {
        let fixture = try ServerFixture()
        try ServerFixture.attendQuorately("PANEL-000001", workflow: fixture.services.workflow)
        _ = try fixture.services.workflow.recordMinutes(panel: "PANEL-000001",
            "Visible Child's review agreed. Hidden Child was discussed under any other business.", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let minutes = try #require(try await member.get("/api/panels/PANEL-000001").json["minutes"] as? String)
            #expect(minutes == "Visible Child's review agreed. Child 1 was discussed under any other business.", "\(minutes)")
            // Liverpool's coordinator may see both children; the police see everything.
            for account in ["maccse_coordinator", "ccset_coordinator"] {
                let session = try #require(try await SignedIn.signIn(client, as: account))
                let text = try #require(try await session.get("/api/panels/PANEL-000001").json["minutes"] as? String)
                #expect(text.contains("Hidden Child"), "\(account): \(text)")
            }
        }
    }

    @Test func anAssessmentsFreeTextNamesOnlyTheChildrenAPartnerMaySee() async throws {
        let fixture = try ServerFixture()
        let ceCase = "CASE-000001"
        _ = try fixture.services.workflow.recordAssessment(.init(
            caseRef: ceCase, assessedOn: CalendarDate.today.adding(days: -2), concern: .cce, agencies: ["police", "childrens_services"],
            answers: ["professionals_involved": "Social worker; met with Hidden Child's school", "referral_reason": "criminal",
                      "scaling": .number("4"), "harm_statement": "may_be_experiencing_harm", "imminent_risk": .bool(false)],
            grading: Grading("2B P")!, summary: "Seen with Hidden Child."), by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let detail = try await member.get("/api/cases/\(ceCase)").json
            let refs = (detail["assessments"] as? [[String: Any]] ?? []).compactMap { $0["ref"] as? String }
            let newest = try #require(refs.last)
            let read = try await member.get("/api/assessments/\(newest)")
            #expect(read.status == .ok)
            #expect(!read.text.contains("Hidden Child") && read.text.contains("Child 1"), "\(read.text)")
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await analyst.get("/api/assessments/\(newest)").text.contains("Hidden Child"))
        }
    }
}
