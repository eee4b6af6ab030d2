// The journey benchmark (issue 19): on a real picture, opens MACCSE cases for N children
// spread over every authority, records a missing episode for every third (found where they
// were last seen, when that is a place), then times the alert scan with the notification pass
// in one transaction (`scanAlertsAndNotify`), and the pass alone: the first run of each (all
// the picture's links are new to a first scan; every duty is raised), the median of later
// scans with nothing new (a day's scan in the steady state), and of scans again from today
// (every link new again, every alert raised already). Target: under 2 s together.
import Foundation
import CaseWorkflow
import GraphCore
import GraphQuery
import GraphStore

/// Sets up the cases on the store at `path` (written to: give it a copy) and returns a JSON
/// object of timings in milliseconds.
func journeyBenchmark(path: String, cases: Int, runs: Int) throws -> JSONValue {
    let store = try Store.open(path: path)
    let workflow = try Workflow(store: store)
    let viewer = Viewer.commandLine(name: "journey-bench", purpose: "journey benchmark")
    let engine = QueryEngine(store: store)
    let snapshot = try engine.snapshot()
    let view = snapshot.view()
    // Every `step`-th child with a local authority, so that the cases spread over the picture.
    let children = (0..<Int32(snapshot.entityCount)).filter { snapshot.kind($0) == .child && snapshot.area(of: $0)?.isForce == false }
    let step = max(1, children.count / max(1, cases))
    let chosen = stride(from: 0, to: children.count, by: step).prefix(cases).map { children[$0] }
    let today = CalendarDate.today
    var clock = Date()
    var places = 0
    for (index, child) in chosen.enumerated() {
        let ref = snapshot.ref(child)
        let received = today.adding(days: -30 - index % 20)
        let referral = try workflow.recordReferral(ReferralInput(
            child: ref, receivedOn: received, referrer: "Duty worker", agency: "education", concern: .cce,
            outcome: .section47, screenedOn: received), by: viewer)
        // A child with a case open already (a picture with case work) keeps theirs.
        guard (try? workflow.openCase(referral: referral.ref, on: received, by: viewer)) != nil, index % 3 == 0 else { continue }
        // A place the child is linked to, if any, is where they are found.
        let place = view.neighbourhood(of: child, hops: 1).entities.first { snapshot.kind($0) == .location }.map(snapshot.ref)
        if place != nil { places += 1 }
        try workflow.recordMissing(MissingInput(child: ref, reportedOn: received.adding(days: 1)), by: viewer)
        try workflow.recordMissing(MissingInput(child: ref, foundOn: received.adding(days: 2), foundAt: place), by: viewer)
    }
    let setup = Date().timeIntervalSince(clock)
    func timed(_ body: () throws -> Void) rethrows -> Double {
        clock = Date()
        try body()
        return Date().timeIntervalSince(clock) * 1000
    }
    var alerts = 0, raised = 0
    let first = try timed {
        let result = try workflow.scanAlertsAndNotify(engine: engine, on: today, by: viewer)
        (alerts, raised) = (result.alerts.count, result.notifications.raised.count)
    }
    // A picture imported in one go was all recorded today, so every later scan from today
    // would find it all new again: the steady state is a scan with nothing new since.
    var later: [Double] = []
    for _ in 0..<max(1, runs) {
        later.append(try timed { _ = try workflow.scanAlertsAndNotify(engine: engine, on: today, since: today.adding(days: 1), by: viewer) })
    }
    var again: [Double] = []
    for _ in 0..<max(1, runs) { again.append(try timed { _ = try workflow.scanAlertsAndNotify(engine: engine, on: today, by: viewer) }) }
    var passes: [Double] = []
    for _ in 0..<max(1, runs) { passes.append(try timed { _ = try workflow.notificationPass(engine: engine, on: today, by: viewer) }) }
    let median = { (times: [Double]) in times.sorted()[times.count / 2] }
    let open = try workflow.notifications(area: nil, by: viewer).count
    log("journey on \(snapshot.entityCount) entities, \(snapshot.linkCount) links: \(chosen.count) open cases, "
        + "\(chosen.count / 3 + (chosen.count % 3 > 0 ? 1 : 0)) missing episodes (\(places) found at a place); "
        + "first alert scan + notification pass \(String(format: "%.0f", first)) ms (\(alerts) alerts, \(raised) duties raised), "
        + "with nothing new \(String(format: "%.0f", median(later))) ms, again from today (every link new, every alert "
        + "raised already) \(String(format: "%.0f", median(again))) ms; the pass alone \(String(format: "%.0f", median(passes))) ms "
        + "(medians of \(runs); setup \(String(format: "%.1f", setup)) s; \(open) tasks open)")
    return .object([
        "entities": .number(String(snapshot.entityCount)), "links": .number(String(snapshot.linkCount)),
        "cases": .number(String(chosen.count)), "alerts": .number(String(alerts)), "duties_raised": .number(String(raised)),
        "tasks_open": .number(String(open)), "runs": .number(String(runs)),
        "first_scan_and_pass_ms": .number(String(format: "%.1f", first)),
        "nothing_new_scan_and_pass_ms": .number(String(format: "%.1f", median(later))),
        "again_scan_and_pass_ms": .number(String(format: "%.1f", median(again))),
        "pass_alone_ms": .number(String(format: "%.1f", median(passes))),
    ])
}
