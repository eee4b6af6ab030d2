import GraphCore
import GraphQuery
import Testing
@testable import CaseWorkflow

/// A MARTHR meeting's own record: attendance and the confidentiality agreement, which every
/// piece of business waits for; the minutes, a subject's notes and the chair's approval.
struct MarthrBusinessTests {
    @Test func noBusinessUntilThoseWhoAttendHaveSignedTheConfidentialityAgreement() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let meeting = try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "DCI Chair", force: "merseyside", by: fixture.viewer)
        try fixture.workflow.nominate(marthr: meeting, subject: "AD1", fromCase: ceCase, claims: [2], reasons: ["linked to the child"],
                                      engine: QueryEngine(store: fixture.store), by: fixture.viewer)
        let decide = { try fixture.workflow.decideNomination(marthr: meeting, subject: "AD1", accept: true, reason: "criterion 2", by: fixture.viewer) }
        let action = {
            _ = try fixture.workflow.addAction(at: .marthr(meeting), ActionInput(text: "Licensing visit", owner: "licensing",
                                                                                 dueOn: date("2026-05-01"), subject: "LO1", category: .withPartners),
                                               by: fixture.viewer)
        }
        let minutes = { _ = try fixture.workflow.recordMarthrMinutes(marthr: meeting, "Minutes.", on: date("2026-04-20"), by: fixture.viewer) }
        let feedback = { _ = try fixture.workflow.feedbackToPanel(marthr: meeting, case: ceCase, text: "Notice agreed.", by: fixture.viewer) }

        // No attendance recorded: nothing may be recorded, and the error says what to do.
        for business in [decide, action, minutes, feedback] {
            let error = try #require(throws: WorkflowError.self) { try business() }
            #expect(error.field == "attendees" && error.message.contains("no attendance is recorded"), "\(error)")
        }
        // Someone present has not signed: the error names them.
        let unsigned = try fixture.workflow.recordMarthrAttendance(marthr: meeting, [
            Attendee(name: "DCI Chair", agency: "police", signedConfidentiality: true),
            Attendee(name: "Sam Visitor", agency: "housing", signedConfidentiality: false),
            Attendee(name: "Jo Officer", agency: "licensing", signedConfidentiality: false),
        ], by: fixture.viewer)
        #expect(unsigned == ["Sam Visitor", "Jo Officer"] || unsigned == ["Jo Officer", "Sam Visitor"])
        for business in [decide, action, minutes, feedback] {
            let error = try #require(throws: WorkflowError.self) { try business() }
            #expect(error.message.contains("Sam Visitor (housing)") && error.message.contains("Jo Officer (licensing)"), "\(error)")
            #expect(error.message.contains("have not signed the confidentiality agreement"), "\(error)")
        }
        // Nothing was kept.
        let refused = try fixture.workflow.marthrMeeting(meeting, by: fixture.viewer).objectValue ?? [:]
        #expect(refused["actions"]?.arrayValue?.isEmpty == true && refused["minutes"] == .null && refused["status"] == "scheduled")
        #expect(refused["unsigned"]?.arrayValue?.count == 2)

        // Signed (a correction, as for a panel): business goes ahead.
        try fixture.workflow.recordMarthrAttendance(marthr: meeting, [
            Attendee(name: "Sam Visitor", agency: "housing", signedConfidentiality: true),
            Attendee(name: "Jo Officer", agency: "licensing", signedConfidentiality: true),
        ], by: fixture.viewer)
        for business in [decide, action, minutes, feedback] { try business() }
        let held = try fixture.workflow.marthrMeeting(meeting, by: fixture.viewer).objectValue ?? [:]
        #expect(held["status"] == "held" && held["unsigned"]?.arrayValue?.isEmpty == true)
        #expect(held["attendees"]?.arrayValue?.count == 3)
        #expect(held["feedback"]?.arrayValue?.first?.objectValue?["case_ref"]?.stringValue == ceCase)
    }

    @Test func theMinutesASubjectsNotesAndTheChairsApproval() throws {
        let fixture = try WorkflowFixture()
        let meeting = try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "DCI Chair", force: "merseyside", by: fixture.viewer)
        try fixture.workflow.nominate(marthr: meeting, subject: "LO1", fromCase: nil, claims: [4], reasons: ["children found there"],
                                      engine: QueryEngine(store: fixture.store), by: fixture.viewer)
        try fixture.signedAttendance(meeting)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.approveMarthrMinutes(marthr: meeting, on: date("2026-04-21"), by: fixture.viewer)
        }
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordMarthrMinutes(marthr: meeting, "   ", on: date("2026-04-20"), by: fixture.viewer)
        }
        let error = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordMarthrMinutes(marthr: meeting, "Notes.", subject: "LO2", on: date("2026-04-20"), by: fixture.viewer)
        }
        #expect(error.field == "subject")
        let warnings = try fixture.workflow.recordMarthrMinutes(marthr: meeting, "Partners discussed the takeaway; children said to be "
                                                                + "putting themselves at risk there.", on: date("2026-04-20"), by: fixture.viewer)
        #expect(!warnings.isEmpty, "child-first language is checked")
        try fixture.workflow.recordMarthrMinutes(marthr: meeting, "Licensing to visit.", subject: "LO1", on: date("2026-04-20"), by: fixture.viewer)
        try fixture.workflow.recordMarthrMinutes(marthr: meeting, "Licensing and police to visit.", subject: "LO1", on: date("2026-04-20"),
                                                 by: fixture.viewer)
        // Only a MARTHR chair approves; the command line may.
        let coordinator = Viewer(name: "coordinator", purpose: "test", access: Access(role: .ccsetCoordinator, scope: .wholePicture))
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.approveMarthrMinutes(marthr: meeting, on: date("2026-04-21"), by: coordinator)
        }
        try fixture.workflow.approveMarthrMinutes(marthr: meeting, on: date("2026-04-21"), by: fixture.viewer)
        let approved = try #require(throws: WorkflowError.self) {
            try fixture.workflow.approveMarthrMinutes(marthr: meeting, on: date("2026-04-22"), by: fixture.viewer)
        }
        #expect(approved.kind == .conflict)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordMarthrMinutes(marthr: meeting, "Changed after approval.", on: date("2026-04-22"), by: fixture.viewer)
        }
        let detail = try fixture.workflow.marthrMeeting(meeting, by: fixture.viewer).objectValue ?? [:]
        #expect(detail["minutes_approved_on"] == "2026-04-21" && detail["minutes_approved_by"] == .string(fixture.viewer.name))
        let notes = detail["subject_minutes"]?.arrayValue ?? []
        #expect(notes.count == 1 && notes.first?.objectValue?["text"] == "Licensing and police to visit.")
    }
}
