import Foundation
import Testing
import GraphCore
import GraphStore
@testable import GraphQuery

/// A snapshot brought up to date by deltas (issue 22) holds exactly what a full read of the
/// store holds, after every kind of write, and each filter's mask derived from the last
/// one matches the mask computed afresh.
@Suite struct SnapshotDeltaTests {
    typealias Q = QueryFixture

    static let start = [
        Q.child("CH1", area: "E08000012"), Q.child("CH2", risk: "merseyside:1", area: "E08000015"),
        Q.adult("AD1", area: "E08000012"), Q.adult("AD2", ofConcern: nil, area: "E08000015"), Q.adult("AD3", ofConcern: nil),
        Q.entity("VE1", "vehicle"), Q.entity("LO1", "location", area: "E08000012"),
        Q.entity("OP1", "operation", extra: ["status": "active"]),
        Q.intel("IN1", "1A", about: ["AD1"]), Q.intel("IN2", "3D"), Q.intel("IN3", "2B", handling: "C", about: ["AD3"]),
        Q.link("CH1", "associates_with", "AD1", intel: ["IN1"], first: "2026-01-10", last: "2026-02-10"),
        Q.link("CH2", "associates_with", "AD2", intel: ["IN2"], first: "2026-05-01"),
        Q.link("AD1", "drives", "VE1", intel: ["IN3"]),
        Q.link("CH1", "taken_to", "LO1", intel: ["IN2"], first: "2026-03-01"),
    ]

    /// The filters whose masks the engine keeps between writes in these tests.
    static let filters: [QueryFilter] = {
        var partner = QueryFilter(includeHandlingCodeC: false)
        partner.visibleTo = Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000012"]), withholdsHandlingCodeC: true)
        return [QueryFilter(), partner, QueryFilter(asOf: CalendarDate("2026-06-01")!), QueryFilter(minimumGrade: MinimumGrade("2B")!)]
    }()

    @Test func aDeltaHoldsWhatAFullReadHolds() throws {
        let directory = try Q.directory()
        let store = try Store.open(path: directory.appendingPathComponent("test.sqlite").path)
        try Q.load(store, SnapshotDeltaTests.start, in: directory)
        let engine = QueryEngine(store: store)
        let first = try engine.snapshot()
        for filter in SnapshotDeltaTests.filters { _ = first.view(filter) }
        let viewer = Q.viewer
        let writes: [(String, () throws -> Void)] = [
            ("new entities and links to old ones", {
                try Q.load(store, [Q.adult("AD4", ofConcern: nil, area: "E08000012"), Q.entity("PH1", "phone"),
                                   Q.intel("IN4", "2B", about: ["AD4"], harmFrom: ["AD4"]),
                                   Q.link("AD4", "associates_with", "CH1", intel: ["IN4"], first: "2026-07-01"),
                                   Q.link("AD4", "uses_phone", "PH1", intel: ["IN4"])], in: directory)
            }),
            ("an entity changed, a link confirmed by new intelligence", {
                try Q.load(store, [Q.child("CH2", risk: "merseyside:9", area: "E08000012"),
                                   Q.intel("IN5", "1B"), Q.link("CH2", "associates_with", "AD2", intel: ["IN5"], concern: true)],
                       in: directory)
            }),
            ("a report regraded and made code C", {
                _ = try store.transaction { tx in
                    try tx.editIntel("IN1", records: [["record": .string("intel"), "id": .string("IN1"), "date": .string("2026-10-01"),
                                                       "source_evaluation": .string("3"), "intelligence_assessment": .string("E"),
                                                       "handling_code": .string("C"), "handling_conditions": .string("police only")]],
                                     reason: "regraded", by: viewer)
                }
            }),
            ("a subject of an active operation", {
                _ = try store.transaction { tx in
                    try tx.enterIntel([["record": .string("intel"), "id": .string("IN6"), "date": .string("2026-11-01"),
                                        "source_evaluation": .string("2"), "intelligence_assessment": .string("B"),
                                        "handling_code": .string("P")],
                                       ["record": .string("link"), "from": .string("AD3"), "to": .string("OP1"),
                                        "kind": .string("subject_of"), "intel": .array([.string("IN6")])]], by: viewer)
                }
            }),
            ("the operation closed", {
                try Q.load(store, [Q.entity("OP1", "operation", extra: ["status": "closed", "closed": "2026-11-20"])], in: directory)
            }),
        ]
        for (what, write) in writes {
            try write()
            let delta = try engine.snapshot()
            let full = try SnapshotLoader.load(from: store)
            #expect(delta.version == full.version, "\(what)")
            #expect(delta.deltas > 0, "\(what): the snapshot was read whole, not brought up to date")
            #expect(Dump(delta) == Dump(full), "\(what)")
            for filter in SnapshotDeltaTests.filters {
                #expect(Dump(delta, filter) == Dump(full, filter), "\(what), filter \(filter.json)")
            }
        }
        #expect(engine.snapshotState.fullReads == 1)
    }

    @Test func aWriteThatTouchesNothingHeldKeepsTheSnapshotAndItsMasks() throws {
        let engine = try Q.engine(SnapshotDeltaTests.start)
        let first = try engine.snapshot()
        let mask = first.mask(for: QueryFilter())
        try engine.store.transaction { tx in try tx.bumpDataVersion() }
        let next = try engine.snapshot()
        #expect(next.version == first.version + 1 && next.deltas == first.deltas)
        #expect(next.mask(for: QueryFilter()) === mask)
    }

    /// A change a delta cannot carry (a new area) is read whole beside the snapshot in use,
    /// which goes on answering until the new one is ready (the service's engine).
    @Test func aFullReadRunsBesideTheSnapshotInUse() throws {
        let directory = try Q.directory()
        let store = try Store.open(path: directory.appendingPathComponent("test.sqlite").path)
        try Q.load(store, SnapshotDeltaTests.start, in: directory)
        let engine = QueryEngine(store: store, readsInBackground: true)
        let first = try engine.snapshot()
        try Q.load(store, [#"{"record":"area","code":"E99000001","name":"Testshire","area_type":"local_authority","force":"merseyside"}"#,
                           Q.adult("AD8", ofConcern: nil, area: "E99000001")], in: directory)
        let during = try engine.snapshot()
        #expect(during === first || during.areas.contains { $0.code == "E99000001" })
        let deadline = Date().addingTimeInterval(30)
        while engine.snapshotState.reading, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let after = try engine.snapshot()
        #expect(after.version > first.version && after.areas.contains { $0.code == "E99000001" })
        #expect(engine.snapshotState.fullReads == 2 && engine.snapshotState.lastReadReason == "areas changed or a bulk import wrote")
        let rowid = try #require(try store.entityRowid(for: "AD8"))
        #expect(after.area(of: try #require(after.entity(rowid: rowid)))?.name == "Testshire")
    }

    /// Another process's write (here a second connection to the same file, as an import or a
    /// second service would be) reaches the engine as a delta too, once the kept version is
    /// read again.
    @Test func anotherProcesssWriteArrivesAsADelta() throws {
        let directory = try Q.directory()
        let path = directory.appendingPathComponent("test.sqlite").path
        let store = try Store.open(path: path, configuration: StoreConfiguration(versionRecheck: 0))
        try Q.load(store, SnapshotDeltaTests.start, in: directory)
        let engine = QueryEngine(store: store)
        let first = try engine.snapshot()
        let other = try Store.open(path: path)
        try Q.load(other, [Q.adult("AD7", ofConcern: nil), Q.link("AD7", "associates_with", "CH2")], in: directory)
        let next = try engine.snapshot()
        #expect(next.version > first.version && next.deltas == 1 && engine.snapshotState.fullReads == 1)
        #expect(Dump(next) == Dump(try SnapshotLoader.load(from: store)))
    }

    @Test func anOlderSnapshotIsUnchangedByTheDeltasAfterIt() throws {
        let directory = try Q.directory()
        let store = try Store.open(path: directory.appendingPathComponent("test.sqlite").path)
        try Q.load(store, SnapshotDeltaTests.start, in: directory)
        let engine = QueryEngine(store: store)
        let first = try engine.snapshot()
        let before = Dump(first)
        try Q.load(store, [Q.adult("AD9", ofConcern: nil), Q.link("AD9", "associates_with", "CH1")], in: directory)
        let next = try engine.snapshot()
        #expect(next.entityCount == first.entityCount + 1 && Dump(first) == before)
        let rowid = try #require(try store.entityRowid(for: "CH1"))
        let child = try #require(first.entity(rowid: rowid))
        #expect(first.view().neighbourhood(of: child, hops: 1).entities.count == 3)
        #expect(next.view().neighbourhood(of: child, hops: 1).entities.count == 4)
    }
}

/// What a snapshot holds, by submitted ids, so that two snapshots compare whatever their
/// dense ids.
private struct Dump: Equatable, CustomStringConvertible {
    var entities: [String: String] = [:]
    var links: [String: Int] = [:]

    init(_ snapshot: Snapshot, _ filter: QueryFilter? = nil) {
        let view = filter.map { snapshot.view($0) }
        for entity in 0..<Int32(snapshot.entityCount) {
            if let view { guard view.includes(entity: entity) else { continue } } else if snapshot.removed.entities.contains(Int(entity)) { continue }
            let refs = { (reports: ArraySlice<Int32>) in reports.map(snapshot.intelRef).sorted().joined(separator: ",") }
            let periods = snapshot.riskPeriods(of: entity).map { "\($0.from)-\($0.until.map(String.init) ?? "")" }
            entities[snapshot.ref(entity)] = [snapshot.kind(entity).rawValue, snapshot.label(entity), snapshot.area(of: entity)?.code ?? "-",
                                              String(snapshot.entities.flags[Int(entity)]), snapshot.risk(of: entity) ?? "-",
                                              String(snapshot.entities.created[Int(entity)]), refs(snapshot.about(entity)),
                                              refs(snapshot.harmReports(entity)), periods.joined(separator: ",")].joined(separator: "|")
        }
        for link in 0..<Int32(snapshot.linkCount) {
            if let view { guard view.includes(link: link) else { continue } } else if snapshot.removed.links.contains(Int(link)) { continue }
            let (from, to) = snapshot.ends(link)
            let grading = snapshot.support(link).map { "\(snapshot.intelRef($0)) \(snapshot.grading($0))" }.sorted()
            let key = [snapshot.ref(from), snapshot.linkKind(link).rawValue, snapshot.ref(to), String(snapshot.links.first[Int(link)]),
                       String(snapshot.links.last[Int(link)]), grading.joined(separator: ","),
                       snapshot.concernReports(link).map(snapshot.intelRef).sorted().joined(separator: ",")].joined(separator: "|")
            links[key, default: 0] += 1
        }
    }

    var description: String { "\(entities.sorted { $0.key < $1.key })\n\(links.keys.sorted())" }
}
