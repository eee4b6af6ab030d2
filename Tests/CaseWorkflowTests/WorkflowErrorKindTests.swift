import Testing
import GraphCore
import GraphStore
@testable import CaseWorkflow

/// Each workflow error says what kind it is where it is thrown: a reference that names
/// nothing, a change already made, or bad input.
struct WorkflowErrorKindTests {
    @Test func aReferenceThatNamesNothingIsNotFound() throws {
        let fixture = try WorkflowFixture()
        let noCase = #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordStrategyMeeting(StrategyMeetingInput(caseRef: "CASE-404404", heldOn: date("2026-03-02"), decisions: [.jointVisit], noConferenceReason: "Not needed"), by: fixture.viewer)
        }
        #expect(noCase?.kind == .notFound && noCase?.message == "no MACCSE case CASE-404404")
        let noReferral = #expect(throws: WorkflowError.self) {
            try fixture.workflow.screenReferral("REF-404404", outcome: .section47, on: date("2026-03-02"), by: fixture.viewer)
        }
        #expect(noReferral?.kind == .notFound)
        let noRecord = #expect(throws: WorkflowError.self) {
            try fixture.workflow.setFlag(on: "AD404", FlagChange(flag: "adult_of_concern", owner: "police"), on: date("2026-03-02"),
                                         review: nil, by: fixture.viewer)
        }
        #expect(noRecord?.kind == .notFound)
    }

    @Test func aChangeAlreadyMadeIsAConflict() throws {
        let fixture = try WorkflowFixture()
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: fixture.viewer)
        try fixture.workflow.cancelPanel(panel, reason: "Co-chairs unavailable", on: date("2026-03-20"), by: fixture.viewer)
        let again = #expect(throws: WorkflowError.self) {
            try fixture.workflow.cancelPanel(panel, reason: "twice", on: date("2026-03-20"), by: fixture.viewer)
        }
        #expect(again?.kind == .conflict)
        let flag = FlagChange(flag: "adult_of_concern", owner: "police")
        try fixture.workflow.setFlag(on: "AD1", flag, on: date("2026-03-02"), review: nil, by: fixture.viewer)
        let twice = #expect(throws: WorkflowError.self) {
            try fixture.workflow.setFlag(on: "AD1", flag, on: date("2026-03-03"), review: nil, by: fixture.viewer)
        }
        #expect(twice?.kind == .conflict)
    }

    @Test func wrongInputIsInput() throws {
        let fixture = try WorkflowFixture()
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: fixture.viewer)
        let noReason = #expect(throws: WorkflowError.self) {
            try fixture.workflow.cancelPanel(panel, reason: "  ", on: date("2026-03-20"), by: fixture.viewer)
        }
        #expect(noReason?.kind == .input && noReason?.field == "reason")
        #expect(WorkflowError("settings", "no setting named x", field: "x").kind == .input)
        #expect(WorkflowError("not valid bank holiday data", file: "bank_holidays.json").kind == .internal,
                "a broken shipped file is a fault of the build")
    }

    @Test func aCheckTheWorkflowDoesNotMakeFirstIsInputWithoutSQL() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.setFlag(on: "AD1", FlagChange(flag: "adult_of_concern", owner: "police"), on: date("2026-03-02"),
                                     review: nil, by: fixture.viewer)
        // Removing a flag before the day it was set breaks the flag table's CHECK, which no
        // Swift rule guards: the store's classification is what the user sees.
        let refused = #expect(throws: StoreError.self) {
            try fixture.workflow.removeFlags(on: "AD1", on: date("2026-03-01"), by: fixture.viewer)
        }
        #expect(refused?.kind == .input, "\(String(describing: refused?.diagnostic))")
        for word in ["CHECK", "UPDATE", "removed_on", "set_on", "flag.remove"] {
            #expect(refused?.description.contains(word) == false, "\(word) in \(String(describing: refused?.description))")
        }
        #expect(refused?.diagnostic.contains("flag.remove") == true, "the log names the statement")
    }
}
