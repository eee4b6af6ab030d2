import GraphCore
import GraphQuery
import Testing
@testable import CaseWorkflow

struct MarthrMeetingTests {
    @Test func anOpenMACCSECaseMakesTheChildAtRiskForMARTHR() throws {
        // CH3 has no risk level recorded: only its open case can make AD2 a candidate.
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD2","to":"CH3","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        let engine = QueryEngine(store: fixture.store)
        func candidates() throws -> [String] {
            try engine.marthr(filter: QueryFilter(), viewer: fixture.viewer, today: date("2026-04-01"))
                .json.objectValue?["candidates"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? []
        }
        #expect(try !candidates().contains("AD2"))
        try fixture.openCase(child: "CH3", received: "2026-03-02")
        #expect(try candidates().contains("AD2"))
    }

    @Test func nominationsDecisionsActionsDisruptionsAndFeedback() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let meeting = try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "DCI chair", force: "merseyside", by: fixture.viewer)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "DCI chair", force: "E08000012", by: fixture.viewer)
        }
        let engine = QueryEngine(store: fixture.store)
        try fixture.signedAttendance(meeting)
        let nominated = try fixture.workflow.nominateFromQuery(marthr: meeting, engine: engine, top: 5, by: fixture.viewer)
        #expect(nominated.contains("AD1"))
        // Nominating again leaves the first nomination as it is.
        #expect(try fixture.workflow.nominateFromQuery(marthr: meeting, engine: engine, top: 5, by: fixture.viewer).isEmpty)
        try fixture.workflow.nominate(marthr: meeting, subject: "LO1", fromCase: ceCase, claims: [4], reasons: ["children found there after missing episodes"], engine: engine,
                                      by: fixture.viewer)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.decideNomination(marthr: meeting, subject: "AD1", accept: true, reason: " ", by: fixture.viewer)
        }
        try fixture.workflow.decideNomination(marthr: meeting, subject: "AD1", accept: true, reason: "criterion 2", by: fixture.viewer)
        try fixture.workflow.decideNomination(marthr: meeting, subject: "LO1", accept: false, reason: "no current intelligence", by: fixture.viewer)
        let detail = try fixture.workflow.marthrMeeting(meeting, by: fixture.viewer).objectValue ?? [:]
        let nominations = detail["nominations"]?.arrayValue?.compactMap { $0.objectValue } ?? []
        let ad1 = try #require(nominations.first { $0["subject_ref"]?.stringValue == "AD1" })
        #expect(ad1["status"]?.stringValue == "accepted")
        #expect(ad1["criteria"]?.arrayValue?.contains(.number("2")) == true)
        #expect(ad1["evidence"]?.arrayValue?.isEmpty == false)

        // A MARTHR action says which kind it is.
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.addAction(at: .marthr(meeting), ActionInput(text: "Visit", owner: "police", dueOn: date("2026-05-01"), subject: "AD1"),
                                           by: fixture.viewer)
        }
        _ = try fixture.workflow.addAction(at: .marthr(meeting), ActionInput(
            text: "Licensing visit to the takeaway", owner: "licensing", dueOn: date("2026-05-01"), subject: "LO1", category: .withPartners),
                                           by: fixture.viewer)

        // The disruption register: a CAWN names the child it protects.
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: date("2026-04-22")), by: fixture.viewer)
        }
        let cawn = try fixture.workflow.recordDisruption(DisruptionInput(
            subject: "AD1", tool: .cawn, servedOn: date("2026-04-22"), expiresOn: date("2028-04-21"), child: "CH1", meeting: meeting),
                                                         by: fixture.viewer)
        try fixture.workflow.recordDisruptionOutcome(cawn, outcome: "served in person; no breach", by: fixture.viewer)
        let register = try fixture.workflow.disruptionRegister(DisruptionFilter(), asOf: date("2028-04-22"), by: fixture.viewer)
        #expect(register.disruptions.first?.inForce == false)
        #expect(try JSONValue(encoding: register).objectValue?["disruptions"]?.arrayValue?.first?.objectValue?["in_force"] == .number("0"))
        #expect(try fixture.workflow.disruptionRegister(DisruptionFilter(subject: "AD1"), asOf: date("2027-01-01"), by: fixture.viewer)
            .disruptions.first?.inForce == true)

        // Feedback to MACCSE joins the case's next panel agenda.
        _ = try fixture.workflow.feedbackToPanel(marthr: meeting, case: ceCase, text: "CAWN served on the adult linked to the child.",
                                                 by: fixture.viewer)
        let panel = try fixture.quoratePanel(on: "2026-05-12")
        let agenda = try fixture.workflow.panel(panel, by: fixture.viewer).agenda
        #expect(agenda.contains { $0.item == "marthr_feedback" })
        let feedback = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-06-01"), by: fixture.viewer).marthrFeedback.first
        #expect(feedback?.discussedAt == panel)
    }
}

extension MarthrMeetingTests {
    @Test func openMARTHRActionsAreCarriedToTheNextMeeting() throws {
        let fixture = try WorkflowFixture()
        let april = try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "Chair", force: "merseyside", by: fixture.viewer)
        try fixture.signedAttendance(april)
        let (open, _) = try fixture.workflow.addAction(at: .marthr(april), ActionInput(
            text: "Gather ANPR sightings", owner: "police", dueOn: date("2026-05-01"), subject: "VE1", category: .gatherIntelligence), by: fixture.viewer)
        let (done, _) = try fixture.workflow.addAction(at: .marthr(april), ActionInput(
            text: "Licensing check", owner: "licensing", dueOn: date("2026-05-01"), subject: "LO1", category: .withPartners), by: fixture.viewer)
        try fixture.workflow.updateAction(done, status: "done", on: date("2026-04-30"), note: nil, by: fixture.viewer)
        let may = try fixture.workflow.scheduleMarthr(on: date("2026-05-18"), chair: "Chair", force: "merseyside", by: fixture.viewer)
        let carried = try fixture.workflow.marthrMeeting(may, by: fixture.viewer).objectValue?["carried_actions"]?.arrayValue ?? []
        #expect(carried.compactMap { $0.objectValue?["ref"]?.stringValue } == [open])
        #expect(carried.first?.objectValue?["from_meeting"]?.stringValue == april)

        // Done at the May meeting: May still shows it carried (done, on its day); June does not.
        try fixture.workflow.updateAction(open, status: "done", on: date("2026-05-18"), note: "sightings shared", by: fixture.viewer)
        let mayAgain = try fixture.workflow.marthrMeeting(may, by: fixture.viewer).objectValue?["carried_actions"]?.arrayValue ?? []
        #expect(mayAgain.first?.objectValue?["status"]?.stringValue == "done")
        let june = try fixture.workflow.scheduleMarthr(on: date("2026-06-15"), chair: "Chair", force: "merseyside", by: fixture.viewer)
        #expect(try fixture.workflow.marthrMeeting(june, by: fixture.viewer).objectValue?["carried_actions"]?.arrayValue?.isEmpty == true)
        // Another force's meeting carries none of Merseyside's actions.
        let (other, _) = try fixture.workflow.addAction(at: .marthr(april), ActionInput(
            text: "Check the garage", owner: "police", dueOn: date("2026-07-01"), subject: "LO2", category: .gatherIntelligence), by: fixture.viewer)
        let elsewhere = try fixture.workflow.scheduleMarthr(on: date("2026-06-16"), chair: "Chair", force: nil, by: fixture.viewer)
        #expect(try fixture.workflow.marthrMeeting(elsewhere, by: fixture.viewer).objectValue?["carried_actions"]?.arrayValue?.isEmpty == true)
        #expect(try fixture.workflow.marthrMeeting(june, by: fixture.viewer).objectValue?["carried_actions"]?.arrayValue?
            .compactMap { $0.objectValue?["ref"]?.stringValue } == [other])
    }
}

extension WorkflowFixture {
    /// Records the chair and a social care manager at a MARTHR meeting, both signed, so that
    /// it may record business.
    func signedAttendance(_ meeting: String) throws {
        try workflow.recordMarthrAttendance(marthr: meeting, [
            Attendee(name: "DCI Chair", agency: "police", signedConfidentiality: true),
            Attendee(name: "Service Manager", agency: "childrens_services", signedConfidentiality: true),
        ], by: viewer)
    }
}
