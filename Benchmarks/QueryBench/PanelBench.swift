// The panel benchmark (issue 18): a MACCSE panel of N cases on a real picture. Opens cases
// for N children of the authority with the most, records a Merseyside assessment and a
// strategy meeting for each, schedules a quorate panel, then times building its agenda,
// reading the authority's main list, the panel's record and its cross-border and trends
// section (each the median of `runs`, in process).
import Foundation
import CaseWorkflow
import GraphCore
import GraphQuery
import GraphStore

/// Sets up the panel on the store at `path` (written to: give it a copy) and returns a JSON
/// object of timings in milliseconds.
func panelBenchmark(path: String, cases: Int, runs: Int) throws -> JSONValue {
    let store = try Store.open(path: path)
    let workflow = try Workflow(store: store)
    let viewer = Viewer.commandLine(name: "panel-bench", purpose: "panel benchmark")
    let engine = QueryEngine(store: store)
    var setup = Date()
    let (area, children, panel) = try benchPanel(cases: cases, workflow: workflow, engine: engine, viewer: viewer)
    let setupSeconds = Date().timeIntervalSince(setup)
    func median(_ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            setup = Date()
            try body()
            times.append(Date().timeIntervalSince(setup) * 1000)
        }
        return times.sorted()[times.count / 2]
    }
    var agendaItems = 0
    let agenda = try median { agendaItems = try workflow.buildAgenda(panel: panel, by: viewer).agenda.count }
    var listed = 0
    let mainList = try median { listed = try workflow.mainList(area: area, by: viewer).count }
    let read = try median { _ = try workflow.panel(panel, by: viewer) }
    // The trends section scans every link the viewer may see (the first run reloads the
    // snapshot after the cases were written; the median leaves it out).
    let trends = try median { _ = try workflow.panelTrends(panel: panel, engine: engine, by: viewer) }
    log("panel of \(agendaItems) agenda items in \(area): agenda \(String(format: "%.1f", agenda)) ms, "
        + "main list of \(listed) \(String(format: "%.1f", mainList)) ms, panel read \(String(format: "%.1f", read)) ms, "
        + "trends \(String(format: "%.1f", trends)) ms "
        + "(medians of \(runs); setup of the cases \(String(format: "%.1f", setupSeconds)) s)")
    return .object([
        "area": .string(area), "cases": .number(String(children.count)), "agenda_items": .number(String(agendaItems)),
        "main_list_rows": .number(String(listed)), "runs": .number(String(runs)),
        "agenda_ms": .number(String(format: "%.2f", agenda)), "main_list_ms": .number(String(format: "%.2f", mainList)),
        "panel_read_ms": .number(String(format: "%.2f", read)), "trends_ms": .number(String(format: "%.2f", trends)),
    ])
}

/// Opens cases for `cases` children of the authority with the most children in the picture
/// (a referral, the case, a strategy meeting and a Merseyside assessment each) and schedules
/// a quorate panel a week ahead, its agenda not yet built: the panel and pack benchmarks' set-up.
func benchPanel(cases: Int, workflow: Workflow, engine: QueryEngine, viewer: Viewer) throws -> (area: String, children: [String], panel: String) {
    // The authority with the most children, and its first `cases` children, from the snapshot.
    let snapshot = try engine.snapshot()
    var byArea: [String: [String]] = [:]
    for entity in 0..<Int32(snapshot.entityCount) where snapshot.kind(entity) == .child {
        guard let home = snapshot.area(of: entity), !home.isForce else { continue }
        byArea[home.code, default: []].append(snapshot.ref(entity))
    }
    guard let (area, all) = byArea.max(by: { $0.value.count < $1.value.count }) else {
        throw StoreError("panel benchmark", "the picture has no children in a local authority", kind: .input)
    }
    let children = Array(all.prefix(cases))
    let today = CalendarDate.today
    for (index, child) in children.enumerated() {
        let received = today.adding(days: -40 - index % 20)
        let referral = try workflow.recordReferral(ReferralInput(
            child: child, receivedOn: received, referrer: "Duty worker", agency: "education", concern: index % 3 == 0 ? .cse : .cce,
            outcome: .section47, screenedOn: received), by: viewer)
        let ceCase = try workflow.openCase(referral: referral.ref, on: received, by: viewer)
        try workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: ceCase, heldOn: received.adding(days: 2), decisions: [.jointVisit], noConferenceReason: "Child in need plan"), by: viewer)
        _ = try workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: received.adding(days: 7), concern: .cce, agencies: ["police", "childrens_services"],
            answers: ["professionals_involved": "Social worker", "referral_reason": "criminal", "scaling": .number(String(1 + index % 9)),
                      "harm_statement": "may_be_experiencing_harm", "imminent_risk": .bool(false)],
            grading: Grading("2B P")!), by: viewer)
    }
    let panel = try workflow.schedulePanel(area: area, on: today.adding(days: 7), coChairs: ["A", "B"], by: viewer)
    try workflow.recordAttendance(panel: panel, ["police", "childrens_services", "health", "education"].map {
        Attendee(name: "Bench \($0)", agency: $0, signedConfidentiality: true)
    }, by: viewer)
    return (area, children, panel)
}
