import Foundation
import Testing
import GraphCore
@testable import GraphQuery

/// Degree, betweenness, components, shortest paths, 2-hop counts and community quality on
/// real criminal networks (../shared/peers/networks), against values NetworkX 3.6.1 and
/// igraph 1.0.0 computed by KnownAnswers/make_known_answers.py (committed beside them).
@Suite struct KnownAnswerTests {
    static let answers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("KnownAnswers")
    static let peers = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/peers/networks").standardized
    static let networks = ["caviar", "siren", "london_gang", "montreal_gangs", "montagna_meetings",
                           "montagna_phonecalls", "krebs_911"]

    /// The network as an undirected simple graph, built exactly as the script builds it.
    static func edges(_ file: String) throws -> [(String, String)] {
        let text = try String(contentsOf: peers.appendingPathComponent(file), encoding: .utf8)
        var edges: [(String, String)] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cleaned = line.replacingOccurrences(of: "\u{FEFF}", with: "")
            let fields: [String]
            if file.hasSuffix(".net") {
                fields = cleaned.split(separator: " ").map(String.init)
            } else if cleaned.contains("\t") {
                fields = cleaned.split(separator: "\t").map(String.init)
            } else {
                if number == 0 { continue }
                fields = cleaned.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            guard fields.count >= 2 else { continue }
            let a = fields[0].trimmingCharacters(in: .whitespaces), b = fields[1].trimmingCharacters(in: .whitespaces)
            if a != b { edges.append((a, b)) }
        }
        return edges
    }

    /// Imports the network as adults linked by `associates_with` and returns a view and the
    /// label of each entity.
    static func load(_ file: String) throws -> (view: GraphView, ids: [String: Int32], labels: [Int32: String]) {
        let edges = try edges(file)
        var index: [String: String] = [:]
        var lines: [String] = []
        for label in Set(edges.flatMap { [$0.0, $0.1] }).sorted() {
            let id = "P\(index.count)"
            index[label] = id
            lines.append(QueryFixture.record(["record": "entity", "id": id, "kind": "adult", "name": "Member \(label)"]))
        }
        var seen = Set<String>()
        for (a, b) in edges {
            let (low, high) = a < b ? (a, b) : (b, a)
            guard seen.insert(low + "\u{0}" + high).inserted else { continue }
            lines.append(QueryFixture.link(index[low]!, "associates_with", index[high]!))
        }
        let engine = try QueryFixture.engine(lines)
        let view = try engine.snapshot().view()
        var ids: [String: Int32] = [:], labels: [Int32: String] = [:]
        for (label, id) in index {
            let entity = view.snapshot.entity(rowid: try engine.store.entityRowid(for: id)!)!
            ids[label] = entity
            labels[entity] = label
        }
        return (view, ids, labels)
    }

    struct Expected: Decodable {
        let file: String
        let nodes: Int
        let edges: Int
        let degree: [String: Int]
        let betweenness: [String: Double]
        let components: [Int]
        let pairs: [[Pair]]
        let two_hop: [String: Int]
        let max_modularity_seen: Double
        let louvain: Community
        let leiden: Community

        struct Community: Decodable { let modularity: Double; let count: Int }
        enum Pair: Decodable {
            case label(String), number(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .label(try container.decode(String.self)) }
            }
            var label: String { if case .label(let text) = self { return text }; if case .number(let n) = self { return String(n) }; return "" }
            var number: Int { if case .number(let n) = self { return n }; return Int(label) ?? 0 }
        }
    }

    static var available: Bool { FileManager.default.fileExists(atPath: peers.path) }

    @Test(.enabled(if: available, "../shared/peers is absent: known-answer tests skipped"), arguments: networks)
    func matchesNetworkX(_ name: String) throws {
        let data = try Data(contentsOf: KnownAnswerTests.answers.appendingPathComponent(name + ".json"))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        let (view, ids, labels) = try KnownAnswerTests.load(expected.file)
        let graph = SimpleGraph(view)
        #expect(graph.count == expected.nodes)
        #expect(graph.edgeCount == expected.edges)

        var local: [Int32: Int] = [:]
        for (index, entity) in graph.entities.enumerated() { local[entity] = index }
        for (label, degree) in expected.degree {
            #expect(graph.degree(local[ids[label]!]!) == degree, "degree of \(label) in \(name)")
        }

        let betweenness = Betweenness(graph)
        #expect(!betweenness.approximate)
        for (label, value) in expected.betweenness {
            let ours = betweenness.values[local[ids[label]!]!]
            #expect(abs(ours - value) <= 1e-6 * max(1, value), "betweenness of \(label) in \(name): \(ours) against \(value)")
        }

        #expect(view.components().map(\.count) == expected.components)

        for pair in expected.pairs {
            let a = ids[pair[0].label]!, b = ids[pair[1].label]!
            let result = view.shortestPaths(from: a, to: b, limit: 1_000)
            #expect(result.length == pair[2].number, "length \(pair[0].label)-\(pair[1].label) in \(name)")
            #expect(result.count == pair[3].number, "path count \(pair[0].label)-\(pair[1].label) in \(name)")
            #expect(result.paths.count == min(pair[3].number, 1_000))
            for path in result.paths {
                #expect(path.first == a && path.last == b && path.count == result.length + 1)
            }
        }

        for (label, count) in expected.two_hop {
            #expect(view.neighbourhood(of: ids[label]!, hops: 2).entities.count - 1 == count, "2-hop of \(label) in \(name)")
        }

        let louvain = Louvain(graph)
        // Louvain is a heuristic: ours must be within 0.025 of the best of NetworkX Louvain,
        // igraph Leiden and igraph multilevel (the closest call is london_gang: 0.2399
        // against Leiden's 0.2600, where igraph's own multilevel gets 0.2384), and its
        // modularity must be computed right.
        #expect(louvain.modularity >= expected.max_modularity_seen - 0.025,
                "modularity \(louvain.modularity) against \(expected.max_modularity_seen) in \(name)")
        #expect(abs(louvain.modularity - KnownAnswerTests.modularity(graph, louvain.membership)) < 1e-9)

        // Leiden (issue 22): at least as good as Louvain here give or take 0.01, within 0.02 of
        // igraph's Leiden, every community connected, and its modularity computed right.
        let leiden = Leiden(graph)
        #expect(leiden.modularity >= louvain.modularity - 0.01, "Leiden \(leiden.modularity), Louvain \(louvain.modularity) in \(name)")
        #expect(leiden.modularity >= expected.leiden.modularity - 0.02,
                "Leiden \(leiden.modularity) against igraph's \(expected.leiden.modularity) in \(name)")
        #expect(abs(leiden.modularity - KnownAnswerTests.modularity(graph, leiden.membership)) < 1e-9)
        #expect(KnownAnswerTests.disconnected(graph, leiden.membership).isEmpty, "disconnected communities in \(name)")
        _ = labels
    }

    /// The communities of `membership` whose members are not all linked within it.
    static func disconnected(_ graph: SimpleGraph, _ membership: [Int32]) -> [Int32] {
        var members: [Int32: [Int]] = [:]
        for node in 0..<graph.count { members[membership[node], default: []].append(node) }
        return members.compactMap { community, nodes -> Int32? in
            var seen: Set<Int> = [nodes[0]], stack = [nodes[0]]
            while let node = stack.popLast() {
                for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                    let other = Int(graph.targets[position])
                    if membership[other] == community, seen.insert(other).inserted { stack.append(other) }
                }
            }
            return seen.count == nodes.count ? nil : community
        }
    }

    /// Modularity by the textbook formula over all pairs, independent of the engine's own.
    static func modularity(_ graph: SimpleGraph, _ membership: [Int32]) -> Double {
        let m2 = Double(graph.targets.count)
        var adjacency = Set<Int64>()
        for node in 0..<graph.count {
            for position in Int(graph.offsets[node])..<Int(graph.offsets[node + 1]) {
                adjacency.insert(Int64(node) << 32 | Int64(graph.targets[position]))
            }
        }
        var q = 0.0
        for i in 0..<graph.count {
            for j in 0..<graph.count where membership[i] == membership[j] {
                let a = adjacency.contains(Int64(i) << 32 | Int64(j)) ? 1.0 : 0.0
                q += a - Double(graph.degree(i)) * Double(graph.degree(j)) / m2
            }
        }
        return q / m2
    }
}
