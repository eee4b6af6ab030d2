import Foundation
import GRDB
import Testing
import GraphCore
@testable import GraphStore

/// Migration 0008 rebuilds the audit log without its index on `hash`: every row must come
/// through as it was, the chain must still verify, and the log must stay append-only. 0011
/// and the first open then seal the old rows with the key.
struct AuditMigrationTests {
    @Test func rowsComeThroughTheRebuildWithTheirChain() throws {
        let database = try DatabaseQueue()
        try Migrations.migrator().migrate(database, upTo: "0007_panel_cancellation")
        let viewer = Viewer.commandLine(name: "test-analyst", purpose: "automated test")
        try database.write { db in
            for n in 0..<5 { try AuditMigrationTests.appendLegacy(db, records: #"{"n":\#(n)}"#) }
        }
        let before = try database.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY seq") }
        let indexedBefore = try database.read { try Row.fetchAll($0, sql: "PRAGMA index_list('audit_log')") }
        #expect(indexedBefore.count == 1, "0001 gave `hash` a unique index")

        let store = try Store(database)
        let after = try store.writer.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log WHERE seq <= 5 ORDER BY seq") }
        #expect(after.map { $0["hash"] as String } == before.map { $0["hash"] as String })
        // 0011 and the first open seal the old rows: checked under the old rule, then the
        // seal, the first keyed row, chained onto the last of them.
        let sealed = try store.verifyAuditLog()
        #expect(sealed.isIntact && sealed.rows == 6 && sealed.legacyRows == 5, "\(sealed.summary)")
        let seal = try #require(try store.auditEntries(limit: 1).first)
        #expect(seal.records.contains(#""audit_log_sealed""#) && seal.records.contains(#""old_rows_intact":true"#))
        let indexes = try store.writer.read { try Row.fetchAll($0, sql: "PRAGMA index_list('audit_log')") }
        #expect(indexes.isEmpty, "no index on the audit log: each row would land on a random page of it")

        // Still append-only, and the chain goes on from the last row copied.
        try store.auditQuery("test", parameters: [:], recordIds: ["C1"], by: viewer)
        let grown = try store.verifyAuditLog()
        #expect(grown.isIntact && grown.rows == 7, "\(grown.summary)")
        for sql in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try store.writer.write { try $0.execute(sql: sql) } }
        }
    }

    /// An old row whose legacy chain was broken before the upgrade: the seal records it,
    /// and verification names the row for ever after.
    @Test func aBrokenOldChainIsRecordedInTheSeal() throws {
        let database = try DatabaseQueue()
        try Migrations.migrator().migrate(database, upTo: "0010_panel_chair_and_minutes_approval")
        try database.write { db in
            for n in 0..<3 { try AuditMigrationTests.appendLegacy(db, records: #"{"n":\#(n)}"#) }
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
        }
        let store = try Store(database)
        let found = try store.verifyAuditLog()
        #expect(found.fault?.seq == 2 && found.fault?.column == "hash", "\(found.summary)")
        let seal = try #require(try store.auditEntries(limit: 1).first)
        #expect(seal.records.contains(#""old_rows_intact":false"#))
    }

    /// A row as cegraph wrote them before the key: SHA-256 over the fields joined by newlines.
    static func appendLegacy(_ db: Database, records: String) throws {
        let previous = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (previous?["seq"] as Int64? ?? 0) + 1
        let prev: String = previous?["hash"] as String? ?? AuditLog.genesis
        let at = "2026-01-0\(seq)T10:00:00Z"
        let fields = AuditSeal.Fields(seq: seq, at: Data(at.utf8), operation: Data("consultation".utf8), actor: Data("test-analyst".utf8),
                                      justification: Data("automated test".utf8), records: Data(records.utf8),
                                      recipients: Data("[]".utf8), prevHash: Data(prev.utf8), keyId: Data())
        try db.execute(sql: """
            INSERT INTO audit_log (seq, at, operation, actor, justification, records, recipients, prev_hash, hash)
            VALUES (?, ?, 'consultation', 'test-analyst', 'automated test', ?, '[]', ?, ?)
            """, arguments: [seq, at, records, prev, AuditSeal.legacyHash(fields)])
    }
}
