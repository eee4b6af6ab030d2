import GraphCore
import Testing
@testable import CaseWorkflow

/// Strategy meetings as records (seed 002 §16; seed 003: CE flags actioned at them).
struct StrategyMeetingTests {
    @Test func aMeetingKeepsWhoAttendedWhatItDecidedAndTheFlagsActionedAtIt() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let (ref, warnings) = try fixture.workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: ceCase, heldOn: date("2026-03-04"), section47: true,
            attendees: [Attendee(name: "DS A", agency: "police", signedConfidentiality: true),
                        Attendee(name: "B", agency: "childrens_services", signedConfidentiality: true)],
            decisions: [.jointVisit, .abeInterview], noConferenceReason: "A child in need plan is agreed",
            flags: [FlagChange(flag: "cce", owner: "police"), FlagChange(entity: "AD1", flag: "adult_of_concern", owner: "police")],
            note: "She is streetwise."), by: fixture.viewer)
        #expect(ref == "SM-000001")
        #expect(warnings.map(\.phrase) == ["Streetwise"])
        let detail = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-03-05"), by: fixture.viewer)
        #expect(detail.strategyMeetingOn == "2026-03-04")
        let meeting = try #require(detail.strategyMeetings.first)
        #expect(meeting.section47 && meeting.kind == .strategy)
        #expect(meeting.attendees.map(\.agency) == ["police", "childrens_services"])
        #expect(meeting.decisions == [.jointVisit, .abeInterview])
        #expect(meeting.flagsSet.map { "\($0.entity) \($0.flag)" } == ["CH1 cce", "AD1 adult_of_concern"])
        // The flags are real: the child's is set, reviewed with the standard interval.
        #expect(detail.flags.contains { $0.flag == "cce" && $0.setOn == "2026-03-04" })
        // A reader scoped to Liverpool sees the flag on the child, not the one on the adult.
        let liverpool = Viewer(name: "liverpool", purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000012"])))
        let scoped = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-03-05"), by: liverpool)
        #expect(scoped.strategyMeetings.first?.flagsSet.map(\.entity) == ["CH1"])
        // A second meeting keeps the case's first strategy-meeting day.
        try fixture.strategyMeeting(ceCase, on: "2026-03-20", kind: .initialCSE)
        let again = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-03-21"), by: fixture.viewer)
        #expect(again.strategyMeetingOn == "2026-03-04")
        #expect(again.strategyMeetings.map(\.kind) == [.strategy, .initialCSE])
    }

    @Test func aMeetingMustDecideAndSayWhyNoConferenceWasInitiated() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        func refused(_ input: StrategyMeetingInput) -> String? {
            do {
                try fixture.workflow.recordStrategyMeeting(input, by: fixture.viewer)
                return nil
            } catch let error as WorkflowError {
                return error.field
            } catch {
                return "\(error)"
            }
        }
        let before = try fixture.auditCount()
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-04"), decisions: [])) == "decisions")
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-04"), decisions: [.jointVisit])) == "no_conference_reason")
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-04"), decisions: [.jointVisit],
                                             noConferenceReason: "   ")) == "no_conference_reason")
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-04"),
                                             attendees: [Attendee(name: "X", agency: "nobody", signedConfidentiality: true)],
                                             decisions: [.childProtectionConference])) == "attendees")
        // A flag the child cannot carry, after a good one: nothing is written, not even that one.
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-04"), decisions: [.childProtectionConference],
                                             flags: [FlagChange(flag: "cse", owner: "police"),
                                                     FlagChange(flag: "adult_of_concern", owner: "police")])) == "flag")
        #expect(try fixture.auditCount() == before)
        #expect(try fixture.workflow.caseDetail(ceCase, asOf: date("2026-03-05"), by: fixture.viewer).flags.isEmpty)
        // Before the referral (received 2 March), there was nothing to meet about.
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-01"), decisions: [.childProtectionConference])) == "held_on")
        // With a conference, no reason is needed.
        #expect(refused(StrategyMeetingInput(caseRef: ceCase, heldOn: date("2026-03-04"), decisions: [.childProtectionConference])) == nil)
    }

    @Test func underLLRTheInitialCSEStrategyMeetingIsDueFifteenWorkingDaysAfterTheSection47One() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["framework": .string("llr")], for: "E08000012", by: fixture.viewer)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-04-01")
        // Thursday 2 April 2026; Good Friday and Easter Monday are not working days, so the
        // fifteenth working day after is Monday 27 April.
        try fixture.strategyMeeting(ceCase, on: "2026-04-02", section47: true)
        func item(on day: String) throws -> TimescaleItem? {
            try fixture.workflow.timescales(on: date(day), area: "E08000012", by: fixture.viewer)
                .first { $0.kind == "initial_strategy_meeting" }
        }
        #expect(try item(on: "2026-04-27") == nil, "due that day")
        let late = try #require(try item(on: "2026-04-28"))
        #expect(late.due == date("2026-04-27") && late.workingDaysLate == 1)
        try fixture.strategyMeeting(ceCase, on: "2026-04-28", kind: .initialCSE)
        #expect(try item(on: "2026-04-29") == nil)
        // Merseyside's protocol has no such meeting.
        let wirral = try WorkflowFixture()
        let (_, other) = try wirral.openCase(child: "CH1", received: "2026-04-01")
        try wirral.strategyMeeting(other, on: "2026-04-02", section47: true)
        #expect(try wirral.workflow.timescales(on: date("2026-05-28"), area: "E08000012", by: wirral.viewer)
            .contains { $0.kind == "initial_strategy_meeting" } == false)
    }
}
