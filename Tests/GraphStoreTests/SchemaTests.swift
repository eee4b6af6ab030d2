import GRDB
import Testing
import GraphCore
@testable import GraphStore

/// The database refuses rows that break the rules even when Swift is bypassed.
struct SchemaTests {
    @Test func linkRulesInSQLMatchTheDomain() throws {
        let store = try Fixture.memoryStore()
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, from_kind, to_kind FROM link_rule ORDER BY 1, 2, 3")
                .map { "\($0["kind"] as String) \($0["from_kind"] as String) \($0["to_kind"] as String)" }
        }
        let swift = LinkKind.rules.map { "\($0.kind.rawValue) \($0.from.rawValue) \($0.to.rawValue)" }.sorted()
        #expect(rows == swift)
    }

    @Test func referenceAreasShip() throws {
        let store = try Fixture.memoryStore()
        let liverpool = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT name, force FROM area WHERE code = 'E08000012'")
        }
        #expect(liverpool?["name"] == "Liverpool" && liverpool?["force"] == "merseyside")
        #expect(try store.stats().areas == 18)
    }

    static let bypasses: [(String, String)] = [
        ("INSERT INTO intel (ref, date, source_evaluation, intelligence_assessment, handling_code, created_at, updated_at) VALUES ('X', '2026-01-01', '4', 'B', 'P', 'now', 'now')", "CHECK"),
        ("INSERT INTO intel (ref, date, source_evaluation, intelligence_assessment, handling_code, created_at, updated_at) VALUES ('X', '2026-01-01', '2', 'F', 'P', 'now', 'now')", "CHECK"),
        ("INSERT INTO intel (ref, date, source_evaluation, intelligence_assessment, handling_code, created_at, updated_at) VALUES ('X', '2026-01-01', '2', 'B', 'C', 'now', 'now')", "CHECK"),
        ("INSERT INTO entity (ref, kind, label, created_at, updated_at) VALUES ('X', 'suspect', 'A', 'now', 'now')", "FOREIGN KEY"),
        ("INSERT INTO entity (ref, kind, key, label, created_at, updated_at) VALUES ('X', 'phone', '07700900123', 'A', 'now', 'now')", "CHECK"),
        ("INSERT INTO entity (ref, kind, key, label, created_at, updated_at) VALUES ('X', 'vehicle', 'zz01 aaa', 'A', 'now', 'now')", "CHECK"),
        ("INSERT INTO entity (ref, kind, label, attrs, created_at, updated_at) VALUES ('X', 'child', 'A', '{\"risk\":\"merseyside:11\"}', 'now', 'now')", "CHECK"),
        ("INSERT INTO entity (ref, kind, label, attrs, created_at, updated_at) VALUES ('X', 'child', 'A', '{\"risk\":\"high\"}', 'now', 'now')", "CHECK"),
        ("INSERT INTO entity (ref, kind, label, area, created_at, updated_at) VALUES ('X', 'child', 'A', 'E99', 'now', 'now')", "FOREIGN KEY"),
        ("INSERT INTO link (from_id, to_id, kind, created_at) VALUES (999, 998, 'associates_with', 'now')", "link kind does not fit"),
        ("INSERT INTO link (from_id, to_id, kind, created_at) SELECT v.id, a.id, 'drives', 'now' FROM entity v, entity a WHERE v.ref = 'V1' AND a.ref = 'A1'", "link kind does not fit"),
        ("INSERT INTO link_support (link_id, intel_id) VALUES (1, 999)", "FOREIGN KEY"),
        ("INSERT INTO ref (ref, entity_id, intel_id) VALUES ('Y', 1, 1)", "CHECK"),
        ("UPDATE entity SET kind = 'adult' WHERE ref = 'C1'", "kind cannot change"),
        ("UPDATE link SET kind = 'sibling_of' WHERE kind = 'associates_with'", "ends and kind cannot change"),
        ("INSERT INTO area (code, name, area_type) VALUES ('Z', 'Z', 'local_authority')", "CHECK"),
    ]

    @Test(arguments: bypasses)
    func sqliteRefusesRowsThatBreakTheRules(sql: String, reason: String) throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        let before = try Fixture.snapshot(store)
        do {
            try store.writer.write { db in try db.execute(sql: sql) }
            Issue.record("SQLite accepted: \(sql)")
        } catch let error as DatabaseError {
            #expect("\(error)".contains(reason), "\(error)")
        }
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func fileStoresUseWALAndFullSync() throws {
        let store = try Fixture.fileStore()
        let (mode, sync, foreignKeys) = try store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal" && sync == 2 && foreignKeys == 1)
        // The writer is the connection whose commits must reach the disk.
        let writerSync = try store.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(writerSync == 2, "the writer commits with synchronous=FULL")
    }
}
