import Foundation
import GRDB
import Testing
import GraphCore
@testable import GraphStore

/// The tamper suite: an attacker who can write the database file (the append-only triggers
/// dropped through sqlite3) but does not hold the key. Every trial must be caught by
/// `audit verify`, whichever way the log was changed: rows deleted, the table emptied,
/// fields edited with and without the chain recomputed (under the old rule, or under a key
/// of the attacker's), text moved between fields, characters re-encoded, rows forged or
/// renumbered, the file put back from an older copy, the head file removed or rewritten.
struct AuditTamperTests {
    /// A database with a sealed log (two keys, a legacy prefix in one variant), its key and
    /// head files, and an older copy of it.
    struct Template {
        let folder: URL
        let database: String
        let older: String
        let anchor: AuditHead
        var key: String { database + ".audit-key" }
        var head: String { database + ".audit-head" }
        let rows: Int64
    }

    static let viewers = [
        Viewer.commandLine(name: "bob\nsmith", purpose: "panel\npreparation"),
        Viewer.commandLine(name: "analyst-1", purpose: "network review \u{FFFD} caf\u{E9}"),
        Viewer.commandLine(name: "coordinator", purpose: "MACCSE referral"),
    ]

    /// Builds the template: `legacy` old-rule rows first (then the upgrade seals them),
    /// 24 rows of reads and disclosures, a key rotation, more rows.
    static func template(legacy: Int) throws -> Template {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-tamper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("picture.sqlite").path
        if legacy > 0 {
            let queue = try DatabaseQueue(path: database)
            try Migrations.migrator().migrate(queue, upTo: "0010_panel_chair_and_minutes_approval")
            try queue.write { db in
                for n in 0..<legacy { try AuditMigrationTests.appendLegacy(db, records: #"{"old":\#(n)}"#) }
            }
            try queue.close()
        }
        var store: Store? = try Store.open(path: database)
        func rows(_ count: Int, from start: Int) throws {
            for n in start..<(start + count) {
                let viewer = viewers[n % viewers.count]
                if n % 4 == 3 {
                    try store!.transaction { tx in
                        try tx.audit(.disclosure, by: viewer, records: .object(["export": .string("map-\(n)")]),
                                     recipients: ["panel", "agency \(n)"])
                    }
                } else {
                    try store!.auditQuery("associations", parameters: ["of": .string("CH\(n)")], recordIds: ["CH\(n)", "AD\(n)"],
                                          by: viewer)
                }
            }
        }
        try rows(12, from: 0)
        let olderCopy = folder.appendingPathComponent("older.sqlite").path
        try checkpoint(store!)
        try FileManager.default.copyItem(atPath: database, toPath: olderCopy)
        try rows(6, from: 12)
        _ = try store!.rotateAuditKey(by: viewers[2])
        try rows(6, from: 18)
        let anchor = try store!.auditHead()
        try checkpoint(store!)
        store = nil
        return Template(folder: folder, database: database, older: olderCopy, anchor: anchor, rows: anchor.seq)
    }

    static func checkpoint(_ store: Store) throws {
        _ = try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// A copy of the template's three files in a folder of its own.
    static func copy(_ template: Template) throws -> Template {
        let folder = template.folder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("picture.sqlite").path
        for (from, to) in [(template.database, database), (template.key, database + ".audit-key"),
                           (template.head, database + ".audit-head")] {
            try FileManager.default.copyItem(atPath: from, toPath: to)
        }
        return Template(folder: folder, database: database, older: template.older, anchor: template.anchor, rows: template.rows)
    }

    /// One way of tampering, applied to a copy.
    struct Tamper: CustomStringConvertible {
        let description: String
        /// Whether only an anchor recorded elsewhere can catch it (the head file rewritten too).
        var needsAnchor = false
        let apply: (Template) throws -> Void
    }

    /// Runs SQL on the copy with the append-only triggers dropped.
    static func sql(_ template: Template, _ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: template.database)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete")
            try body(db)
        }
        try queue.close()
    }

    /// The rows' fields as stored, in order.
    static func fields(_ db: Database) throws -> [AuditSeal.Fields] {
        try Row.fetchAll(db, sql: """
            SELECT seq, CAST(at AS BLOB) a, CAST(operation AS BLOB) o, CAST(actor AS BLOB) ac, CAST(justification AS BLOB) j,
                   CAST(records AS BLOB) r, CAST(recipients AS BLOB) re, CAST(prev_hash AS BLOB) p, CAST(key_id AS BLOB) k
            FROM audit_log ORDER BY seq
            """).map { row in
            AuditSeal.Fields(seq: row["seq"], at: row["a"], operation: row["o"], actor: row["ac"], justification: row["j"],
                             records: row["r"], recipients: row["re"], prevHash: row["p"], keyId: row["k"] as Data? ?? Data())
        }
    }

    /// Recomputes the chain from row `from` on: under the old rule (no key), or under a
    /// key of the attacker's (keeping each row's key id, or naming the attacker's key).
    enum Rechain { case legacy, attackerKeepingIds, attackerNamingOwnKey }

    static func rechain(_ db: Database, from: Int64, _ how: Rechain) throws {
        let attacker = AuditKey.generate()
        var previous: Data?
        for var row in try fields(db) {
            if row.seq < from { previous = Data((try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE seq = ?",
                                                                       arguments: [row.seq]) ?? "").utf8); continue }
            row.prevHash = previous ?? Data(AuditLog.genesis.utf8)
            let hash: String, keyId: String?
            switch how {
            case .legacy: hash = AuditSeal.legacyHash(row); keyId = nil
            case .attackerKeepingIds: hash = AuditSeal.mac(row, key: attacker); keyId = String(decoding: row.keyId, as: UTF8.self)
            case .attackerNamingOwnKey:
                row.keyId = Data(attacker.id.utf8)
                hash = AuditSeal.mac(row, key: attacker); keyId = attacker.id
            }
            try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = ? WHERE seq = ?",
                           arguments: [String(decoding: row.prevHash, as: UTF8.self), hash, keyId.flatMap { $0.isEmpty ? nil : $0 }, row.seq])
            previous = Data(hash.utf8)
        }
    }

    static let columns = ["at", "operation", "actor", "justification", "records", "recipients"]

    static func edited(_ column: String, seq: Int64) -> String {
        switch column {
        case "at": return "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE seq = \(seq)"
        case "operation": return "UPDATE audit_log SET operation = CASE operation WHEN 'disclosure' THEN 'consultation' ELSE 'disclosure' END WHERE seq = \(seq)"
        case "records": return #"UPDATE audit_log SET records = '{"nothing":true}' WHERE seq = \#(seq)"#
        case "recipients": return #"UPDATE audit_log SET recipients = '["nobody"]' WHERE seq = \#(seq)"#
        default: return "UPDATE audit_log SET \(column) = 'someone else' WHERE seq = \(seq)"
        }
    }

    /// Every way of tampering tried, over the rows of a template.
    static func tampers(_ template: Template) -> [Tamper] {
        var all: [Tamper] = []
        let last = template.rows
        let targets: [Int64] = [1, 2, 5, 9, 13, last / 2, last - 3, last - 1, last]
        for count in 1...5 {
            all.append(Tamper(description: "delete the newest \(count) rows") { t in
                try sql(t) { try $0.execute(sql: "DELETE FROM audit_log WHERE seq > ?", arguments: [last - Int64(count)]) }
            })
            all.append(Tamper(description: "delete the newest \(count) rows and rewrite the head file to match", needsAnchor: true) { t in
                var newest: AuditHead?
                try sql(t) { db in
                    try db.execute(sql: "DELETE FROM audit_log WHERE seq > ?", arguments: [last - Int64(count)])
                    let row = try #require(try Row.fetchOne(db, sql: "SELECT seq, hash, key_id FROM audit_log ORDER BY seq DESC LIMIT 1"))
                    newest = AuditHead(seq: row["seq"], mac: row["hash"], keyId: row["key_id"] as String? ?? "")
                }
                try (try #require(newest).description + "\n").write(toFile: t.head, atomically: false, encoding: .utf8)
            })
        }
        all.append(Tamper(description: "empty the table") { t in try sql(t) { try $0.execute(sql: "DELETE FROM audit_log") } })
        all.append(Tamper(description: "empty the table and the head file", needsAnchor: true) { t in
            try sql(t) { try $0.execute(sql: "DELETE FROM audit_log") }
            try (AuditHead.empty.description + "\n").write(toFile: t.head, atomically: false, encoding: .utf8)
        })
        all.append(Tamper(description: "remove the head file") { t in try FileManager.default.removeItem(atPath: t.head) })
        all.append(Tamper(description: "put back an older copy of the database") { t in
            try FileManager.default.removeItem(atPath: t.database)
            try FileManager.default.copyItem(atPath: t.older, toPath: t.database)
        })
        for seq in targets where seq > 1 && seq < last {
            all.append(Tamper(description: "delete row \(seq)") { t in
                try sql(t) { try $0.execute(sql: "DELETE FROM audit_log WHERE seq = ?", arguments: [seq]) }
            })
            all.append(Tamper(description: "delete row \(seq) and renumber the rest") { t in
                try sql(t) { db in
                    try db.execute(sql: "DELETE FROM audit_log WHERE seq = ?", arguments: [seq])
                    try db.execute(sql: "UPDATE audit_log SET seq = seq - 1 WHERE seq > ?", arguments: [seq])
                }
            })
            all.append(Tamper(description: "delete row \(seq) and recompute the chain under the old rule") { t in
                try sql(t) { db in
                    try db.execute(sql: "DELETE FROM audit_log WHERE seq = ?", arguments: [seq])
                    try db.execute(sql: "UPDATE audit_log SET seq = seq - 1 WHERE seq > ?", arguments: [seq])
                    try rechain(db, from: seq, .legacy)
                }
            })
        }
        for seq in targets {
            for column in columns {
                all.append(Tamper(description: "edit \(column) of row \(seq)") { t in try sql(t) { try $0.execute(sql: edited(column, seq: seq)) } })
                for how in [Rechain.legacy, .attackerKeepingIds, .attackerNamingOwnKey] {
                    all.append(Tamper(description: "edit \(column) of row \(seq), recompute the chain (\(how))") { t in
                        try sql(t) { db in
                            try db.execute(sql: edited(column, seq: seq))
                            try rechain(db, from: seq, how)
                        }
                    })
                }
            }
            all.append(Tamper(description: "store row \(seq)'s actor as bytes") { t in
                try sql(t) { try $0.execute(sql: "UPDATE audit_log SET actor = CAST(actor AS BLOB) WHERE seq = ?", arguments: [seq]) }
            })
            all.append(Tamper(description: "empty row \(seq)'s seal") { t in
                try sql(t) { db in
                    try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                    try db.execute(sql: "UPDATE audit_log SET hash = '' WHERE seq = ?", arguments: [seq])
                }
            })
            all.append(Tamper(description: "name the other key on row \(seq)") { t in
                try sql(t) { db in
                    try db.execute(sql: """
                        UPDATE audit_log SET key_id = (SELECT key_id FROM audit_log b WHERE b.key_id IS NOT NULL
                                                       AND b.key_id IS NOT audit_log.key_id LIMIT 1) WHERE seq = ?
                        """, arguments: [seq])
                }
            })
        }
        // Text moved between fields: the actor "bob\nsmith" becomes "bob" and the newline and
        // "smith" move into the justification (the old rule joined fields with newlines).
        for how in [Rechain?.none, .legacy] {
            all.append(Tamper(description: "move text from actor to justification\(how.map { ", recompute (\($0))" } ?? "")") { t in
                try sql(t) { db in
                    try db.execute(sql: #"""
                        UPDATE audit_log SET actor = 'bob', justification = 'smith' || char(10) || justification
                        WHERE actor = 'bob' || char(10) || 'smith'
                        """#)
                    if let how { try rechain(db, from: 1, how) }
                }
            })
        }
        // Encodings: U+FFFD replaced by a raw 0xFF byte (which reads back as U+FFFD); é
        // decomposed (NFD), which looks the same.
        all.append(Tamper(description: "replace U+FFFD by a raw 0xFF byte") { t in
            try sql(t) { db in
                try db.execute(sql: """
                    UPDATE audit_log SET justification = CAST(replace(CAST(justification AS BLOB), X'EFBFBD', X'FF') AS TEXT)
                    WHERE instr(CAST(justification AS BLOB), X'EFBFBD') > 0
                    """)
            }
        })
        all.append(Tamper(description: "decompose é (NFC to NFD)") { t in
            try sql(t) { db in
                try db.execute(sql: "UPDATE audit_log SET justification = replace(justification, char(233), 'e' || char(769))")
            }
        })
        // Rows forged at the end, and two rows swapped.
        for how in [Rechain.legacy, .attackerKeepingIds, .attackerNamingOwnKey] {
            all.append(Tamper(description: "forge a row at the end (\(how))") { t in
                try sql(t) { db in
                    try db.execute(sql: """
                        INSERT INTO audit_log (seq, at, operation, actor, justification, records, recipients, prev_hash, hash, key_id)
                        SELECT seq + 1, at, 'consultation', 'nobody', 'forged', '{}', '[]', hash, hash, key_id FROM audit_log
                        ORDER BY seq DESC LIMIT 1
                        """)
                    try rechain(db, from: last + 1, how)
                }
            })
        }
        all.append(Tamper(description: "swap rows 3 and 4") { t in
            try sql(t) { db in
                try db.execute(sql: "UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; "
                               + "UPDATE audit_log SET seq = 4 WHERE seq = -1")
            }
        })
        return all
    }

    @Test(arguments: [0, 6])
    func everyTamperingIsDetected(legacyRows: Int) throws {
        let template = try Self.template(legacy: legacyRows)
        defer { try? FileManager.default.removeItem(at: template.folder) }
        // The control: an untouched copy verifies, against its head and its anchor.
        let control = try Self.copy(template)
        let intact = try Store.verifyAuditLog(database: control.database, keyPath: nil, anchor: template.anchor)
        #expect(intact.isIntact && intact.legacyRows == legacyRows && intact.keys.count == 2, "\(intact.summary)")

        var missed: [String] = []
        let tampers = Self.tampers(template)
        for tamper in tampers {
            let copy = try Self.copy(template)
            try tamper.apply(copy)
            let found = try Store.verifyAuditLog(database: copy.database, keyPath: nil,
                                                 anchor: tamper.needsAnchor ? template.anchor : nil)
            if found.isIntact { missed.append("\(tamper): \(found.summary)") }
        }
        print("audit tamper suite (\(legacyRows) old-rule rows): \(tampers.count) trials, \(tampers.count - missed.count) detected")
        #expect(tampers.count >= 100)
        #expect(missed.isEmpty, "\(missed.count) not detected: \(missed.joined(separator: "\n"))")
    }

    /// A row no cegraph would write (bytes where text must be, invalid UTF-8) is
    /// reported with its row and column, and listing the log shows it rather than crashing.
    @Test func aMalformedRowIsReportedNotACrash() throws {
        let template = try Self.template(legacy: 0)
        defer { try? FileManager.default.removeItem(at: template.folder) }
        let copy = try Self.copy(template)
        try Self.sql(copy) { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE audit_log SET actor = X'FF', at = X'3132' WHERE seq = 7")
        }
        let found = try Store.verifyAuditLog(database: copy.database, keyPath: nil)
        #expect(found.fault?.seq == 7 && found.fault?.column == "at", "\(found.summary)")
        let store = try Store.open(path: copy.database)
        let entries = try store.auditEntries(limit: 100)
        let damaged = try #require(entries.first { $0.seq == 7 })
        #expect(damaged.damage?.contains("at: stored as bytes") == true && damaged.damage?.contains("actor: stored as bytes") == true)
    }

    /// The search text is never stored: a keyed digest is, which finds the searches again.
    @Test func searchesAreAuditedByDigest() throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        _ = try store.search("Amber Stone", for: Fixture.viewer)
        let row = try #require(try store.auditEntries(limit: 1).first)
        #expect(!row.records.lowercased().contains("amber"), "\(row.records)")
        let found = try store.auditSearches(for: "  amber stone ", by: Fixture.viewer)
        #expect(found.map(\.seq) == [row.seq])
        #expect(try store.auditSearches(for: "amber", by: Fixture.viewer).isEmpty)
    }
}
