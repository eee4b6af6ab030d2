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

    @Test func measure8CountsOnlyRepeatReferralsThatComeBackIntoMACCSE() throws {
        let fixture = try WorkflowFixture()
        for child in ["CH1", "CH2"] {
            let (_, first) = try fixture.openCase(child: child, received: "2025-03-03")
            _ = try fixture.assess(first, on: "2025-03-10")
        }
        let panel = try fixture.quoratePanel(on: "2025-04-08")
        for ceCase in try fixture.workflow.panel(panel, by: fixture.viewer).agenda.map(\.caseRef) {
            try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .remove), by: fixture.viewer)
        }
        // Both come back within the window: CH1's referral opens a case again, CH2's is
        // screened out at the front door.
        let back = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: date("2026-01-12"), referrer: "Youth worker", agency: "voluntary", concern: .cse,
            outcome: .section47, screenedOn: date("2026-01-12")), by: fixture.viewer)
        _ = try fixture.workflow.openCase(referral: back.ref, on: date("2026-01-13"), by: fixture.viewer)
        let screenedOut = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH2", receivedOn: date("2026-01-14"), referrer: "School nurse", agency: "health", concern: .cse,
            outcome: .noFurtherAction, screenedOn: date("2026-01-15")), by: fixture.viewer)
        #expect(back.isRepeat && screenedOut.isRepeat)
        let report = try fixture.workflow.quarterlyReport(area: "E08000012", quarter: "2026Q1", by: fixture.viewer)
        let measure = try #require(report.measures.first { $0.number == 8 })
        #expect(measure.counts.map(\.value) == [1])
        #expect(measure.note?.contains("1 repeat referral(s) that did not come back into MACCSE") == true, "\(measure.note ?? "")")
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
