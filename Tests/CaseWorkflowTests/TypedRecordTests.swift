import Foundation
import GraphCore
import GraphStore
import Testing
@testable import CaseWorkflow

/// The typed case and panel records against the JSON the workflow built from its rows
/// before they were typed (every column a key, `WorkflowJSON`): the API must not change.
struct TypedRecordTests {
    static let partner = Viewer(name: "liverpool", purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000012"])))

    @Test(arguments: [WorkflowFixture.viewer, partner])
    func casesAndPanelsEncodeToTheJSONTheirRowsGave(viewer: Viewer) throws {
        let fixture = try WorkflowFixture()
        let work = try fixture.everything()
        let typedCase = try JSONValue(encoding: fixture.workflow.caseDetail(work.case, asOf: date("2026-06-01"), by: viewer))
        let untypedCase = try fixture.store.reading { tx in try Self.untypedCase(work.case, asOf: date("2026-06-01"), for: viewer, in: tx) }
        #expect(typedCase == untypedCase)
        for panel in work.panels {
            let typed = try JSONValue(encoding: fixture.workflow.panel(panel, by: viewer))
            let untyped = try fixture.store.reading { tx in try Self.untypedPanel(panel, workflow: fixture.workflow, for: viewer, in: tx) }
            #expect(typed == untyped, "\(panel)")
        }
        let cases = try fixture.store.reading { tx in try tx.rows("case.list", ["area": .null, "status": .null]) }
        #expect(try JSONValue(encoding: fixture.workflow.listCases(area: nil, status: nil, by: viewer)) == WorkflowJSON.array(cases))
        let panels = try fixture.store.reading { tx in try tx.rows("panel.list", ["area": .null]) }
        #expect(try JSONValue(encoding: fixture.workflow.listPanels(area: nil, by: viewer)) == WorkflowJSON.array(panels))
    }

    @Test func aPartnerReadsTheFreeTextWithChildrenOutsideTheirNeedToKnowPseudonymised() throws {
        let fixture = try WorkflowFixture()
        let work = try fixture.everything()
        let shown = try JSONValue(encoding: fixture.workflow.caseDetail(work.case, asOf: date("2026-06-01"), by: Self.partner)).jsonText
            + (try work.panels.map { try JSONValue(encoding: fixture.workflow.panel($0, by: Self.partner)).jsonText }.joined())
        #expect(!shown.contains("Child Three") && shown.contains("Child 1"))
        let whole = try JSONValue(encoding: fixture.workflow.caseDetail(work.case, asOf: date("2026-06-01"), by: fixture.viewer)).jsonText
        #expect(whole.contains("Child Three"), "the police read it whole")
    }

    @Test func theRecordsDecodeFromTheirOwnJSON() throws {
        let fixture = try WorkflowFixture()
        let work = try fixture.everything()
        let detail = try fixture.workflow.caseDetail(work.case, asOf: date("2026-06-01"), by: fixture.viewer)
        #expect(try JSONDecoder().decode(CaseDetail.self, from: JSONEncoder().encode(detail)) == detail)
        for panel in work.panels {
            let record = try fixture.workflow.panel(panel, by: fixture.viewer)
            #expect(try JSONDecoder().decode(PanelDetail.self, from: JSONEncoder().encode(record)) == record)
        }
        let cases = try fixture.workflow.listCases(area: nil, status: nil, by: fixture.viewer)
        #expect(try JSONDecoder().decode([CaseSummary].self, from: JSONEncoder().encode(cases)) == cases)
        let panels = try fixture.workflow.listPanels(area: nil, by: fixture.viewer)
        #expect(try JSONDecoder().decode([PanelSummary].self, from: JSONEncoder().encode(panels)) == panels)
    }

    @Test func everyListOfTheGoldenRecordsHasRows() throws {
        let fixture = try WorkflowFixture()
        let work = try fixture.everything()
        let detail = try fixture.workflow.caseDetail(work.case, asOf: date("2026-06-01"), by: fixture.viewer)
        #expect(!detail.referrals.isEmpty && !detail.assessments.isEmpty && !detail.decisions.isEmpty && !detail.flags.isEmpty)
        #expect(!detail.nrm.isEmpty && !detail.actions.isEmpty && !detail.marthrFeedback.isEmpty)
        let april = try fixture.workflow.panel(work.panels[1], by: fixture.viewer)
        #expect(!april.attendees.isEmpty && !april.agenda.isEmpty && !april.decisions.isEmpty && !april.actions.isEmpty)
        #expect(!april.carriedActions.isEmpty && april.minutes != nil)
        #expect(try fixture.workflow.panel(work.panels[2], by: fixture.viewer).cancelledReason != nil)
    }

    // MARK: - The JSON as it was built before

    /// The case's JSON as `Workflow.caseDetail` built it from its rows before it was typed.
    static func untypedCase(_ ref: String, asOf date: CalendarDate, for viewer: Viewer, in tx: StoreTransaction) throws -> JSONValue {
        let ceCase = try #require(try tx.row("case.by_ref", ["ref": .text(ref)]))
        let id = ceCase["id"], child = ceCase["child_id"]
        var detail = WorkflowJSON.object(ceCase, dropping: ["id", "child_id", "referral_id"])
        detail["referrals"] = WorkflowJSON.array(try tx.rows("referral.for_child", ["child": child]))
        detail["assessments"] = WorkflowJSON.array(try tx.rows("assessment.for_case", ["case": id]))
        detail["decisions"] = WorkflowJSON.array(try tx.rows("panel.decisions_for_case", ["case": id]))
        detail["flags"] = WorkflowJSON.array(try tx.rows("flag.for_entity", ["entity": child, "on": StoredValue(date)]))
        detail["nrm"] = WorkflowJSON.array(try tx.rows("nrm.for_case", ["case": id]))
        detail["actions"] = WorkflowJSON.array(try tx.rows("action.for_case", ["case": id]))
        detail["marthr_feedback"] = WorkflowJSON.array(try tx.rows("marthr.feedback_for_case", ["case": id]))
        // Issue 18's lists, added since.
        detail["panel_minutes"] = WorkflowJSON.array(try tx.rows("panel.case_minutes_of_case", ["case": id]))
        detail["strategy_meetings"] = .array([])
        // Issue 19's lists and the day the child turns 18, added since.
        (detail["placements"], detail["missing_episodes"], detail["notifications"]) = (.array([]), .array([]), .array([]))
        detail["turns_18_on"] = ceCase.date("dob").map { .string($0.adding(months: 18 * 12).description) } ?? .null
        return try pseudonymised(.object(detail), for: viewer, in: tx)
    }

    /// The panel's JSON as `Workflow.panelDetail` built it from its rows before it was typed.
    static func untypedPanel(_ ref: String, workflow: Workflow, for viewer: Viewer, in tx: StoreTransaction) throws -> JSONValue {
        let meeting = try #require(try tx.row("panel.by_ref", ["ref": .text(ref)]))
        var detail = WorkflowJSON.object(meeting, dropping: ["id"])
        let quoracy = try workflow.quoracy(meeting, in: tx)
        detail["attendees"] = WorkflowJSON.array(try tx.rows("panel.attendees", ["meeting": meeting["id"]]))
        detail["quorate"] = .bool(quoracy.isQuorate)
        detail["quoracy_shortfalls"] = .array(quoracy.shortfalls.map { .string($0) })
        detail["agenda"] = WorkflowJSON.array(try tx.rows("panel.agenda", ["meeting": meeting["id"]]))
        detail["decisions"] = WorkflowJSON.array(try tx.rows("panel.decisions", ["meeting": meeting["id"]]), dropping: ["id"])
        detail["actions"] = WorkflowJSON.array(try tx.rows("action.for_meeting", ["panel": meeting["id"], "marthr": .null]))
        detail["carried_actions"] = WorkflowJSON.array(try tx.rows("action.carried", ["area": meeting["area"], "held": meeting["held_on"]]))
        // Issue 18's fields, added since: a yes-or-no as `quorate` is, and three lists (no
        // Merseyside level is kept from the panel, so nothing is "not for the panel").
        detail["minutes_inquorate"] = .bool(meeting.bool("minutes_inquorate") ?? false)
        detail["case_minutes"] = WorkflowJSON.array(try tx.rows("panel.case_minutes_of_panel", ["meeting": meeting["id"]]))
        detail["perpetrator_referrals"] = WorkflowJSON.array(try tx.rows("panel.perpetrator_referrals", ["meeting": meeting["id"]]))
        detail["not_for_panel"] = .array([])
        return try pseudonymised(.object(detail), for: viewer, in: tx)
    }

    static func pseudonymised(_ json: JSONValue, for viewer: Viewer, in tx: StoreTransaction) throws -> JSONValue {
        guard let pseudonyms = try tx.pseudonymiser(for: viewer.access) else { return json }
        return pseudonyms.apply(json, keys: Workflow.freeTextKeys)
    }
}

extension WorkflowFixture {
    /// A case with something in every list of its record, and three Liverpool panels: March
    /// (its decision, flag and actions), April (attendance with someone unsigned, the case
    /// back for MARTHR's feedback, minutes, actions carried from March) and one cancelled.
    /// Every piece of free text names CH3, a Wirral child, for the pseudonyms.
    func everything() throws -> (case: String, panels: [String]) {
        let (_, ceCase) = try openCase(child: "CH1", received: "2026-03-02")
        _ = try assess(ceCase, on: "2026-03-09")
        try workflow.recordNRM(case: ceCase, stage: .needsReferral, on: date("2026-03-09"), multiAgencyForum: nil,
                               note: "Child Three was named too", by: viewer)
        try workflow.recordNRM(case: ceCase, stage: .referred, on: date("2026-03-10"), multiAgencyForum: true, by: viewer)
        let march = try quoratePanel(on: "2026-03-24")
        _ = try workflow.recordDecision(panel: march, case: ceCase, PanelDecisionInput(
            decision: .review, reviewOn: date("2026-05-19"), note: "Seen with Child Three at the park",
            setFlags: [FlagChange(flag: "cce", owner: "police")]), by: viewer)
        _ = try workflow.addAction(at: .panel(march), ActionInput(
            text: "Ask the school about Child Three", owner: "education", dueOn: date("2026-04-10"), caseRef: ceCase, subject: "CH1"), by: viewer)
        _ = try workflow.addAction(at: .panel(march), ActionInput(
            text: "Map the park where Child Three was seen", owner: "police", dueOn: date("2026-04-30")), by: viewer)
        let (done, _) = try workflow.addAction(at: .panel(march), ActionInput(
            text: "Share attendance", owner: "health", dueOn: date("2026-04-01"), caseRef: ceCase), by: viewer)
        try workflow.updateAction(done, status: "done", on: date("2026-03-30"), note: "Shared; Child Three's too", by: viewer)
        let marthr = try workflow.scheduleMarthr(on: date("2026-04-14"), chair: "DCI chair", force: "merseyside", by: viewer)
        try signedAttendance(marthr)
        _ = try workflow.feedbackToPanel(marthr: marthr, case: ceCase, text: "CAWN served; Child Three was there", by: viewer)
        let april = try quoratePanel(on: "2026-04-21")
        try workflow.recordAttendance(panel: april, [Attendee(name: "V", agency: "health", signedConfidentiality: false)], by: viewer)
        try workflow.recordMinutes(panel: april, "Child Three and Child One were discussed.", by: viewer)
        _ = try workflow.recordDecision(panel: april, case: ceCase, PanelDecisionInput(
            decision: .escalate, reason: "Child Three is still in contact"), by: viewer)
        _ = try workflow.addAction(at: .panel(april), ActionInput(
            text: "Visit Child One", owner: "childrens_services", dueOn: date("2026-05-01"), caseRef: ceCase), by: viewer)
        let cancelled = try workflow.schedulePanel(area: "E08000012", on: date("2026-05-26"), coChairs: ["A", "B"], by: viewer)
        try workflow.cancelPanel(cancelled, reason: "The chair is with Child Three's family", on: date("2026-05-20"), by: viewer)
        return (ceCase, [march, april, cancelled])
    }
}
