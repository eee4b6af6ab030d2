import GraphCore
import Testing
@testable import CaseWorkflow

struct TimescaleTests {
    func late(_ fixture: WorkflowFixture, on day: String, dueSoon: Bool = false) throws -> [String: Int] {
        var found: [String: Int] = [:]
        for item in try fixture.workflow.timescales(on: date(day), area: "E08000012", includeDueSoon: dueSoon, by: fixture.viewer) {
            found["\(item.kind) \(item.ref)"] = item.workingDaysLate
        }
        return found
    }

    @Test func strategyMeetingsAndAssessmentsAreDueInWorkingDaysAcrossEaster() throws {
        let fixture = try WorkflowFixture()
        // Received Maundy Thursday 2026: Good Friday and Easter Monday are not working days,
        // so 5 working days later is Monday 13 April and 15 is Monday 27 April.
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-04-02")
        #expect(try late(fixture, on: "2026-04-13")["strategy_meeting \(ceCase)"] == nil)
        #expect(try late(fixture, on: "2026-04-13", dueSoon: true)["strategy_meeting \(ceCase)"] == 0)
        #expect(try late(fixture, on: "2026-04-14")["strategy_meeting \(ceCase)"] == 1)
        // Saturday and Sunday add nothing.
        #expect(try late(fixture, on: "2026-04-19")["strategy_meeting \(ceCase)"] == 4)
        #expect(try late(fixture, on: "2026-04-27")["assessment \(ceCase)"] == nil)
        #expect(try late(fixture, on: "2026-04-28")["assessment \(ceCase)"] == 1)
        try fixture.strategyMeeting(ceCase, on: "2026-04-15")
        _ = try fixture.assess(ceCase, on: "2026-04-28")
        let after = try late(fixture, on: "2026-04-29")
        #expect(after["strategy_meeting \(ceCase)"] == nil)
        #expect(after["assessment \(ceCase)"] == nil)
    }

    @Test func aPartnershipClosureDayIsNotAWorkingDay() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["extraClosures": .array(["2026-03-04"])], for: "E08000012", by: fixture.viewer)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        // Mon 2 March + 5 working days, skipping Wed 4 March: Tue 3, Thu 5, Fri 6, Mon 9, Tue 10.
        #expect(try late(fixture, on: "2026-03-10")["strategy_meeting \(ceCase)"] == nil)
        #expect(try late(fixture, on: "2026-03-11")["strategy_meeting \(ceCase)"] == 1)
    }

    @Test func reviewsActionsAgendasAndImmediateRiskAreListedForWhoeverOwnsThem() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        try fixture.strategyMeeting(ceCase, on: "2026-03-04")
        _ = try fixture.assess(ceCase, on: "2026-03-09")
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review, reviewOn: date("2026-05-05")),
                                            by: fixture.viewer)
        let (action, _) = try fixture.workflow.addAction(at: .panel(panel), ActionInput(
            text: "Return home interview", owner: "childrens_services", dueOn: date("2026-04-01"), caseRef: ceCase), by: fixture.viewer)
        let next = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-05-12"), coChairs: ["A", "B"], by: fixture.viewer)
        let urgent = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH2", receivedOn: date("2026-05-07"), referrer: "Officer", agency: "police", concern: .cse, immediateRisk: true),
                                                         by: fixture.viewer)
        let items = try fixture.workflow.timescales(on: date("2026-05-11"), area: "E08000012", by: fixture.viewer)
        let byKind = Dictionary(items.map { ("\($0.kind) \($0.ref)", $0) }) { first, _ in first }
        // Review on Tue 5 May: by Monday 11 May it is 4 working days late (Wed, Thu, Fri, Mon).
        #expect(byKind["review \(ceCase)"]?.workingDaysLate == 4)
        #expect(byKind["action \(action)"]?.owner == "childrens_services")
        #expect(byKind["agenda \(next)"]?.owner == "MACCSE coordinator")
        // Four days before Tuesday 12 May is Friday 8 May.
        #expect(byKind["agenda \(next)"]?.due == date("2026-05-08"))
        #expect(byKind["agenda \(next)"]?.workingDaysLate == 1)
        #expect(byKind["screening \(urgent.ref)"] != nil)
        // Most late first.
        #expect(items.map(\.workingDaysLate) == items.map(\.workingDaysLate).sorted(by: >))
    }

    @Test func childrenApproaching18OnMACCSEAreListedForATransitionsPlan() throws {
        let fixture = try WorkflowFixture()
        // CH2 turns 18 on 15 September 2026: listed from 15 March, six months before.
        let (_, ceCase) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        #expect(try fixture.workflow.transitions(on: date("2026-03-14"), area: "E08000012", by: fixture.viewer).isEmpty)
        let listed = try fixture.workflow.transitions(on: date("2026-03-15"), area: "E08000012", by: fixture.viewer)
        #expect(listed.first?.objectValue?["turns_18_on"]?.stringValue == "2026-09-15")
        #expect(try late(fixture, on: "2026-09-16")["transitions_plan \(ceCase)"] == 1)
        try fixture.workflow.recordTransitionsPlan(case: ceCase, on: date("2026-04-01"), by: fixture.viewer)
        #expect(try late(fixture, on: "2026-09-16")["transitions_plan \(ceCase)"] == nil)
        let plan = try fixture.workflow.transitions(on: date("2026-04-02"), area: "E08000012", by: fixture.viewer)
        #expect(plan.first?.objectValue?["transitions_plan_on"]?.stringValue == "2026-04-01")
    }
}
