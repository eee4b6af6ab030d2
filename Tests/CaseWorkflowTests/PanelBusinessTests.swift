import GraphCore
import Testing
@testable import CaseWorkflow

/// The panel's business as seeds 002 and 003 run it (issue 18): no business at an inquorate
/// panel, minutes per child, the minutes-due timescale, and the checks on closures and
/// assessments.
struct PanelBusinessTests {
    /// A Liverpool panel with CH1's case on its agenda and only police and health present.
    func inquoratePanel(_ fixture: WorkflowFixture) throws -> (case: String, panel: String) {
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(ceCase, on: "2026-03-09")
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: fixture.viewer)
        try fixture.workflow.buildAgenda(panel: panel, by: fixture.viewer)
        try fixture.workflow.recordAttendance(panel: panel, [
            Attendee(name: "P", agency: "police", signedConfidentiality: true),
            Attendee(name: "H", agency: "health", signedConfidentiality: true),
        ], by: fixture.viewer)
        return (ceCase, panel)
    }

    @Test func anInquoratePanelRaisesNoActionsAndKeepsNoMinutesButMayKeepNotes() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, panel) = try inquoratePanel(fixture)
        let before = try fixture.auditCount()
        func refusal(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "accepted"
        }
        let action = refusal {
            _ = try fixture.workflow.addAction(at: .panel(panel), ActionInput(text: "Visit", owner: "police", dueOn: date("2026-04-07"),
                                                                                caseRef: ceCase), by: fixture.viewer)
        }
        #expect(action.contains("not quorate, so it cannot raise actions"), "\(action)")
        // The rule is named, and what falls short of it.
        #expect(action.contains("at least 4 partner agencies, police and childrens_services among them"), "\(action)")
        #expect(action.contains("2 of the 4 partner agencies needed are present"), "\(action)")
        let minutes = refusal { _ = try fixture.workflow.recordMinutes(panel: panel, "Plan agreed.", by: fixture.viewer) }
        #expect(minutes.contains("cannot keep minutes"), "\(minutes)")
        let childMinutes = refusal {
            _ = try fixture.workflow.recordCaseMinutes(panel: panel, case: ceCase, "Discussed.", on: date("2026-03-24"), by: fixture.viewer)
        }
        #expect(childMinutes.contains("cannot keep minutes"), "\(childMinutes)")
        // Nothing was written by the refusals.
        #expect(try fixture.auditCount() == before)
        #expect(try fixture.workflow.panel(panel, by: fixture.viewer).actions.isEmpty)

        // What was said is kept as notes, marked so.
        try fixture.workflow.recordMinutes(panel: panel, "Two agencies attended; the case was not discussed.", inquorateNotes: true,
                                           by: fixture.viewer)
        let record = try fixture.workflow.panel(panel, by: fixture.viewer)
        #expect(record.minutesInquorate)
        #expect(record.minutes == "Two agencies attended; the case was not discussed.")

        // Once quorate, notes are refused: it has minutes.
        try fixture.workflow.recordAttendance(panel: panel, [
            Attendee(name: "S", agency: "childrens_services", signedConfidentiality: true),
            Attendee(name: "E", agency: "education", signedConfidentiality: true),
        ], by: fixture.viewer)
        let notes = refusal { _ = try fixture.workflow.recordMinutes(panel: panel, "x", inquorateNotes: true, by: fixture.viewer) }
        #expect(notes.contains("is quorate"), "\(notes)")
        try fixture.workflow.recordMinutes(panel: panel, "Plan agreed.", by: fixture.viewer)
        #expect(try !fixture.workflow.panel(panel, by: fixture.viewer).minutesInquorate)
    }

    @Test func eachChildsMinutesAreKeptOnTheirCaseAndThePanel() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, panel) = try fixture.caseOnMarchPanel()
        let (_, other) = try fixture.openCase(child: "CH2", received: "2026-03-30")
        try fixture.workflow.recordCaseMinutes(panel: panel, case: ceCase, "First text.", on: date("2026-03-24"), by: fixture.viewer)
        // Recorded again, the minutes are replaced, not added to.
        let warnings = try fixture.workflow.recordCaseMinutes(panel: panel, case: ceCase, "Her boyfriend was discussed; plan agreed.",
                                                              on: date("2026-03-25"), by: fixture.viewer)
        #expect(warnings.map(\.phrase) == ["Boyfriend/Girlfriend"])
        let onPanel = try fixture.workflow.panel(panel, by: fixture.viewer).caseMinutes
        #expect(onPanel.map(\.caseRef) == [ceCase])
        #expect(onPanel.first?.text == "Her boyfriend was discussed; plan agreed.")
        #expect(onPanel.first?.recordedOn == "2026-03-25")
        let onCase = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-03-26"), by: fixture.viewer).panelMinutes
        #expect(onCase.map(\.panelRef) == [panel])
        #expect(onCase.first?.heldOn == "2026-03-24")
        // A case not on the agenda has no minutes at that panel.
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordCaseMinutes(panel: panel, case: other, "x", on: date("2026-03-24"), by: fixture.viewer)
        }
        #expect(try fixture.workflow.caseDetail(other, asOf: date("2026-03-31"), by: fixture.viewer).panelMinutes.isEmpty)
    }

    @Test func minutesAreDueFiveWorkingDaysAfterThePanelUntilTheChairApproves() throws {
        let fixture = try WorkflowFixture()
        // Thursday 2 April 2026: Good Friday and Easter Monday are not working days, so the
        // fifth working day after is Monday 13 April.
        let panel = try fixture.quoratePanel(on: "2026-04-02")
        func minutesItem(on day: String) throws -> TimescaleItem? {
            try fixture.workflow.timescales(on: date(day), area: "E08000012", by: fixture.viewer).first { $0.kind == "minutes" }
        }
        #expect(try minutesItem(on: "2026-04-13") == nil, "due that day, not yet late")
        let late = try #require(try minutesItem(on: "2026-04-14"))
        #expect(late.ref == panel)
        #expect(late.due == date("2026-04-13"))
        #expect(late.workingDaysLate == 1)
        #expect(late.owner == "MACCSE coordinator")
        #expect(late.rule.contains("(not recorded)"))
        try fixture.workflow.recordMinutes(panel: panel, "Plan agreed.", by: fixture.viewer)
        let awaiting = try #require(try minutesItem(on: "2026-04-14"))
        #expect(awaiting.owner == "MACCSE chair")
        #expect(awaiting.rule.contains("awaiting the chair's approval"))
        // The partnership may allow longer.
        try fixture.workflow.updateSettings(["minutesWorkingDays": .number("10")], for: "E08000012", by: fixture.viewer)
        #expect(try minutesItem(on: "2026-04-14") == nil)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.updateSettings(["minutesWorkingDays": .number("0")], for: "E08000012", by: fixture.viewer)
        }
    }

    @Test func aClosureOnReaching18IsOnlyForAChildNear18() throws {
        // CH1 is born 2011-05-01: 14 in March 2026. CH2 is born 2008-09-15: 17 and a half.
        let fixture = try WorkflowFixture()
        let (young, panel) = try fixture.caseOnMarchPanel()
        let (_, older) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        _ = try fixture.assess(older, on: "2026-03-10")
        try fixture.workflow.buildAgenda(panel: panel, by: fixture.viewer)
        do {
            try fixture.workflow.recordDecision(panel: panel, case: young, PanelDecisionInput(decision: .remove, closure: .reached18),
                                                by: fixture.viewer)
            Issue.record("a 14-year-old's case closed as reached_18")
        } catch let error as WorkflowError {
            #expect(error.field == "closure")
            #expect("\(error)".contains("turns 18 on 2029-05-01"), "\(error)")
        }
        // Within the six months' transitions window (from 2026-03-15): accepted.
        try fixture.workflow.recordDecision(panel: panel, case: older, PanelDecisionInput(decision: .remove, closure: .reached18),
                                            by: fixture.viewer)
        #expect(try fixture.workflow.caseDetail(older, asOf: date("2026-03-24"), by: fixture.viewer).closure == "reached_18")
    }

    @Test func anAssessmentWithoutPoliceInformationIsRefusedWhereThePartnershipSaysSo() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        do {
            _ = try fixture.assess(ceCase, on: "2026-03-09", agencies: ["childrens_services", "health"])
            Issue.record("an assessment without police was accepted")
        } catch let error as WorkflowError {
            #expect(error.field == "agencies")
            #expect("\(error)".contains("including police"), "\(error)")
        }
        try fixture.workflow.updateSettings(["assessmentNeedsPolice": .bool(false)], for: "E08000012", by: fixture.viewer)
        _ = try fixture.assess(ceCase, on: "2026-03-09", agencies: ["childrens_services", "health"])
    }

    @Test func anAssessmentSaysWhatChangedSinceTheChildsPreviousOne() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let first = try fixture.assess(ceCase, on: "2026-03-09", scaling: 3)
        let second = try fixture.assess(ceCase, on: "2026-06-08", scaling: 8, review: true)
        let unchanged = try fixture.assess(ceCase, on: "2026-09-07", scaling: 8, review: true)
        #expect(try fixture.workflow.assessment(first.ref, by: fixture.viewer).sincePrevious == nil)
        let detail = try fixture.workflow.assessment(second.ref, by: fixture.viewer)
        let changes = try #require(detail.sincePrevious)
        #expect(changes.previousRef == first.ref)
        #expect(changes.previousAssessedOn == "2026-03-09")
        #expect(changes.answers.map(\.code) == ["scaling"], "\(changes.answers)")
        #expect(changes.answers.first?.before?.hasPrefix("3") == true)
        #expect(changes.answers.first?.after?.hasPrefix("8") == true)
        #expect(changes.riskChanged == (changes.previousRisk != detail.risk))
        let same = try #require(try fixture.workflow.assessment(unchanged.ref, by: fixture.viewer).sincePrevious)
        #expect(same.previousRef == second.ref)
        #expect(same.answers.isEmpty)
        #expect(!same.riskChanged)
        // In the JSON, under since_previous.
        let json = String(decoding: try detail.jsonData(), as: UTF8.self)
        #expect(json.contains(#""since_previous":{"answers":[{"after":"#), "\(json)")
    }
}
