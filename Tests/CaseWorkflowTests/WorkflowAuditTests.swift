import GraphCore
import GraphQuery
import GraphStore
import Testing
@testable import CaseWorkflow

struct WorkflowAuditTests {
    @Test func everyWriteAndReadOfPersonalDataLeavesOneAuditRow() throws {
        let fixture = try WorkflowFixture([#"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#])
        let workflow = fixture.workflow, viewer = fixture.viewer
        var steps: [(String, () throws -> Void)] = []
        var ceCase = "", panel = "", marthr = ""
        steps.append(("collection", { _ = try workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: date("2026-03-02"), referrer: "X", agency: "police", concern: .cce), by: viewer) }))
        steps.append(("alteration", { try workflow.screenReferral("REF-000001", outcome: .section47, on: date("2026-03-02"), by: viewer) }))
        steps.append(("collection", { ceCase = try workflow.openCase(referral: "REF-000001", on: date("2026-03-02"), by: viewer) }))
        steps.append(("collection", { try workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: ceCase, heldOn: date("2026-03-04"), decisions: [.childProtectionConference]), by: viewer) }))
        steps.append(("collection", { _ = try fixture.assess(ceCase, on: "2026-03-09") }))
        steps.append(("alteration", { try workflow.recordNRM(case: ceCase, stage: .referred, on: date("2026-03-09"), multiAgencyForum: true, by: viewer) }))
        steps.append(("collection", { panel = try workflow.schedulePanel(area: "E08000012", on: date("2026-03-24"), coChairs: ["A", "B"], by: viewer) }))
        steps.append(("combination", { try workflow.buildAgenda(panel: panel, by: viewer) }))
        steps.append(("collection", { try workflow.recordAttendance(panel: panel, [
            Attendee(name: "P", agency: "police", signedConfidentiality: true), Attendee(name: "S", agency: "childrens_services", signedConfidentiality: true),
            Attendee(name: "H", agency: "health", signedConfidentiality: true), Attendee(name: "E", agency: "education", signedConfidentiality: true),
        ], by: viewer) }))
        steps.append(("disclosure", { try workflow.sendAgenda(panel: panel, on: date("2026-03-20"), by: viewer) }))
        steps.append(("alteration", { _ = try workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(
            decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police")]), by: viewer) }))
        steps.append(("collection", { _ = try workflow.recordMinutes(panel: panel, "Plan agreed.", by: viewer) }))
        steps.append(("collection", { _ = try workflow.addAction(at: .panel(panel), ActionInput(
            text: "Visit", owner: "police", dueOn: date("2026-04-01"), caseRef: ceCase), by: viewer) }))
        steps.append(("alteration", { try workflow.updateAction("ACT-000001", status: "done", on: date("2026-03-30"), note: nil, by: viewer) }))
        steps.append(("collection", { marthr = try workflow.scheduleMarthr(on: date("2026-04-20"), chair: "Chair", force: nil, by: viewer) }))
        steps.append(("collection", { try workflow.nominate(marthr: marthr, subject: "AD1", fromCase: ceCase, claims: [2], reasons: ["linked to the child"], engine: QueryEngine(store: workflow.store), by: viewer) }))
        steps.append(("collection", { try workflow.recordMarthrAttendance(marthr: marthr, [
            Attendee(name: "Chair", agency: "police", signedConfidentiality: true)], by: viewer) }))
        steps.append(("alteration", { try workflow.decideNomination(marthr: marthr, subject: "AD1", accept: true, reason: "criterion 2", by: viewer) }))
        steps.append(("collection", { _ = try workflow.recordMarthrMinutes(marthr: marthr, "Agreed a notice.", on: date("2026-04-20"), by: viewer) }))
        steps.append(("alteration", { try workflow.approveMarthrMinutes(marthr: marthr, on: date("2026-04-21"), by: viewer) }))
        steps.append(("collection", { _ = try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cceWarningNotice,
                                                                                       servedOn: date("2026-04-22")), by: viewer) }))
        steps.append(("collection", { _ = try workflow.draftDisruption(DisruptionInput(subject: "AD1", tool: .cceWarningNotice),
                                                                      on: date("2026-04-22"), by: viewer) }))
        steps.append(("alteration", { try workflow.approveDisruption("DISR-000002", approver: "C Insp", role: "Chief Inspector",
                                                                     on: date("2026-04-23"), by: viewer) }))
        steps.append(("alteration", { try workflow.serveDisruption("DISR-000002", on: date("2026-04-24"), expires: nil, by: viewer) }))
        steps.append(("collection", { try workflow.recordBreach("DISR-000002", BreachInput(breachedOn: date("2026-04-25"), record: "OCC-1",
                                                                                          note: "Seen at the address"), today: date("2026-04-26"), by: viewer) }))
        steps.append(("alteration", { _ = try workflow.renewDisruption("DISR-000002", expires: date("2027-04-24"), asNewNotice: false,
                                                                       on: date("2026-04-26"), by: viewer) }))
        steps.append(("alteration", { try workflow.endDisruption("DISR-000002", outcome: "Subject charged", on: date("2026-04-27"), by: viewer) }))
        steps.append(("consultation", { _ = try workflow.disruptionRegister(DisruptionFilter(), asOf: date("2026-04-27"), by: viewer) }))
        steps.append(("consultation", { _ = try workflow.disruption("DISR-000002", asOf: date("2026-04-27"), by: viewer) }))
        steps.append(("collection", { _ = try workflow.feedbackToPanel(marthr: marthr, case: ceCase, text: "Notice served.", by: viewer) }))
        steps.append(("alteration", { _ = try workflow.setFlag(on: "LO1", FlagChange(flag: "location_of_concern", owner: "police"),
                                                               on: date("2026-03-02"), review: nil, by: viewer) }))
        steps.append(("combination", { _ = try workflow.scanAlerts(engine: QueryEngine(store: fixture.store), on: CalendarDate.today, by: viewer) }))
        steps.append(("consultation", { _ = try workflow.caseDetail(ceCase, asOf: date("2026-06-01"), by: viewer) }))
        steps.append(("consultation", { _ = try workflow.panel(panel, by: viewer) }))
        steps.append(("consultation", { _ = try workflow.marthrMeeting(marthr, by: viewer) }))
        steps.append(("consultation", { _ = try workflow.timescales(on: date("2026-04-01"), area: nil, by: viewer) }))
        steps.append(("consultation", { _ = try workflow.quarterlyReport(area: "E08000012", quarter: "2026Q1", by: viewer) }))
        steps.append(("alteration", { try workflow.updateSettings(["reviewWeeks": .number("10")], for: nil, by: viewer) }))
        for (operation, step) in steps {
            let before = try fixture.store.auditEntries(limit: 1_000_000)
            try step()
            let after = try fixture.store.auditEntries(limit: 1_000_000)
            #expect(after.count == before.count + 1, "\(operation)")
            let newest = try #require(after.max { $0.seq < $1.seq })
            #expect(newest.operation == operation, "\(newest.records)")
            #expect(newest.actor == viewer.name)
            #expect(newest.records.contains("\"workflow\""), "\(newest.records)")
        }
        #expect(try fixture.store.verifyAuditLog().isIntact)
    }

    @Test func aRefusedWriteLeavesNoAuditRowAndNoData() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let before = try fixture.auditCount()
        let version = try fixture.store.dataVersion()
        #expect(throws: (any Error).self) {
            try fixture.assess(ceCase, on: "2026-03-09", graph: [["record": "link", "from": "CH1", "to": "NOWHERE", "kind": "frequents"]])
        }
        #expect(try fixture.auditCount() == before)
        #expect(try fixture.store.dataVersion() == version)
    }
}
