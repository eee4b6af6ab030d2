// MARTHR's candidates measured against the planted networks' ground truth (issue 20):
// `cegraph generate --truth` writes which organisers, facilitators, groups and places each
// planted network has; this ranks the whole picture as the query does and reports
// precision and recall at 10, 50 and all, how many entities meet each threshold, and the
// ranking's time with the snapshot warm.
import Foundation
import GraphCore
import GraphQuery
import GraphStore

/// The day the thresholds are judged on: the synthetic data's newest date is 2026-10-31, so
/// the figures do not drift with the day the benchmark runs.
let marthrBenchDay = CalendarDate(year: 2026, month: 11, day: 1)

func marthrBenchmark(path: String, truth: String, runs: Int) throws -> JSONValue {
    var roles: [String: Set<String>] = ["organisers": [], "facilitators": [], "groups": [], "places": []]
    for line in try String(contentsOfFile: truth, encoding: .utf8).split(separator: "\n") {
        guard case .object(let network) = try JSONParser.parse(String(line)) else { continue }
        for role in roles.keys {
            for id in network[role]?.arrayValue ?? [] { if let id = id.stringValue { roles[role]!.insert(id) } }
        }
    }
    let planted = roles.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    let store = try Store.open(path: path, configuration: StoreConfiguration(readOnly: true))
    let engine = QueryEngine(store: store)
    var snapshot: Snapshot!
    let load = try seconds { snapshot = try engine.snapshot() }
    let view = snapshot.view()
    let rules = try MarthrRules(try engine.marthrThresholds(), day: marthrBenchDay)
    var ranked: [MarthrCandidate] = []
    var times: [Double] = []
    for _ in 0..<max(1, runs) { times.append(seconds { ranked = view.marthrCandidates(rules: rules) }) }
    times.sort()
    let ids = ranked.map { snapshot.ref($0.entity) }
    var meeting = [0, 0, 0, 0]
    for candidate in ranked { for criterion in candidate.criteria { meeting[criterion - 1] += 1 } }
    func at(_ k: Int?) -> JSONValue {
        let top = k.map { Array(ids.prefix($0)) } ?? ids
        let hits = top.filter(planted.contains).count
        var object: [String: JSONValue] = [
            "listed": .number(String(top.count)),
            "precision": .number(String(format: "%.3f", top.isEmpty ? 0 : Double(hits) / Double(top.count))),
            "recall": .number(String(format: "%.3f", planted.isEmpty ? 0 : Double(hits) / Double(planted.count))),
        ]
        for (role, members) in roles {
            let found = top.filter(members.contains).count
            object["recall_" + role] = .number(String(format: "%.3f", members.isEmpty ? 0 : Double(found) / Double(members.count)))
        }
        return .object(object)
    }
    let share = Double(ranked.count) / Double(max(1, snapshot.entityCount))
    log("MARTHR: \(ranked.count) of \(snapshot.entityCount) entities meet a threshold (\(String(format: "%.2f", share * 100))%); "
        + "planted \(planted.count); ranking median \(String(format: "%.3f", times[times.count / 2])) s")
    return .object([
        "as_of": .string(marthrBenchDay.description),
        "entities": .number(String(snapshot.entityCount)), "links": .number(String(snapshot.linkCount)),
        "snapshot_seconds": .number(String(format: "%.2f", load)),
        "ranking_seconds": .array(times.map { .number(String(format: "%.3f", $0)) }),
        "meeting_any": .number(String(ranked.count)), "meeting_share": .number(String(format: "%.5f", share)),
        "meeting": .object(["1": .number(String(meeting[0])), "2": .number(String(meeting[1])),
                            "3": .number(String(meeting[2])), "4": .number(String(meeting[3]))]),
        "planted": .object(roles.mapValues { .number(String($0.count)) }),
        "at_10": at(10), "at_50": at(50), "at_all": at(nil),
        "top_50": .array(ids.prefix(50).map { .string($0) }),
    ])
}
