// The render benchmark (issue 4): association maps of about 500 and 2,000 entities from the
// database, rendered to SVG in process (median of `runs`), with their DOT written for the
// `dot` command to render in the same run (Benchmarks/render.sh).
import Foundation
import GraphCore
import GraphQuery
import GraphRender

/// Renders maps of the sizes asked for and returns a JSON object of timings.
func renderBenchmark(engine: QueryEngine, output: URL, sizes: [Int], runs: Int) throws -> JSONValue {
    let snapshot = try engine.snapshot()
    let style = try MapStyle.shipped()
    var results: [String: JSONValue] = [:]
    for size in sizes {
        // The first entity whose 6-link neighbourhood reaches the size, cut at the size.
        var chosen: String?
        for entity in stride(from: Int32(0), to: Int32(snapshot.entityCount), by: 97) {
            if snapshot.view().neighbourhood(of: entity, hops: 6, limit: size).entities.count >= size {
                chosen = snapshot.ref(entity)
                break
            }
        }
        guard let root = chosen else { continue }
        let map = try engine.associationMap(of: root, hops: 6, filter: QueryFilter(), newSince: nil, limit: size, access: .commandLine)
        let layout = LayoutEngine.forSize(map.nodes.count)
        let dot = DotWriter(style: style).dot(map, audience: .analyst, date: CalendarDate.today.description)
        try dot.write(to: output.appendingPathComponent("map-\(size).dot"), atomically: true, encoding: .utf8)
        var seconds: [Double] = []
        for _ in 0..<runs {
            let started = Date()
            _ = try waitFor { try await GraphvizRenderer.shared.render(dot: dot, format: .svg, engine: layout) }
            seconds.append(Date().timeIntervalSince(started))
        }
        seconds.sort()
        results[String(size)] = .object([
            "root": .string(root), "entities": .number(String(map.nodes.count)), "links": .number(String(map.edges.count)),
            "engine": .string(layout.rawValue), "median_s": .number(String(seconds[seconds.count / 2])),
            "runs": .number(String(runs)),
        ])
    }
    return .object(results)
}
