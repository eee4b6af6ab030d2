import Foundation
import Testing
import GraphCore
import GraphStore
@testable import GraphQuery

/// The query engine on the POLE data set (../shared/peers/pole) imported with
/// `import --format neo4j-csv`, against NetworkX and igraph on the same graph built
/// independently (KnownAnswers/make_pole_answers.py).
@Suite struct PoleKnownAnswerTests {
    static let pole = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/peers/pole").standardized.path

    struct Expected: Decodable {
        let nodes: Int
        let edges: Int
        let components: [Int]
        let top_degrees: [[Item]]
        let pairs: [[Item]]
        let persons: Persons

        struct Persons: Decodable {
            let nodes: Int
            let edges: Int
            let betweenness: [String: Double]
            let louvain_modularity: Double
            let leiden_modularity: Double
        }

        enum Item: Decodable {
            case text(String), number(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
            var text: String { if case .text(let value) = self { return value }; return "" }
            var number: Int { if case .number(let value) = self { return value }; return 0 }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: pole), "../shared/peers/pole is absent: POLE known answers skipped"))
    func matchesNetworkXOnPole() throws {
        let data = try Data(contentsOf: KnownAnswerTests.answers.appendingPathComponent("pole.json"))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        let store = try QueryFixture.store([])
        try store.importNeo4jCSV(directory: PoleKnownAnswerTests.pole, options: ImportOptions(viewer: QueryFixture.viewer))
        let engine = QueryEngine(store: store)
        let view = try engine.snapshot().view()
        func entity(_ id: String) throws -> Int32 { try engine.resolve(id, in: view) }

        let graph = SimpleGraph(view)
        #expect(graph.count == expected.nodes)
        #expect(graph.edgeCount == expected.edges)
        #expect(view.components().map(\.count) == expected.components)
        var local: [Int32: Int] = [:]
        for (index, member) in graph.entities.enumerated() { local[member] = index }
        for item in expected.top_degrees {
            #expect(graph.degree(local[try entity(item[0].text)]!) == item[1].number, "degree of \(item[0].text)")
        }
        for pair in expected.pairs {
            let result = view.shortestPaths(from: try entity(pair[0].text), to: try entity(pair[1].text), limit: 1)
            #expect(result.length == pair[2].number, "length \(pair[0].text)-\(pair[1].text)")
            #expect(result.count == pair[3].number, "count \(pair[0].text)-\(pair[1].text)")
        }

        // The persons' network: what `key-players --entity-kinds adult,child` ranks.
        let persons = try engine.snapshot().view(QueryFilter(entityKinds: [.adult, .child]))
        let social = SimpleGraph(persons)
        #expect(social.count == expected.persons.nodes)
        #expect(social.edgeCount == expected.persons.edges)
        let betweenness = Betweenness(social)
        for (index, member) in social.entities.enumerated() {
            let value = expected.persons.betweenness[persons.snapshot.ref(member)]!
            #expect(abs(betweenness.values[index] - value) <= 1e-6 * max(1, value), "betweenness of \(persons.snapshot.ref(member))")
        }
        let louvain = Louvain(social)
        #expect(louvain.modularity >= max(expected.persons.louvain_modularity, expected.persons.leiden_modularity) - 0.025)
    }
}
