// The query engine benchmark (issue 3): engine-level timings on a store, and the graph and
// queries written out so that NetworkX, igraph and SQLite answer the same questions in the
// same run (Benchmarks/query.sh runs the peers and the report).
//
//   cegraph-bench DB OUTDIR [--queries 1000] [--pivots 256] [--seed 7] [--skip-communities]
//                 [--skip-betweenness] [--snapshot-only] [--render [--runs 5]]
//   cegraph-bench COPY-OF-DB OUTDIR --panel 60 [--runs 9]     (writes to the store: a copy)
//   cegraph-bench COPY-OF-DB OUTDIR --journey 300 [--runs 5]  (writes to the store: a copy)
//   cegraph-bench COPY-OF-DB OUTDIR --pack 10 [--runs 3]      (writes to the store: a copy)
//   cegraph-bench DB OUTDIR --marthr TRUTH.jsonl [--runs 3]     (candidates against planted ground truth)
//
// Writes OUTDIR/edges.tsv (the simple undirected graph, dense ids), OUTDIR/pairs.tsv and
// OUTDIR/cegraph.json (per-query nanoseconds and answers, in query_report.py's shape).
import Dispatch
import Foundation
import GraphCore
import GraphQuery
import GraphStore

func argument(_ name: String, _ fallback: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return fallback }
    return Int(CommandLine.arguments[index + 1]) ?? fallback
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    log("usage: cegraph-bench DB OUTDIR [--queries N] [--pivots K] [--seed S] [--skip-communities]")
    exit(2)
}
let output = URL(fileURLWithPath: arguments[2])
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
if arguments.contains("--panel") {
    // Writes to the store: Benchmarks/panel.sh gives it a copy.
    let result = try panelBenchmark(path: arguments[1], cases: argument("--panel", 60), runs: argument("--runs", 9))
    try result.jsonText.write(to: output.appendingPathComponent("panel.json"), atomically: true, encoding: .utf8)
    exit(0)
}
if arguments.contains("--pack") {
    // Writes to the store: Benchmarks/pack.sh gives it a copy.
    let result = try packBenchmark(path: arguments[1], cases: argument("--pack", 10), runs: argument("--runs", 3), output: output)
    try result.jsonText.write(to: output.appendingPathComponent("pack.json"), atomically: true, encoding: .utf8)
    exit(0)
}
if arguments.contains("--journey") {
    // Writes to the store: Benchmarks/journey.sh gives it a copy.
    let result = try journeyBenchmark(path: arguments[1], cases: argument("--journey", 300), runs: argument("--runs", 5))
    try result.jsonText.write(to: output.appendingPathComponent("journey.json"), atomically: true, encoding: .utf8)
    exit(0)
}
if let index = arguments.firstIndex(of: "--marthr"), index + 1 < arguments.count {
    let result = try marthrBenchmark(path: arguments[1], truth: arguments[index + 1], runs: argument("--runs", 3))
    try result.jsonText.write(to: output.appendingPathComponent("marthr.json"), atomically: true, encoding: .utf8)
    exit(0)
}
let queries = argument("--queries", 1000)
let pivots = argument("--pivots", Betweenness.defaultPivots)
let store = try Store.open(path: arguments[1], configuration: StoreConfiguration(readOnly: true))
let engine = QueryEngine(store: store)

var snapshot: Snapshot!
let snapshotSeconds = try seconds { snapshot = try engine.snapshot() }
log("snapshot: \(snapshot.entityCount) entities, \(snapshot.linkCount) links in \(snapshotSeconds) s")
if arguments.contains("--snapshot-only") { exit(0) }
if arguments.contains("--render") {
    let result = try renderBenchmark(engine: engine, output: output, sizes: [500, 2_000], runs: argument("--runs", 5))
    try result.jsonText.write(to: output.appendingPathComponent("render.json"), atomically: true, encoding: .utf8)
    log("render timings written to \(output.path)/render.json")
    exit(0)
}
var view: GraphView!
let maskSeconds = seconds { view = snapshot.view() }

// The graph as the peers will load it: entities that pass the default filter, dense ids.
let entities = (0..<Int32(snapshot.entityCount)).filter { view.includes(entity: $0) }
var local = [Int32](repeating: -1, count: snapshot.entityCount)
for (index, entity) in entities.enumerated() { local[Int(entity)] = Int32(index) }
var edgeLines: [String] = []
var pairs = Set<Int64>()
for link in 0..<Int32(snapshot.linkCount) where view.includes(link: link) {
    let (from, to) = snapshot.ends(link)
    let a = local[Int(from)], b = local[Int(to)]
    if pairs.insert(Int64(min(a, b)) << 32 | Int64(max(a, b))).inserted { edgeLines.append("\(min(a, b))\t\(max(a, b))") }
}
try ("# nodes \(entities.count) edges \(edgeLines.count)\n" + edgeLines.joined(separator: "\n") + "\n")
    .write(to: output.appendingPathComponent("edges.tsv"), atomically: true, encoding: .utf8)
var random = SeededRandom(seed: UInt64(argument("--seed", 7)))
let queryPairs = (0..<queries).map { _ in (random.below(entities.count), random.below(entities.count)) }
try queryPairs.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n").appending("\n")
    .write(to: output.appendingPathComponent("pairs.tsv"), atomically: true, encoding: .utf8)

func timed<T>(_ body: () -> T) -> (T, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = body()
    return (value, Int(DispatchTime.now().uptimeNanoseconds - start))
}

log("2-hop and shortest path, \(queries) queries each ...")
for (a, _) in queryPairs.prefix(5) { _ = view.neighbourhood(of: entities[a], hops: 2) }
var twoHopNs: [Int] = [], twoHopCounts: [Int] = []
for (a, _) in queryPairs {
    let (result, ns) = timed { view.neighbourhood(of: entities[a], hops: 2) }
    twoHopNs.append(ns)
    twoHopCounts.append(result.entities.count - 1)
}
var pathNs: [Int] = [], pathLengths: [Int] = []
for (a, b) in queryPairs {
    let (result, ns) = timed { view.shortestPaths(from: entities[a], to: entities[b], limit: 1) }
    pathNs.append(ns)
    pathLengths.append(result.length)
}

log("MARTHR candidates ...")
var marthrCount = 0
let marthrRules = try MarthrRules(try engine.marthrThresholds(), day: CalendarDate.today)
let marthrSeconds = seconds { marthrCount = view.marthrCandidates(rules: marthrRules).count }

var approximate = false
var betweennessSeconds = 0.0
if !arguments.contains("--skip-betweenness") {
    log("betweenness, \(pivots) sources, 2 workers ...")
    betweennessSeconds = seconds { approximate = view.betweenness(pivots: pivots).result.approximate }
}

var communities: [String: JSONValue] = [:]
if !arguments.contains("--skip-communities") {
    log("Louvain ...")
    var louvain: Louvain!
    let louvainSeconds = seconds { louvain = view.louvain().result }
    communities["louvain"] = .object(["seconds": .number(String(louvainSeconds)), "count": .number(String(louvain.count)),
                                      "modularity": .number(String(louvain.modularity))])
    log("Leiden ...")
    var leiden: Leiden!
    let leidenSeconds = seconds { leiden = view.leiden().result }
    communities["leiden"] = .object(["seconds": .number(String(leidenSeconds)), "count": .number(String(leiden.count)),
                                     "modularity": .number(String(leiden.modularity))])
}

func ints(_ values: [Int]) -> JSONValue { .array(values.map { .number(String($0)) }) }
let result = JSONValue.object(["graph": .object(["nodes": .number(String(entities.count)), "edges": .number(String(edgeLines.count))]),
                               "peers": .object(["cegraph": .object([
    "load_s": .number(String(snapshotSeconds + maskSeconds)),
    "snapshot": .object(["seconds": .number(String(snapshotSeconds)), "mask_seconds": .number(String(maskSeconds))]),
    "two_hop_ns": ints(twoHopNs), "two_hop_counts": ints(twoHopCounts),
    "path_ns": ints(pathNs), "path_lengths": ints(pathLengths),
    "betweenness": .object(["sources": .number(String(approximate ? pivots : entities.count)),
                            "seconds": .number(String(betweennessSeconds)), "extrapolated_256_s": .null]),
    "marthr": .object(["seconds": .number(String(marthrSeconds)), "candidates": .number(String(marthrCount))]),
    "communities": .object(communities),
])])])
try result.jsonText.write(to: output.appendingPathComponent("cegraph.json"), atomically: true, encoding: .utf8)
log("written to \(output.path)")
