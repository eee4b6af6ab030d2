import GRDB
import Testing
import GraphCore
@testable import GraphStore

/// Migration 0008 rebuilds the audit log without its index on `hash`: every row must come
/// through as it was, the chain must still verify, and the log must stay append-only.
struct AuditMigrationTests {
    @Test func rowsComeThroughTheRebuildWithTheirChain() throws {
        let database = try DatabaseQueue()
        try Migrations.migrator().migrate(database, upTo: "0007_panel_cancellation")
        let viewer = Viewer.commandLine(name: "test-analyst", purpose: "automated test")
        try database.write { db in
            for n in 0..<5 {
                try AuditLog.append(db, .consultation, by: viewer, records: .object(["n": .number(String(n))]))
            }
        }
        let before = try database.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY seq") }
        let indexedBefore = try database.read { try Row.fetchAll($0, sql: "PRAGMA index_list('audit_log')") }
        #expect(indexedBefore.count == 1, "0001 gave `hash` a unique index")

        let store = try Store(database)
        let after = try store.writer.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY seq") }
        #expect(after == before)
        #expect(try store.verifyAuditChain() == AuditLog.Verification(rows: 5, firstBrokenSeq: nil))
        let indexes = try store.writer.read { try Row.fetchAll($0, sql: "PRAGMA index_list('audit_log')") }
        #expect(indexes.isEmpty, "no index on the audit log: each row would land on a random page of it")

        // Still append-only, and the chain goes on from the last row copied.
        try store.auditQuery("test", parameters: [:], recordIds: ["C1"], by: viewer)
        #expect(try store.verifyAuditChain() == AuditLog.Verification(rows: 6, firstBrokenSeq: nil))
        for sql in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.writer.write { try $0.execute(sql: sql) } }
        }
    }
}
