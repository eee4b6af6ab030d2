import Testing
import GraphCore

/// Hiding, pinning and collapsing a map as the map page asks (issue 21), on a hand-made map
/// whose strings are synthetic.
@Suite struct MapArrangementTests {
    static let liverpool = MapGraph.Area(code: "E08000012", name: "Liverpool", forceCode: "merseyside", forceName: "Merseyside Police")
    static let wirral = MapGraph.Area(code: "E08000015", name: "Wirral", forceCode: "merseyside", forceName: "Merseyside Police")

    /// CH1 (the subject) linked to AD1, AD2 and LO1 in Liverpool, AD1 and AD2 to LO2 and
    /// AD3 in Wirral, and AD2 to AD1.
    static let map = MapGraph(title: "Associations of CH1 within 2 links", nodes: [
        .init(id: "CH1", kind: .child, label: "Child One", area: liverpool, isSubject: true),
        .init(id: "AD1", kind: .adult, label: "Adult One", area: liverpool),
        .init(id: "AD2", kind: .adult, label: "Adult Two", area: liverpool, isNew: true),
        .init(id: "LO1", kind: .location, label: "Place One", area: liverpool),
        .init(id: "LO2", kind: .location, label: "Place Two", area: wirral),
        .init(id: "AD3", kind: .adult, label: "Adult Three", area: wirral),
    ], edges: [
        .init(from: "AD1", to: "CH1", kind: "associates_with", firstSeen: "2026-01-01", lastSeen: "2026-02-01"),
        .init(from: "AD2", to: "CH1", kind: "associates_with", firstSeen: "2026-03-01"),
        .init(from: "CH1", to: "LO1", kind: "frequents"),
        .init(from: "AD1", to: "LO2", kind: "frequents", firstSeen: "2025-12-01"),
        .init(from: "AD2", to: "AD3", kind: "associates_with", lastSeen: "2026-04-01"),
        .init(from: "AD2", to: "AD1", kind: "associates_with"),
    ])

    @Test func hidingLeavesTheSubjectAndDropsTheLinks() {
        let hidden = Self.map.hiding(["AD1", "CH1", "XX9"])
        #expect(hidden.nodes.map(\.id) == ["CH1", "AD2", "LO1", "LO2", "AD3"])
        #expect(!hidden.edges.contains { $0.from == "AD1" || $0.to == "AD1" })
        #expect(hidden.edges.count == 3)
    }

    @Test func collapsingByAreaKeepsTheSubjectPinnedAndOpenedGroups() {
        let arranged = Self.map.arranged(MapArrangement(pinned: ["AD1"], grouping: .area), communities: { [:] })
        // Liverpool: CH1 is the subject and AD1 pinned, so AD2 and LO1 collapse; Wirral's two collapse.
        let ids = arranged.nodes.map(\.id)
        #expect(ids == ["CH1", "AD1", "area:E08000012", "area:E08000015"], "\(ids)")
        let liverpool = try! #require(arranged.nodes.first { $0.id == "area:E08000012" })
        #expect(liverpool.members == 2 && liverpool.isNew && liverpool.area == Self.liverpool)
        #expect(liverpool.label == "2 in Liverpool\n1 adult, 1 place", "\(liverpool.label)")
        #expect(arranged.nodes.first { $0.id == "AD1" }?.isPinned == true)
        // CH1's two links into the Liverpool group are drawn as one, with both dates' span.
        let intoGroup = arranged.edges.filter { Set([$0.from, $0.to]) == ["CH1", "area:E08000012"] }
        #expect(intoGroup.count == 1 && intoGroup[0].count == 2 && intoGroup[0].kind == "links", "\(intoGroup)")
        #expect(intoGroup[0].firstSeen == "2026-03-01")
        // AD1 to Wirral (LO2) and the Liverpool group to Wirral (AD2-AD3) stay apart.
        #expect(arranged.edges.contains { $0.from == "AD1" && $0.to == "area:E08000015" })
        #expect(arranged.edges.contains { Set([$0.from, $0.to]) == ["area:E08000012", "area:E08000015"] })
        // Opened again: Wirral's entities come back.
        let opened = Self.map.arranged(MapArrangement(grouping: .area, opened: ["area:E08000015"]), communities: { [:] })
        #expect(opened.nodes.contains { $0.id == "LO2" } && opened.nodes.contains { $0.id == "area:E08000012" })
        // A group of one is never collapsed.
        let single = Self.map.hiding(["AD3"]).arranged(MapArrangement(grouping: .area), communities: { [:] })
        #expect(single.nodes.contains { $0.id == "LO2" } && !single.nodes.contains { $0.id == "area:E08000015" })
    }

    @Test func noticesAreNeverCollapsed() {
        var map = Self.map
        map.nodes[2].notices = ["CAWN"]
        let arranged = map.arranged(MapArrangement(grouping: .area), communities: { [:] })
        #expect(arranged.nodes.contains { $0.id == "AD2" })
        #expect(arranged.nodes.first { $0.id == "area:E08000012" }?.members == 2)
    }

    @Test func collapsingByCommunityUsesTheGroupsGiven() {
        let groups = ["AD2": MapGraph.Group(id: "community:2", label: "in community 2"),
                      "AD3": MapGraph.Group(id: "community:2", label: "in community 2"),
                      "LO1": MapGraph.Group(id: "community:1", label: "in community 1")]
        let arranged = Self.map.arranged(MapArrangement(grouping: .community), communities: { groups })
        #expect(arranged.nodes.map(\.id) == ["CH1", "AD1", "LO1", "LO2", "community:2"])
        #expect(arranged.nodes.last?.label == "2 in community 2\n2 adults")
    }
}
