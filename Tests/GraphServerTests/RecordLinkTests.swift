import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Records lead to each other: a child's page to their cases, and intelligence an
/// assessment wrote (`assessment/ASMT-...`) to the assessment's page instead of nowhere.
struct RecordLinkTests {
    @Test func aChildsPageLeadsToTheirCasesForThoseWhoReadCases() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await PageTests.Browser.signIn(client, as: "ccset_coordinator")
            let page = try await coordinator.text("/entities/CH1")
            #expect(page.contains("<h2>MACCSE cases</h2>") && page.contains(#"<a href="/cases/CASE-000001">CASE-000001</a>"#), "\(page)")
            #expect(page.contains("Liverpool (E08000012)"), "the case's authority by name")
            #expect(try await coordinator.get("/cases/CASE-000001").status == .ok, "the link leads somewhere")
            #expect(!page.contains(", closed"), "an open case is not said to be closed")
            // A panel member, who reads no case lists, gets no section.
            let member = try await PageTests.Browser.signIn(client, as: "panel_member")
            #expect(!(try await member.text("/entities/CH1")).contains("MACCSE cases"))
            // The read is audited, naming the cases shown.
            let audited = try fixture.store.auditEntries(limit: 20).contains { $0.records.contains(#""workflow":"cases_of_child""#) }
            #expect(audited)
        }
    }

    @Test func intelligenceAnAssessmentWroteLeadsToTheAssessment() async throws {
        let fixture = try ServerFixture()
        let record = try fixture.services.workflow.recordAssessment(AssessmentInput(
            caseRef: "CASE-000001", assessedOn: .today, concern: .cce, agencies: ["police", "childrens_services"],
            answers: ["professionals_involved": "Social worker", "referral_reason": "criminal", "scaling": .number("4"),
                      "harm_statement": "may_be_experiencing_harm", "imminent_risk": .bool(false)],
            grading: Grading("2B P")!, summary: "Synthetic assessment naming an adult.",
            graph: [["record": "link", "from": "AD1", "to": "CH1", "kind": "associates_with", "first_seen": .string(CalendarDate.today.description)]]),
            by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let analyst = try await PageTests.Browser.signIn(client, as: "analyst")
            let page = try await analyst.text("/entities/AD1")
            let href = "/assessments/\(record.ref)"
            #expect(page.contains(#"href="\#(href)""#) && !page.contains("/intel/assessment"), "\(page)")
            #expect(try await analyst.get(href).status == .ok)
        }
    }
}
