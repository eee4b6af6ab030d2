// The briefing pack benchmark (issue 21, item 4): a MACCSE panel of N children on a real
// picture (set up as the panel benchmark does), its agenda built, then the time to read its
// briefing pack (the typed content: maps, changes, assessments, actions, and the disclosure's
// audit row) and to print it as PDF, each the median of `runs`, in process. Target: under
// 10 s for a 10-child panel.
import Foundation
import CaseWorkflow
import GraphCore
import GraphQuery
import GraphRender
import GraphStore

/// Sets up the panel on the store at `path` (written to: give it a copy), writes the last
/// pack to `output`/pack.pdf, and returns a JSON object of timings in milliseconds.
func packBenchmark(path: String, cases: Int, runs: Int, output: URL) throws -> JSONValue {
    let store = try Store.open(path: path)
    let workflow = try Workflow(store: store)
    let viewer = Viewer.commandLine(name: "pack-bench", purpose: "briefing pack benchmark")
    let engine = QueryEngine(store: store)
    let (area, _, panel) = try benchPanel(cases: cases, workflow: workflow, engine: engine, viewer: viewer)
    // An earlier panel eight weeks before, so that each child's map is a diff map.
    _ = try workflow.schedulePanel(area: area, on: CalendarDate.today.adding(days: -49), coChairs: ["A", "B"], by: viewer)
    try workflow.buildAgenda(panel: panel, by: viewer)
    let style = try MapStyle.shipped()
    var reads: [Double] = [], prints: [Double] = []
    var pdf = Data(), children = 0, edges = 0, changes = 0
    for _ in 0..<max(1, runs) {
        var pack: BriefingPack?
        reads.append(try seconds {
            pack = try workflow.briefingPack(panel: panel, engine: engine, recipient: "benchmark", on: .today, by: viewer)
        } * 1000)
        let content = pack!
        children = content.children.count
        edges = content.children.reduce(0) { $0 + ($1.map?.edges.count ?? 0) }
        changes = content.children.reduce(0) { $0 + $1.newLinks.count + $1.endedLinks.count }
        prints.append(try seconds { pdf = try waitFor { try await content.pdf(style: style) } } * 1000)
    }
    try pdf.write(to: output.appendingPathComponent("pack.pdf"))
    func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }
    let totals = zip(reads, prints).map { $0 + $1 }
    log("briefing pack of \(children) children in \(area) (\(edges) links on their maps, \(changes) new or ended, \(pdf.count) bytes): "
        + "content \(String(format: "%.0f", median(reads))) ms, PDF \(String(format: "%.0f", median(prints))) ms, "
        + "together \(String(format: "%.0f", median(totals))) ms (medians of \(runs); the first, with the snapshot's reload, "
        + "\(String(format: "%.0f", totals[0])) ms)")
    return .object([
        "area": .string(area), "children": .number(String(children)), "map_links": .number(String(edges)),
        "changed_links": .number(String(changes)), "bytes": .number(String(pdf.count)), "runs": .number(String(runs)),
        "content_ms": .number(String(format: "%.1f", median(reads))), "pdf_ms": .number(String(format: "%.1f", median(prints))),
        "total_ms": .number(String(format: "%.1f", median(totals))), "first_total_ms": .number(String(format: "%.1f", totals[0])),
    ])
}
