import GraphCore
import Testing
@testable import CaseWorkflow

struct ReferralTests {
    @Test func aNewConcernWithinTwelveMonthsOfLeavingMACCSEIsARepeatReferral() throws {
        let fixture = try WorkflowFixture()
        let (_, first) = try fixture.openCase(child: "CH1", received: "2025-03-03")
        _ = try fixture.assess(first, on: "2025-03-10")
        let panel = try fixture.quoratePanel(on: "2025-04-08")
        try fixture.workflow.recordDecision(panel: panel, case: first, PanelDecisionInput(decision: .remove), by: fixture.viewer)

        // Closed on 2025-04-08: 2026-04-08 is the last day of the repeat window.
        let within = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: date("2026-04-08"), referrer: "Youth worker", agency: "voluntary", concern: .cse), by: fixture.viewer)
        #expect(within.isRepeat)
        #expect(within.repeatOf == first)
        let after = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: date("2026-04-09"), referrer: "Youth worker", agency: "voluntary", concern: .cse), by: fixture.viewer)
        #expect(!after.isRepeat)
        // A child who never left MACCSE is never a repeat.
        let other = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH2", receivedOn: date("2026-04-08"), referrer: "School nurse", agency: "health", concern: .both), by: fixture.viewer)
        #expect(!other.isRepeat)
    }

    @Test func theRepeatWindowIsAPartnershipSetting() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["repeatReferralMonths": .number("6")], for: "E08000012", by: fixture.viewer)
        let (_, first) = try fixture.openCase(child: "CH1", received: "2025-03-03")
        _ = try fixture.assess(first, on: "2025-03-10")
        let panel = try fixture.quoratePanel(on: "2025-04-08")
        try fixture.workflow.recordDecision(panel: panel, case: first, PanelDecisionInput(decision: .remove), by: fixture.viewer)
        let later = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: date("2025-11-03"), referrer: "Youth worker", agency: "voluntary", concern: .cse), by: fixture.viewer)
        #expect(!later.isRepeat)
    }

    @Test func badReferralsAreRefusedNamingTheField() throws {
        let fixture = try WorkflowFixture()
        let cases: [(ReferralInput, String)] = [
            (ReferralInput(child: "NOPE", receivedOn: date("2026-03-02"), referrer: "X", agency: "police", concern: .cce), "child"),
            (ReferralInput(child: "AD1", receivedOn: date("2026-03-02"), referrer: "X", agency: "police", concern: .cce), "child"),
            (ReferralInput(child: "CH1", receivedOn: date("2026-03-02"), referrer: "X", agency: "astrology", concern: .cce), "agency"),
            (ReferralInput(child: "CH1", receivedOn: date("2026-03-02"), referrer: " ", agency: "police", concern: .cce), "referrer"),
            (ReferralInput(child: "CH1", area: "merseyside", receivedOn: date("2026-03-02"), referrer: "X", agency: "police", concern: .cce), "area"),
            (ReferralInput(child: "CH1", receivedOn: date("2026-03-02"), referrer: "X", agency: "police", concern: .cce,
                           outcome: .earlyHelp, screenedOn: date("2026-03-01")), "screened_on"),
        ]
        let before = try fixture.auditCount()
        for (input, field) in cases {
            let error = try #require(throws: WorkflowError.self) { try fixture.workflow.recordReferral(input, by: fixture.viewer) }
            #expect(error.field == field, "\(error)")
        }
        #expect(try fixture.auditCount() == before)
    }

    @Test func aReferralScreenedOutDoesNotOpenACaseAndAChildHasOneOpenCase() throws {
        let fixture = try WorkflowFixture()
        let screenedOut = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH3", receivedOn: date("2026-03-02"), referrer: "X", agency: "police", concern: .cse,
            outcome: .noFurtherAction, screenedOn: date("2026-03-02")), by: fixture.viewer)
        #expect(throws: WorkflowError.self) { try fixture.workflow.openCase(referral: screenedOut.ref, on: date("2026-03-03"), by: fixture.viewer) }
        try fixture.openCase(child: "CH1", received: "2026-03-02")
        let second = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: date("2026-03-05"), referrer: "X", agency: "police", concern: .cse), by: fixture.viewer)
        let error = try #require(throws: WorkflowError.self) {
            try fixture.workflow.openCase(referral: second.ref, on: date("2026-03-05"), by: fixture.viewer)
        }
        #expect(error.message.contains("already has an open MACCSE case"))
    }
}
