import GraphCore
import Testing
@testable import CaseWorkflow

struct PanelTests {
    @Test func theAgendaIsDueFourDaysBeforeOnAWorkingDay() throws {
        let fixture = try WorkflowFixture()
        // Tuesday 7 April 2026: four days before is Good Friday, a bank holiday, so the
        // agenda is due on Maundy Thursday, 2 April.
        let easter = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-04-07"), coChairs: ["A", "B"], by: fixture.viewer)
        // Monday 16 March: four days before is Thursday 12 March, a working day.
        let plain = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-16"), coChairs: ["A", "B"], by: fixture.viewer)
        // Wednesday 18 March: four days before is Saturday 14 March, so Friday 13 March.
        let weekend = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-18"), coChairs: ["A", "B"], by: fixture.viewer)
        func due(_ panel: String) throws -> String? {
            try fixture.workflow.panel(panel, by: fixture.viewer).agendaDueOn
        }
        #expect(try due(easter) == "2026-04-02")
        #expect(try due(plain) == "2026-03-12")
        #expect(try due(weekend) == "2026-03-13")
        // Sent on the day it was due is on time; the day after is late but still recorded.
        #expect(try fixture.workflow.sendAgenda(panel: easter, on: date("2026-04-02"), by: fixture.viewer))
        #expect(try !fixture.workflow.sendAgenda(panel: plain, on: date("2026-03-13"), by: fixture.viewer))
        // A partnership can choose a different lead time.
        try fixture.workflow.updateSettings(["agendaDaysBefore": .number("7")], for: "E08000015", by: fixture.viewer)
        let wirral = try fixture.workflow.schedulePanel(area: "E08000015", on: date("2026-03-16"), coChairs: ["A", "B"], by: fixture.viewer)
        #expect(try due(wirral) == "2026-03-09")
    }

    @Test func theAgendaHoldsNewAssessmentsReviewsDueAndNRMOversightWithOneSlotPerCase() throws {
        let fixture = try WorkflowFixture()
        let (_, first) = try fixture.openCase(child: "CH1", received: "2026-01-05")
        _ = try fixture.assess(first, on: "2026-01-12")
        let (_, second) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        _ = try fixture.assess(second, on: "2026-03-09")
        try fixture.workflow.recordNRM(case: second, stage: .needsReferral, on: date("2026-03-09"), multiAgencyForum: nil, by: fixture.viewer)
        let january = try fixture.quoratePanel(on: "2026-01-20")
        try fixture.workflow.recordDecision(panel: january, case: first, PanelDecisionInput(decision: .review, reviewOn: date("2026-03-17")),
                                            by: fixture.viewer)
        let march = try fixture.quoratePanel(on: "2026-03-17")
        let agenda = try fixture.workflow.panel(march, by: fixture.viewer).agenda
        let items = agenda.map { "\($0.caseRef) \($0.item) \($0.slot)" }
        // CH1's first assessment was decided on in January, so only its review is due.
        #expect(Set(items) == ["\(second) new_assessment 10:00", "\(second) nrm 10:00", "\(first) review 10:20"], "\(items)")
    }

    @Test func aPanelThatIsNotQuorateCannotRecordDecisions() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(ceCase, on: "2026-03-09")
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: fixture.viewer)
        try fixture.workflow.buildAgenda(panel: panel, by: fixture.viewer)
        // Four agencies, but no children's services, and one attendee has not signed.
        let quoracy = try fixture.workflow.recordAttendance(panel: panel, [
            Attendee(name: "P", agency: "police", signedConfidentiality: true),
            Attendee(name: "H", agency: "health", signedConfidentiality: true),
            Attendee(name: "E", agency: "education", signedConfidentiality: true),
            Attendee(name: "Y", agency: "youth_justice", signedConfidentiality: true),
            Attendee(name: "S", agency: "childrens_services", signedConfidentiality: false),
        ], by: fixture.viewer)
        #expect(!quoracy.isQuorate)
        #expect(quoracy.shortfalls.contains("no one from childrens_services is present"))
        let audit = try fixture.auditCount()
        let error = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review), by: fixture.viewer)
        }
        #expect(error.message.contains("not quorate"))
        #expect(try fixture.auditCount() == audit)
        // Once the statement is signed the panel is quorate and may decide.
        let now = try fixture.workflow.recordAttendance(panel: panel, [Attendee(name: "S", agency: "childrens_services", signedConfidentiality: true)],
                                                        by: fixture.viewer)
        #expect(now.isQuorate)
        let effects = try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review), by: fixture.viewer)
        // 12 weeks after 24 March 2026.
        #expect(effects == ["review on 2026-06-16"])
    }

    @Test func theQuorumIsAPartnershipSetting() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["quorum": .object(["minimumAgencies": .number("2"), "requiredAgencies": .array(["police"])])],
                                            for: "E08000012", by: fixture.viewer)
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: fixture.viewer)
        let quoracy = try fixture.workflow.recordAttendance(panel: panel, [
            Attendee(name: "P", agency: "police", signedConfidentiality: true),
            Attendee(name: "H", agency: "health", signedConfidentiality: true),
        ], by: fixture.viewer)
        #expect(quoracy.isQuorate)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.updateSettings(["quorum": .object(["minimumAgencies": .number("0")])], for: "E08000012", by: fixture.viewer)
        }
    }

    @Test func aReviewBeyondTwelveWeeksNeedsAReasonAndNeverGoesBeyondSixMonths() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, panel) = try fixture.caseOnMarchPanel()
        let noReason = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review, reviewOn: date("2026-06-17")),
                                                by: fixture.viewer)
        }
        #expect(noReason.field == "reason")
        let tooLate = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(
                decision: .review, reviewOn: date("2026-09-25"), reason: "the child is in custody"), by: fixture.viewer)
        }
        #expect(tooLate.field == "review_on")
        let past = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review, reviewOn: date("2026-03-20")),
                                                by: fixture.viewer)
        }
        #expect(past.field == "review_on")
        // Six months exactly, with a reason, is allowed; so is an earlier date without one.
        let effects = try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(
            decision: .review, reviewOn: date("2026-09-24"), reason: "the child is in custody"), by: fixture.viewer)
        #expect(effects == ["review on 2026-09-24"])
        _ = try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review, reviewOn: date("2026-05-05")),
                                                by: fixture.viewer)
    }

    @Test func decisionsNeedTheCaseOnTheAgendaAndClosuresAndEscalationsNeedReasons() throws {
        let fixture = try WorkflowFixture()
        let (_, onAgenda) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(onAgenda, on: "2026-03-09")
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        let (_, notOnAgenda) = try fixture.openCase(child: "CH2", received: "2026-03-23")
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordDecision(panel: panel, case: notOnAgenda, PanelDecisionInput(decision: .review), by: fixture.viewer)
        }
        for kind in [PanelDecisionKind.escalate, .closedUnableToEngage] {
            let error = try #require(throws: WorkflowError.self) {
                try fixture.workflow.recordDecision(panel: panel, case: onAgenda, PanelDecisionInput(decision: kind), by: fixture.viewer)
            }
            #expect(error.field == "reason")
        }
        _ = try fixture.workflow.recordDecision(panel: panel, case: onAgenda, PanelDecisionInput(decision: .escalate, reason: "no plan in place"),
                                                by: fixture.viewer)
        let effects = try fixture.workflow.recordDecision(panel: panel, case: onAgenda, PanelDecisionInput(
            decision: .closedUnableToEngage, reason: "family declined every contact"), by: fixture.viewer)
        #expect(effects.first == "case closed: unable_to_engage")
        let detail = try fixture.workflow.caseDetail(onAgenda, asOf: date("2026-06-01"), by: fixture.viewer)
        #expect(detail.status == "closed")
        #expect(detail.decisions.count == 2)
    }

    @Test func openActionsAreCarriedToTheNextPanelUntilDone() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let march = try fixture.quoratePanel(on: "2026-03-24")
        let (kept, _) = try fixture.workflow.addAction(at: .panel(march), ActionInput(
            text: "Arrange a return home interview", owner: "childrens_services", dueOn: date("2026-04-10"), caseRef: ceCase), by: fixture.viewer)
        let (done, _) = try fixture.workflow.addAction(at: .panel(march), ActionInput(
            text: "Share school attendance", owner: "education", dueOn: date("2026-04-01"), caseRef: ceCase), by: fixture.viewer)
        try fixture.workflow.updateAction(done, status: "done", on: date("2026-03-30"), note: "shared", by: fixture.viewer)
        let april = try fixture.quoratePanel(on: "2026-04-21")
        let carried = try fixture.workflow.panel(april, by: fixture.viewer).carriedActions
        #expect(carried.map(\.ref) == [kept])
        #expect(carried.first?.overdue == true)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.addAction(at: .panel(april), ActionInput(text: "x", owner: "nobody", dueOn: date("2026-05-01")), by: fixture.viewer)
        }
    }

    @Test func minutesAreStoredAsWrittenWithLanguageWarnings() throws {
        let fixture = try WorkflowFixture()
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        let minutes = "Case 1: professionals noted he is choosing this lifestyle.\nCase 2: plan agreed."
        let warnings = try fixture.workflow.recordMinutes(panel: panel, minutes, by: fixture.viewer)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 1)
        #expect(warnings.first?.suggestions.contains { $0.contains("being exploited") } == true)
        let stored = try fixture.workflow.panel(panel, by: fixture.viewer).minutes
        #expect(stored == minutes)
    }
}

extension PanelTests {
    @Test func aFamilyMemberDoesNotMakeAPanelQuorateAndRequiredAgenciesMustBePartners() throws {
        let fixture = try WorkflowFixture()
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: fixture.viewer)
        let quoracy = try fixture.workflow.recordAttendance(panel: panel, [
            Attendee(name: "P", agency: "police", signedConfidentiality: true),
            Attendee(name: "S", agency: "childrens_services", signedConfidentiality: true),
            Attendee(name: "H", agency: "health", signedConfidentiality: true),
            Attendee(name: "F", agency: "family", signedConfidentiality: true),
        ], by: fixture.viewer)
        #expect(!quoracy.isQuorate)
        #expect(quoracy.agencies == ["childrens_services", "health", "police"])
        let typo = try #require(throws: WorkflowError.self) {
            try fixture.workflow.updateSettings(["quorum": .object(["requiredAgencies": .array(["polise"])])], for: "E08000012", by: fixture.viewer)
        }
        #expect(typo.field == "quorum.requiredAgencies")
    }

    @Test func anAreasSettingsMergeIntoThePartnershipDefaultKeyByKey() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["quorum": .object(["requiredAgencies": .array(["police"])])], for: nil, by: fixture.viewer)
        let area = try fixture.workflow.updateSettings(["quorum": .object(["minimumAgencies": .number("3")])], for: "E08000012", by: fixture.viewer)
        #expect(area.quorum.minimumAgencies == 3)
        #expect(area.quorum.requiredAgencies == ["police"])
        #expect(try fixture.workflow.settings(for: "E08000015").quorum.minimumAgencies == 4)
    }

    @Test func theAgendaGoesToTheCoChairsAndTheStandingMembershipAndMustFitTheDay() throws {
        let fixture = try WorkflowFixture()
        _ = try fixture.quoratePanel(on: "2026-03-24")
        let april = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-04-21"), coChairs: ["DI chair", "Manager"], by: fixture.viewer)
        try fixture.workflow.sendAgenda(panel: april, on: date("2026-04-16"), by: fixture.viewer)
        let row = try #require(try fixture.store.auditEntries(limit: 1).first)
        #expect(row.operation == "disclosure")
        #expect(row.recipients == #"["DI chair","E","H","Manager","P","S"]"#)

        try fixture.workflow.updateSettings(["caseSlotMinutes": .number("600")], for: "E08000012", by: fixture.viewer)
        try fixture.openCase(child: "CH1", received: "2026-03-02")
        try fixture.openCase(child: "CH2", received: "2026-03-02")
        for ceCase in ["CASE-000001", "CASE-000002"] { _ = try fixture.assess(ceCase, on: "2026-03-09") }
        let long = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-05-12"), coChairs: ["A", "B"], by: fixture.viewer)
        let error = try #require(throws: WorkflowError.self) { try fixture.workflow.buildAgenda(panel: long, by: fixture.viewer) }
        #expect(error.message.contains("do not fit in the day"))
    }
}
