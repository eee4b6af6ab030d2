import Testing
import GraphCore
@testable import GraphQuery

private typealias F = QueryFixture

/// The map page's maps (issue 21): expanding in place, a map's communities, the paths
/// between two entities and one MARTHR subject's evidence, on small synthetic pictures.
@Suite struct MapQueryTests {
    /// A chain CH1 - AD1 - AD2 - AD3 - LO1, with AD1 also at LO2 and AD2 at LO3.
    static let chain = [
        F.child("CH1"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"),
        F.entity("LO1", "location"), F.entity("LO2", "location"), F.entity("LO3", "location"),
        F.link("AD1", "associates_with", "CH1", first: "2026-01-05"), F.link("AD1", "associates_with", "AD2"),
        F.link("AD2", "associates_with", "AD3"), F.link("AD3", "frequents", "LO1"),
        F.link("AD1", "frequents", "LO2"), F.link("AD2", "frequents", "LO3"),
    ]

    @Test func expandingBringsInTheLinksOfEntitiesAlreadyDrawn() throws {
        let engine = try F.engine(Self.chain)
        let plain = try engine.associationMap(of: "CH1", hops: 1, filter: QueryFilter(), newSince: nil, access: .commandLine)
        #expect(Set(plain.nodes.map(\.id)) == ["CH1", "AD1"])
        let expanded = try engine.associationMap(of: "CH1", hops: 1, filter: QueryFilter(), newSince: nil,
                                                 expanding: ["AD1", "AD2"], access: .commandLine)
        // AD1 brings AD2 and LO2; AD2, now drawn, brings AD3 and LO3.
        #expect(Set(expanded.nodes.map(\.id)) == ["CH1", "AD1", "AD2", "LO2", "AD3", "LO3"])
        #expect(expanded.title.hasSuffix(", expanded"))
        // An entity not on the map, or unknown, brings nothing.
        let stray = try engine.associationMap(of: "CH1", hops: 1, filter: QueryFilter(), newSince: nil,
                                              expanding: ["AD3", "XX404"], access: .commandLine)
        #expect(Set(stray.nodes.map(\.id)) == ["CH1", "AD1"])
    }

    @Test func expandingFollowsTheFilter() throws {
        let engine = try F.engine(Self.chain)
        let filter = QueryFilter(entityKinds: [.child, .adult])
        let expanded = try engine.associationMap(of: "CH1", hops: 1, filter: filter, newSince: nil, expanding: ["AD1"], access: .commandLine)
        #expect(Set(expanded.nodes.map(\.id)) == ["CH1", "AD1", "AD2"], "no place when only people are asked for")
    }

    @Test func aMapsCommunitiesSplitTwoClusters() throws {
        // Two triangles joined by one link: two communities, each connected.
        let map = MapGraph(title: "t", nodes: ["A", "B", "C", "D", "E", "F", "G"].map { MapGraph.Node(id: $0, kind: .adult, label: $0) },
                           edges: [("A", "B"), ("B", "C"), ("C", "A"), ("D", "E"), ("E", "F"), ("F", "D"), ("C", "D")]
                               .map { MapGraph.Edge(from: $0.0, to: $0.1, kind: "associates_with") })
        let groups = MapCommunities.of(map)
        #expect(groups["G"] == nil, "an entity with no link belongs to no community")
        #expect(groups["A"] == groups["B"] && groups["B"] == groups["C"])
        #expect(groups["D"] == groups["E"] && groups["E"] == groups["F"])
        #expect(groups["A"] != groups["D"])
        #expect(Set(groups.values.map(\.id)) == ["community:1", "community:2"])
        #expect(MapCommunities.of(map) == groups, "the same map groups the same way each time")
    }

    @Test func aPathMapHoldsThePathsAndOnlyTheirLinks() throws {
        let engine = try F.engine(Self.chain + [F.link("AD2", "frequents", "LO2")])
        let map = try engine.pathMap(from: "CH1", to: "AD3", limit: 10, filter: QueryFilter(), newSince: nil)
        #expect(Set(map.nodes.map(\.id)) == ["CH1", "AD1", "AD2", "AD3"])
        #expect(map.nodes.filter(\.isSubject).map(\.id).sorted() == ["AD3", "CH1"], "both ends are the map's subjects")
        #expect(map.edges.count == 3, "\(map.edges)")
        #expect(map.title.hasPrefix("1 shortest path of 3 links between CH1 and AD3"), "\(map.title)")
        let none = try F.engine(Self.chain + [F.adult("AD9")]).pathMap(from: "CH1", to: "AD9", limit: 10, filter: QueryFilter(), newSince: nil)
        #expect(Set(none.nodes.map(\.id)) == ["CH1", "AD9"] && none.edges.isEmpty && none.title.hasPrefix("no path"))
    }

    @Test func aMarthrEvidenceMapDrawsTheWalksBehindTheThresholds() throws {
        let engine = try F.engine([
            F.adult("AD1"), F.adult("AD2"), F.entity("OP1", "operation", extra: ["status": "active"]),
            F.link("AD1", "subject_of", "OP1"), F.link("AD2", "associates_with", "AD1"),
        ])
        let map = try engine.marthrEvidenceMap(of: "AD1", filter: QueryFilter(), on: CalendarDate("2026-11-01")!, newSince: nil)
        #expect(Set(map.nodes.map(\.id)) == ["AD1", "OP1"], "\(map.nodes.map(\.id))")
        #expect(map.nodes.first { $0.id == "AD1" }?.isSubject == true)
        #expect(map.title.contains("thresholds 1"), "\(map.title)")
    }
}
