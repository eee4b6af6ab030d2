import Foundation
import Testing
import GraphCore
@testable import GraphQuery
import SyntheticData

/// Paths, common associates, networks, co-location and cross-border links on small graphs
/// whose answers can be worked out by hand.
@Suite struct AlgorithmTests {
    typealias F = QueryFixture
    let viewer = QueryFixture.viewer

    @Test func allShortestPathsOfADiamondAndNoPath() throws {
        let engine = try F.engine([
            F.adult("A"), F.adult("B"), F.adult("C"), F.adult("D"), F.adult("E"), F.adult("Z"),
            F.link("A", "associates_with", "B"), F.link("A", "associates_with", "C"),
            F.link("B", "associates_with", "D"), F.link("C", "associates_with", "D"), F.link("D", "associates_with", "E"),
            F.link("D", "sibling_of", "E"),
        ])
        let answer = try engine.path(from: "A", to: "E", limit: 10, filter: QueryFilter(), viewer: viewer)
        #expect(answer["length"]?.intValue == 3)
        #expect(answer["count"]?.intValue == 2)
        let paths = answer["paths"]!.arrayValue!.map { $0["entities"]!.arrayValue!.compactMap(\.stringValue) }
        #expect(Set(paths.map { $0.joined(separator: ">") }) == ["A>B>D>E", "A>C>D>E"])
        // Both links between D and E are listed for each path.
        #expect(answer["paths"]!.arrayValue![0]["links"]!.arrayValue!.count == 4)
        let limited = try engine.path(from: "A", to: "E", limit: 1, filter: QueryFilter(), viewer: viewer)
        #expect(limited["paths"]?.arrayValue?.count == 1)
        let none = try engine.path(from: "A", to: "Z", limit: 10, filter: QueryFilter(), viewer: viewer)
        #expect(none["length"]?.intValue == -1)
        #expect(none["paths"]?.arrayValue?.isEmpty == true)
        let filtered = try engine.path(from: "A", to: "E", limit: 10, filter: QueryFilter(linkKinds: [.siblingOf]), viewer: viewer)
        #expect(filtered["length"]?.intValue == -1)
    }

    @Test func commonAssociatesAndNetwork() throws {
        let engine = try F.engine([
            F.child("CH1"), F.child("CH2"), F.adult("AD1"), F.entity("LO1", "location"), F.entity("LO2", "location"),
            F.adult("AD9"),
            F.link("CH1", "associates_with", "AD1"), F.link("CH2", "associates_with", "AD1"),
            F.link("CH1", "frequents", "LO1"), F.link("CH2", "frequents", "LO1"), F.link("CH1", "frequents", "LO2"),
        ])
        let common = try engine.common("CH1", "CH2", filter: QueryFilter(), viewer: viewer)
        #expect(Set(common["common"]!.ids) == ["AD1", "LO1"])
        let network = try engine.network(of: "LO2", filter: QueryFilter(), viewer: viewer)
        #expect(Set(network["entities"]!.ids) == ["CH1", "CH2", "AD1", "LO1", "LO2"])
        #expect(network["links"]?.arrayValue?.count == 5)
        let hops = try engine.associations(of: "LO2", hops: 1, filter: QueryFilter(), viewer: viewer)
        #expect(hops["entities"]!.arrayValue!.map { "\($0["id"]!.stringValue!):\($0["hops"]!.intValue!)" } == ["LO2:0", "CH1:1"])
        #expect(throws: QueryError.self) { try engine.associations(of: "LO2", hops: 7, filter: QueryFilter(), viewer: viewer) }
    }

    @Test func coLocationSuggestsPairsWithinTheWindow() throws {
        let engine = try F.engine([
            F.child("CH1"), F.child("CH2"), F.adult("AD1"), F.adult("AD2"), F.entity("LO1", "location"),
            F.entity("VE1", "vehicle"),
            F.link("CH1", "found_at", "LO1", first: "2026-03-01", last: "2026-03-01"),
            F.link("AD1", "frequents", "LO1", first: "2026-03-02", last: "2026-03-05"),
            F.link("AD2", "frequents", "LO1", first: "2026-06-01", last: "2026-06-01"),
            F.link("CH2", "lives_at", "LO1", first: "2026-03-01"),                  // not a sighting
            F.link("CH2", "passenger_in", "VE1", first: "2026-04-01"),
            F.link("AD1", "drives", "VE1", first: "2026-04-01", last: "2026-04-01"),
        ])
        let day = try engine.coLocation(windowHours: 24, at: nil, filter: QueryFilter(), viewer: viewer)
        let pairs = day["pairs"]!.arrayValue!.map { [$0["first"]!["id"]!.stringValue!, $0["second"]!["id"]!.stringValue!].sorted() }
        #expect(Set(pairs) == [["AD1", "CH1"], ["AD1", "CH2"]])
        #expect(day["pairs"]!.arrayValue!.allSatisfy { $0["inferred"] == .bool(true) && $0["kind"]?.stringValue == "seen_with" })
        let atPlace = try engine.coLocation(windowHours: 0, at: "LO1", filter: QueryFilter(), viewer: viewer)
        #expect(atPlace["pairs"]?.arrayValue?.isEmpty == true, "a day apart is 24 hours")
        #expect(throws: QueryError.self) { try engine.coLocation(windowHours: 24, at: "CH1", filter: QueryFilter(), viewer: viewer) }
        // On a map they are dotted, inferred seen_with links between persons on the map.
        let map = try engine.associationMap(of: "LO1", hops: 2, filter: QueryFilter(), newSince: nil, coLocationHours: 24, access: .commandLine)
        let inferred = map.edges.filter(\.inferred)
        #expect(Set(inferred.map { [$0.from, $0.to].sorted() }) == [["AD1", "CH1"], ["AD1", "CH2"]])
        #expect(inferred.allSatisfy { $0.kind == "seen_with" && $0.reports.isEmpty })
        // Suggestions are never stored.
        #expect(try engine.store.stats().links == 6)
    }

    @Test func crossBorderLinksAndWhomToNotify() throws {
        let engine = try F.engine([
            F.child("CH1", area: "E08000012"), F.adult("AD1", area: "E08000011"), F.entity("LO1", "location", area: "E06000007"),
            F.entity("VE1", "vehicle"), F.adult("AD2", area: "E08000012"), F.entity("LO2", "location", area: "W06000005"),
            F.link("CH1", "associates_with", "AD1"),       // Liverpool - Knowsley: same force
            F.link("CH1", "found_at", "LO1"),              // Liverpool - Warrington (Cheshire)
            F.link("AD2", "drives", "VE1"),                // no area on the vehicle
            F.link("AD2", "associates_with", "CH1"),       // same authority
            F.link("VE1", "seen_at", "LO2"),
        ])
        let answer = try engine.crossBorder(from: "CH1", hops: 3, filter: QueryFilter(), viewer: viewer)
        let links = answer["links"]!.arrayValue!
        #expect(links.count == 2)
        #expect(Set(links.compactMap { $0["label"]?.stringValue }) == ["cross_authority", "cross_force"])
        let notify = answer["notify"]!.arrayValue!
        #expect(notify.compactMap { $0["area"]?.stringValue } == ["E06000007", "E08000011"])
        #expect(notify[0]["force"]?.stringValue == "cheshire")
        let reason = notify[0]["reasons"]!.arrayValue![0].stringValue!
        #expect(reason.hasPrefix("CH1 ") && reason.contains("found_at") && reason.contains("LO1 "))
        let all = try engine.crossBorder(from: nil, hops: 3, filter: QueryFilter(), viewer: viewer)
        #expect(all["links"]?.arrayValue?.count == 2)
    }

    @Test func keyPlayersAndCommunitiesOnGeneratedData() throws {
        let engine = try F.engine([
            F.adult("HUB"), F.adult("A1"), F.adult("A2"), F.adult("B1"), F.adult("B2"),
            F.link("A1", "associates_with", "A2"), F.link("B1", "associates_with", "B2"),
            F.link("A1", "associates_with", "HUB"), F.link("A2", "associates_with", "HUB"),
            F.link("B1", "associates_with", "HUB"), F.link("B2", "associates_with", "HUB"),
        ])
        let players = try engine.keyPlayers(area: nil, top: 3, filter: QueryFilter(), viewer: viewer)
        #expect(players["players"]!.ids.first == "HUB")
        #expect(players["players"]!.arrayValue![0]["betweenness"]?.doubleValue == 4)
        #expect(players["approximate"] == .bool(false))
        #expect(throws: QueryError.self) { try engine.keyPlayers(area: "nowhere", top: 3, filter: QueryFilter(), viewer: viewer) }
        let communities = try engine.communities(area: nil, minimumSize: 1, filter: QueryFilter(), viewer: viewer)
        #expect(communities["count"]?.intValue == 2)
    }

    /// Issue 22: Leiden's communities of a generated picture are each connected, and its
    /// modularity is at least Louvain's, give or take 0.005.
    @Test func leidenCommunitiesOfAGeneratedPictureAreConnected() throws {
        let directory = try F.directory()
        let path = directory.appendingPathComponent("small.jsonl").path
        let output = try TextOutput(path: path)
        _ = try Generator(seed: 3, scale: .small).write(to: output)
        try output.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let graph = SimpleGraph(try F.engine(lines).snapshot().view())
        let leiden = Leiden(graph)
        #expect(KnownAnswerTests.disconnected(graph, leiden.membership).isEmpty)
        #expect(leiden.modularity >= Louvain(graph).modularity - 0.005)
        #expect(leiden.count > 10)
    }

    @Test func sampledBetweennessSaysSoAndEstimatesTheExactRanking() throws {
        // A path of 60 entities: with every source the middle is highest; sampled from 40
        // sources (forced by a low exact limit through pivots < n), still near the middle.
        var lines = (0..<60).map { F.adult("P\($0)") }
        lines += (1..<60).map { F.link("P\($0 - 1)", "associates_with", "P\($0)") }
        let view = try F.engine(lines).snapshot().view()
        let graph = SimpleGraph(view)
        let exact = Betweenness(graph)
        #expect(!exact.approximate)
        let top = exact.values.indices.max { exact.values[$0] < exact.values[$1] }!
        #expect([29, 30].contains(top))
    }
}
