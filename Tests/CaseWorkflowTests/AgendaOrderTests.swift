import GraphCore
import Testing
@testable import CaseWorkflow

/// The agenda as the protocols order it (issue 18): the victims' cases the agenda finds,
/// then cases added between panels, then deferred ones; perpetrator referrals after; and
/// the framework's eligibility rule.
struct AgendaOrderTests {
    @Test func addedAndDeferredCasesFollowTheVictimsCasesWithTheirReasons() throws {
        let fixture = try WorkflowFixture()
        let (march, panel) = try fixture.caseOnMarchPanel()
        let (_, other) = try fixture.openCase(child: "CH2", received: "2026-03-03")
        _ = try fixture.assess(other, on: "2026-03-10")
        try fixture.workflow.buildAgenda(panel: panel, by: fixture.viewer)
        // The panel cannot reach CH2's case: deferred to the next, twice over.
        try fixture.workflow.deferCase(panel: panel, case: other, reason: "Out of time", on: date("2026-03-24"), by: fixture.viewer)
        // Building March's agenda again does not take its own deferral.
        try fixture.workflow.buildAgenda(panel: panel, by: fixture.viewer)
        #expect(try !fixture.workflow.panel(panel, by: fixture.viewer).agenda.contains { $0.item == "deferred" })
        // Significant new information about CH1 between panels.
        try fixture.workflow.addToNextAgenda(case: march, reason: "Found in Place Two at 02:00", on: date("2026-04-02"), by: fixture.viewer)
        let april = try fixture.quoratePanel(on: "2026-04-21")
        let agenda = try fixture.workflow.panel(april, by: fixture.viewer).agenda
        let items = agenda.map { "\($0.caseRef) \($0.item)" }
        // Neither new assessment was decided in March, so both are victims' items first; then
        // the added, then the deferred.
        #expect(items == ["\(march) new_assessment", "\(other) new_assessment", "\(march) added", "\(other) deferred"], "\(items)")
        #expect(agenda[2].reason == "added on 2026-04-02: Found in Place Two at 02:00")
        #expect(agenda[3].reason == "deferred from \(panel) (deferred 1 time(s)): Out of time")
        // Building the agenda again keeps them; the panel after does not see them again.
        try fixture.workflow.buildAgenda(panel: april, by: fixture.viewer)
        #expect(try fixture.workflow.panel(april, by: fixture.viewer).agenda.count == 4)
        try fixture.workflow.deferCase(panel: april, case: other, reason: "Still out of time", on: date("2026-04-21"), by: fixture.viewer)
        let may = try fixture.quoratePanel(on: "2026-05-19")
        let mayItems = try fixture.workflow.panel(may, by: fixture.viewer).agenda
        #expect(!mayItems.contains { $0.item == "added" })
        #expect(mayItems.first { $0.item == "deferred" }?.reason.contains("deferred 2 time(s)") == true)
        // May's panel is cancelled: what it had taken waits for the next one.
        try fixture.workflow.cancelPanel(may, reason: "The chair is away", on: date("2026-05-12"), by: fixture.viewer)
        let june = try fixture.quoratePanel(on: "2026-06-16")
        #expect(try fixture.workflow.panel(june, by: fixture.viewer).agenda.contains { $0.item == "deferred" && $0.caseRef == other })

        // A reason is needed; a case not on the panel's agenda cannot be deferred from it.
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.deferCase(panel: may, case: other, reason: "  ", on: date("2026-05-19"), by: fixture.viewer)
        }
        let (_, wirral) = try fixture.openCase(child: "CH3", received: "2026-03-04")
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.deferCase(panel: may, case: wirral, reason: "x", on: date("2026-05-19"), by: fixture.viewer)
        }
    }

    @Test func perpetratorReferralsAreAdultsAndGroupsOnly() throws {
        let fixture = try WorkflowFixture([#"{"record":"entity","id":"GR1","kind":"group","name":"Group One"}"#])
        let (_, panel) = try fixture.caseOnMarchPanel()
        try fixture.workflow.referPerpetrator(panel: panel, subject: "AD1", reason: "Identify potential victims", on: date("2026-03-20"),
                                              by: fixture.viewer)
        try fixture.workflow.referPerpetrator(panel: panel, subject: "GR1", reason: "Action planning", on: date("2026-03-20"), by: fixture.viewer)
        let referrals = try fixture.workflow.panel(panel, by: fixture.viewer).perpetratorReferrals
        #expect(referrals.map(\.subjectRef) == ["AD1", "GR1"])
        #expect(referrals.map(\.subjectKind) == ["adult", "group"])
        for subject in ["CH1", "LO1"] {
            #expect(throws: WorkflowError.self) {
                try fixture.workflow.referPerpetrator(panel: panel, subject: subject, reason: "x", on: date("2026-03-20"), by: fixture.viewer)
            }
        }
    }

    @Test func serafsMACSEDiscussesSignificantAndModerateRiskOnly() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["framework": .string("seraf")], for: "E08000012", by: fixture.viewer)
        func serafAssessment(_ ceCase: String, _ level: String) throws {
            _ = try fixture.workflow.recordAssessment(AssessmentInput(
                caseRef: ceCase, assessedOn: date("2026-03-09"), concern: .cse, agencies: ["police", "childrens_services"],
                answers: ["seraf_level": .string(level), "imminent_risk": .bool(false)], grading: Grading("2B P")!), by: fixture.viewer)
        }
        let (_, mild) = try fixture.openCase(child: "CH1", received: "2026-03-02", concern: .cse)
        try serafAssessment(mild, "mild")
        let (_, moderate) = try fixture.openCase(child: "CH2", received: "2026-03-02", concern: .cse)
        try serafAssessment(moderate, "moderate")
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        let record = try fixture.workflow.panel(panel, by: fixture.viewer)
        #expect(record.agenda.map(\.caseRef) == [moderate])
        #expect(record.notForPanel.map(\.caseRef) == [mild])
        #expect(record.notForPanel.first?.riskLabel == "Mild risk")
        // Asked for by name, the mild case is heard all the same.
        try fixture.workflow.addToNextAgenda(case: mild, reason: "The school asks for a discussion", on: date("2026-03-20"), by: fixture.viewer)
        try fixture.workflow.buildAgenda(panel: panel, by: fixture.viewer)
        #expect(try fixture.workflow.panel(panel, by: fixture.viewer).agenda.map(\.item) == ["new_assessment", "added"])
    }
}
