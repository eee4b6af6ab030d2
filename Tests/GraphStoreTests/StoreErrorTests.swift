import Foundation
import GRDB
import Testing
import GraphCore
import GraphStore

/// Errors from SQLite are classified by result code where the store meets them, and the
/// words a user sees never quote SQL or a constraint's expression.
struct StoreErrorTests {
    /// Words that would mean SQL reached a user: statements, and the expressions of
    /// `schema/`'s constraints.
    static let sqlWords = ["CHECK", "INSERT", "UPDATE", "SELECT", "constraint failed", "GLOB", "json_valid", "length(", "IN ("]

    static func quotesSQL(_ text: String) -> Bool {
        sqlWords.contains { text.contains($0) }
    }

    /// What a raw statement throws, as the store's conversion classifies it.
    static func converted(_ sql: String, in store: Store) throws -> StoreError {
        do {
            try store.writer.write { db in try db.execute(sql: sql) }
        } catch {
            return StoreError("test", wrapping: error)
        }
        throw StoreError("test", "the statement did not fail: \(sql)")
    }

    static let broken: [(sql: String, kind: ErrorKind, words: String)] = [
        ("INSERT INTO intel (ref, date, source_evaluation, intelligence_assessment, handling_code, created_at, updated_at) VALUES ('X', '2026-01-01', '4', 'B', 'P', 'now', 'now')",
         .input, "a value is not one the store allows"),
        ("INSERT INTO area (code, name, area_type) VALUES ('Z9', 'Z', 'local_authority')", .input, "a value is not one the store allows"),
        ("INSERT INTO entity (ref, kind, label, created_at, updated_at) VALUES ('X', 'suspect', 'A', 'now', 'now')",
         .input, "names a record that does not exist"),
        ("INSERT INTO entity (ref, kind, created_at, updated_at) VALUES ('X', 'child', 'now', 'now')", .input, "a required value is missing"),
        ("INSERT INTO area (code, name, area_type, force) VALUES ('E08000012', 'Again', 'local_authority', 'merseyside')",
         .conflict, "would duplicate a record"),
        ("INSERT INTO link (from_id, to_id, kind, created_at) VALUES (999, 998, 'associates_with', 'now')",
         .input, "link kind does not fit the kinds of its endpoints"),
        ("DELETE FROM audit_log", .input, "the audit log is append-only"),
        ("SELECT * FROM no_such_table", .internal, "the database failed (SQLite result code 1)"),
    ]

    @Test(arguments: broken)
    func aRefusedStatementIsClassifiedWithoutItsSQL(_ broken: (sql: String, kind: ErrorKind, words: String)) throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, #"{"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}"#)
        let error = try Self.converted(broken.sql, in: store)
        #expect(error.kind == broken.kind, "\(broken.sql): \(error.diagnostic)")
        #expect(error.message.contains(broken.words), "\(error.message)")
        #expect(!Self.quotesSQL(error.description) && !Self.quotesSQL(error.userMessage), "\(error.description)")
        #expect(error.detail?.contains("SQLite error") == true, "the log keeps what SQLite said: \(error.diagnostic)")
    }

    @Test func aCheckNamesNoColumnExpression() throws {
        let store = try Fixture.memoryStore()
        let error = try Self.converted(
            "INSERT INTO entity (ref, kind, key, label, created_at, updated_at) VALUES ('X', 'phone', '07700900123', 'A', 'now', 'now')", in: store)
        #expect(error.kind == .input)
        #expect(!error.description.contains("kind") && !error.description.contains("key") && !error.description.contains("+[1-9]"),
                "\(error.description)")
        #expect(error.diagnostic.contains("CHECK constraint failed"), "the operator's log has the detail: \(error.diagnostic)")
    }

    static let codes: [(code: Int32, kind: ErrorKind)] = [
        (5, .unavailable), (5 | (3 << 8), .unavailable), (6, .unavailable), (13, .unavailable), (10 | (4 << 8), .unavailable),
        (19 | (8 << 8), .conflict), (19 | (6 << 8), .conflict), (19 | (1 << 8), .input), (19 | (5 << 8), .input),
        (19 | (3 << 8), .input), (19 | (7 << 8), .input), (19, .input), (1, .internal), (11, .internal), (14, .internal),
    ]

    @Test(arguments: codes)
    func resultCodesHaveKinds(_ entry: (code: Int32, kind: ErrorKind)) {
        // A trigger's message is its RAISE text, written in schema/ as words for users, and
        // passed on; every other message is SQLite's own and stays in the detail.
        let message = entry.code == 19 | (7 << 8) ? "an entity's kind cannot change" : "CHECK constraint failed: x IN ('a')"
        let error = StoreError.database("test", code: entry.code, message: message)
        #expect(error.kind == entry.kind, "SQLite result code \(entry.code)")
        #expect(!Self.quotesSQL(error.description), "\(error.description)")
    }

    @Test func aBusyDatabaseIsUnavailableNotBadInput() throws {
        let path = try Fixture.directory().appendingPathComponent("busy.sqlite").path
        let store = try Store.open(path: path, configuration: StoreConfiguration(busyTimeout: 0.05))
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") } }

        let written = #expect(throws: StoreError.self) { try store.transaction { tx in try tx.bumpDataVersion() } }
        #expect(written?.kind == .unavailable && written?.message.contains("busy") == true, "\(String(describing: written))")
        #expect(!Self.quotesSQL(written?.description ?? ""), "\(String(describing: written))")
        let imported = #expect(throws: StoreError.self) {
            try Fixture.load(store, #"{"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}"#)
        }
        #expect(imported?.kind == .unavailable, "\(String(describing: imported))")
        #expect(try store.stats().entities == 0, "reads go on while another process writes")
    }

    @Test func errorsPlacedAtALineKeepTheirKind() {
        let busy = StoreError.database("import", code: 5, message: "database is locked")
        let placed = busy.at(SourceLocation(file: "a.jsonl", line: 3))
        #expect(placed.kind == .unavailable && placed.location?.line == 3 && placed.detail == busy.detail)
        #expect(StoreError("import", "bad", field: "kind").kind == .input, "an error about a field is the user's to fix")
        #expect(StoreError("open", "the schema folder is missing").kind == .internal)
    }

    @Test func theKindIsSetWhereTheErrorIsMade() throws {
        let store = try Fixture.memoryStore()
        let unread = #expect(throws: StoreError.self) {
            try store.importFile(at: "/no/such/file.jsonl", options: ImportOptions(viewer: Fixture.viewer))
        }
        #expect(unread?.kind == .input, "the user named the file")
        try Fixture.load(store, #"{"record":"intel","id":"IN1","date":"2026-01-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P"}"#)
        let taken = #expect(throws: StoreError.self) {
            try store.transaction { tx in
                try tx.enterIntel([["record": "intel", "id": "IN1", "date": "2026-01-02", "source_evaluation": "2",
                                    "intelligence_assessment": "B", "handling_code": "P"]], by: Fixture.viewer)
            }
        }
        #expect(taken?.kind == .conflict, "a report is changed by an edit, which keeps its history")
    }
}
