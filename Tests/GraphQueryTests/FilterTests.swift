import Foundation
import Testing
import GraphCore
@testable import GraphQuery

/// Every shared filter, through the engine, with what it keeps and what it leaves out.
@Suite struct FilterTests {
    typealias F = QueryFilter

    static let lines = [
        QueryFixture.child("CH1"), QueryFixture.adult("AD1"), QueryFixture.adult("AD2"), QueryFixture.adult("AD3"),
        QueryFixture.entity("VE1", "vehicle"), QueryFixture.entity("LO1", "location"),
        QueryFixture.intel("IN1", "1A"), QueryFixture.intel("IN2", "3D"), QueryFixture.intel("IN3", "2E"),
        QueryFixture.intel("IN4", "2B", handling: "C"),
        QueryFixture.link("CH1", "associates_with", "AD1", intel: ["IN1"], first: "2026-01-10", last: "2026-02-10"),
        QueryFixture.link("CH1", "associates_with", "AD2", intel: ["IN2"], first: "2026-05-01", last: "2026-05-01"),
        QueryFixture.link("CH1", "associates_with", "AD3", intel: ["IN3"]),
        QueryFixture.link("AD1", "drives", "VE1", intel: ["IN4"]),
        QueryFixture.link("CH1", "frequents", "LO1"),
    ]

    func neighbours(_ filter: QueryFilter, engine: QueryEngine? = nil) throws -> Set<String> {
        let engine = try engine ?? QueryFixture.engine(FilterTests.lines)
        let answer = try engine.associations(of: "CH1", hops: 1, filter: filter, viewer: QueryFixture.viewer)
        return Set(answer["entities"]!.ids).subtracting(["CH1"])
    }

    @Test func defaultsLeaveOutSuspectedFalseAndKeepUngraded() throws {
        #expect(try neighbours(F()) == ["AD1", "AD2", "LO1"])
        #expect(try neighbours(F(includeSuspectedFalse: true)) == ["AD1", "AD2", "AD3", "LO1"])
    }

    @Test func linkAndEntityKinds() throws {
        #expect(try neighbours(F(linkKinds: [.frequents])) == ["LO1"])
        #expect(try neighbours(F(entityKinds: [.child, .location])) == ["LO1"])
    }

    @Test func dateWindowKeepsOverlappingDatedLinks() throws {
        #expect(try neighbours(F(since: CalendarDate("2026-02-01"))) == ["AD1", "AD2"])
        #expect(try neighbours(F(until: CalendarDate("2026-01-31"))) == ["AD1"])
        #expect(try neighbours(F(since: CalendarDate("2026-02-11"), until: CalendarDate("2026-04-30"))) == [])
    }

    @Test func minimumGradeNeedsAReportAtOrAboveIt() throws {
        #expect(try neighbours(F(minimumGrade: MinimumGrade("2C"))) == ["AD1"])
        #expect(try neighbours(F(minimumGrade: MinimumGrade("3D"))) == ["AD1", "AD2"])
        #expect(MinimumGrade("2E") == nil)
        #expect(MinimumGrade("2-c") == MinimumGrade("2C"))
    }

    @Test func handlingCodeCReportsCountOnlyForViewersWhoMaySeeThem() throws {
        let engine = try QueryFixture.engine(FilterTests.lines)
        let seen = try engine.associations(of: "AD1", hops: 1, filter: F(), viewer: QueryFixture.viewer)
        #expect(Set(seen["entities"]!.ids) == ["AD1", "CH1", "VE1"])
        let drives = seen["links"]!.arrayValue!.first { $0["kind"]?.stringValue == "drives" }!
        #expect(drives["intel"]!.ids == ["IN4"])
        // Without code C, the drives link rests on nothing the viewer may see: it is withheld
        // with its report (not shown as if ungraded), and so is the vehicle it alone reaches.
        let hidden = try engine.associations(of: "AD1", hops: 1, filter: F(includeHandlingCodeC: false), viewer: QueryFixture.viewer)
        #expect(hidden["links"]!.arrayValue!.allSatisfy { $0["kind"]?.stringValue != "drives" })
        #expect(!Set(hidden["entities"]!.ids).contains("VE1"))
    }

    @Test func asOfLeavesOutWhatWasRecordedLater() throws {
        let engine = try QueryFixture.engine(FilterTests.lines)
        let yesterday = CalendarDate.today.adding(days: -1)
        #expect(throws: QueryError.self) {
            try engine.associations(of: "CH1", hops: 1, filter: F(asOf: yesterday), viewer: QueryFixture.viewer)
        }
        #expect(try neighbours(F(asOf: CalendarDate.today), engine: engine) == ["AD1", "AD2", "LO1"])
    }

    @Test func mergedIdsResolveToTheirEntity() throws {
        let engine = try QueryFixture.engine([
            QueryFixture.child("CH1"), QueryFixture.entity("VE1", "vehicle", extra: ["vrm": "ZZ11 AAA"]),
            QueryFixture.entity("VE9", "vehicle", extra: ["vrm": "zz11aaa"]), QueryFixture.link("CH1", "passenger_in", "VE9"),
        ])
        let answer = try engine.associations(of: "VE9", hops: 1, filter: F(), viewer: QueryFixture.viewer)
        #expect(answer["root"]?.stringValue == "VE1")
        #expect(Set(answer["entities"]!.ids) == ["VE1", "CH1"])
        #expect(throws: QueryError.self) { try engine.associations(of: "NOPE", hops: 1, filter: F(), viewer: QueryFixture.viewer) }
    }

    @Test func everyQueryIsAudited() throws {
        let engine = try QueryFixture.engine(FilterTests.lines)
        _ = try engine.associations(of: "CH1", hops: 1, filter: F(), viewer: QueryFixture.viewer)
        let last = try engine.store.auditEntries(limit: 1).first!
        #expect(last.operation == "consultation")
        #expect(last.records.contains("\"query\":\"associations\""))
        #expect(last.records.contains("\"CH1\""))
    }

    @Test func snapshotRefreshesWhenTheStoreChanges() throws {
        let store = try QueryFixture.store(FilterTests.lines)
        let engine = QueryEngine(store: store)
        let first = try engine.snapshot()
        #expect(try engine.snapshot() === first)
        try QueryFixture.load(store, [QueryFixture.adult("AD9"), QueryFixture.link("AD9", "associates_with", "CH1")])
        let second = try engine.snapshot()
        #expect(second !== first)
        #expect(try neighbours(F(), engine: engine).contains("AD9"))
    }
}
