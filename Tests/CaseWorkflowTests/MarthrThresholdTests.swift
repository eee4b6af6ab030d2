import GraphCore
import GraphQuery
import Testing
@testable import CaseWorkflow

/// MARTHR as the child's record runs over time (issue 20): "at risk" from the case and its
/// assessments to the closure that ends it; subjects under management never proposed again;
/// a partner's claim checked against the evidence.
struct MarthrThresholdTests {
    func candidates(_ fixture: WorkflowFixture, on day: String) throws -> [String] {
        try QueryEngine(store: fixture.store).marthr(filter: QueryFilter(), viewer: fixture.viewer, today: date(day))
            .json.objectValue?["candidates"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? []
    }

    /// Attendance, everyone signed: MARTHR's business waits for it.
    func attend(_ fixture: WorkflowFixture, _ meeting: String) throws {
        try fixture.workflow.recordMarthrAttendance(marthr: meeting, [
            Attendee(name: "DCI chair", agency: "police", signedConfidentiality: true),
            Attendee(name: "Service manager", agency: "childrens_services", signedConfidentiality: true),
        ], by: fixture.viewer)
    }

    @Test func atRiskFollowsTheChildsRecordFromCaseToClosure() throws {
        // CH1 has no risk level of its own: only its record makes AD1 a candidate.
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        let (ceCase, panel) = try fixture.caseOnMarchPanel()   // opened 2 March, assessed 9 March
        #expect(try !candidates(fixture, on: "2026-03-01").contains("AD1"), "before the case, the child was not at risk")
        #expect(try candidates(fixture, on: "2026-03-20").contains("AD1"))
        try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .remove), by: fixture.viewer)
        #expect(try !candidates(fixture, on: "2026-04-01").contains("AD1"), "closed as the risk reduced: no longer at risk")
        #expect(try candidates(fixture, on: "2026-03-20").contains("AD1"), "as of a day before the closure, still at risk then")
    }

    @Test func anAssessmentBelowTheThresholdEndsTheTimeAtRisk() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(ceCase, on: "2026-03-09", scaling: 3)
        _ = try fixture.assess(ceCase, on: "2026-05-04", scaling: 10, review: true)
        #expect(try candidates(fixture, on: "2026-04-01").contains("AD1"))
        #expect(try !candidates(fixture, on: "2026-05-05").contains("AD1"), "scaled 10: no longer believed at risk, though the case is open")
    }

    @Test func subjectsUnderManagementAreListedAndNeverProposedAgain() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
            #"{"record":"link","from":"AD2","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        _ = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let engine = QueryEngine(store: fixture.store)
        let april = try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "DCI chair", force: "merseyside", by: fixture.viewer)
        #expect(Set(try fixture.workflow.nominateFromQuery(marthr: april, engine: engine, top: 5, by: fixture.viewer)) == ["AD1", "AD2"])
        try attend(fixture, april)
        try fixture.workflow.decideNomination(marthr: april, subject: "AD1", accept: true, reason: "threshold 2", by: fixture.viewer)
        try fixture.workflow.decideNomination(marthr: april, subject: "AD2", accept: false, reason: "plans in place", by: fixture.viewer)
        let may = try fixture.workflow.scheduleMarthr(on: date("2026-05-18"), chair: "DCI chair", force: "merseyside", by: fixture.viewer)
        #expect(try fixture.workflow.nominateFromQuery(marthr: may, engine: engine, top: 5, by: fixture.viewer) == ["AD2"],
                "AD1 is under management; AD2 was declined, so may be proposed again")
        let answer = try engine.marthr(filter: QueryFilter(), viewer: fixture.viewer, today: date("2026-05-18")).json.objectValue ?? [:]
        let managed = try #require(answer["under_management"]?.arrayValue?.first?.objectValue)
        #expect(managed["id"]?.stringValue == "AD1")
        #expect(managed["since"]?.stringValue == "2026-04-20")
        #expect(managed["accepted_on"]?.stringValue == "2026-04-20")
        #expect(answer["candidates"]?.arrayValue?.contains { $0.objectValue?["id"]?.stringValue == "AD1" } == false)
    }

    @Test func aPartnersClaimIsCheckedAndTheChairOverridesWithAReason() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","first_seen":"2026-02-01"}"#,
        ])
        _ = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let engine = QueryEngine(store: fixture.store)
        let meeting = try fixture.workflow.scheduleMarthr(on: date("2026-04-20"), chair: "DCI chair", force: "merseyside", by: fixture.viewer)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.nominate(marthr: meeting, subject: "AD1", fromCase: nil, claims: [], reasons: ["known to youth services"],
                                          engine: engine, by: fixture.viewer)
        }
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.nominate(marthr: meeting, subject: "AD1", fromCase: nil, claims: [5], reasons: ["known to youth services"],
                                          engine: engine, by: fixture.viewer)
        }
        let confirmed = try fixture.workflow.nominate(marthr: meeting, subject: "AD1", fromCase: nil, claims: [2, 3],
                                                      reasons: ["seen with the child late at night"], engine: engine, by: fixture.viewer)
        #expect(confirmed == [2], "linked to a child at risk, but no intelligence suggests harm from AD1")
        try attend(fixture, meeting)
        let error = #expect(throws: WorkflowError.self) {
            try fixture.workflow.decideNomination(marthr: meeting, subject: "AD1", accept: true, reason: "partners agree", by: fixture.viewer)
        }
        #expect(error?.field == "override" && error?.message.contains("threshold 3") == true)
        try fixture.workflow.decideNomination(marthr: meeting, subject: "AD1", accept: true, reason: "partners agree",
                                              override: "health's information, not yet recorded as intelligence, suggests harm", by: fixture.viewer)
        let detail = try fixture.workflow.marthrMeeting(meeting, by: fixture.viewer).objectValue ?? [:]
        let nomination = try #require(detail["nominations"]?.arrayValue?.first?.objectValue)
        #expect(nomination["override_reason"]?.stringValue?.hasPrefix("health's") == true)
        #expect(nomination["evidence"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("2 linked to a child at risk") == true } == true)
    }
}
