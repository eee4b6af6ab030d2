import Foundation
import GRDB
import GraphCore

extension Store {
    /// Audit rows, newest first (or oldest first); with `refusedOnly`, only the reads
    /// refused for need-to-know.
    public func auditEntries(limit: Int = 50, oldestFirst: Bool = false, refusedOnly: Bool = false) throws -> [AuditLog.Entry] {
        do {
            return try writer.read { db in try AuditLog.entries(db, limit: limit, oldestFirst: oldestFirst, refusedOnly: refusedOnly) }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }

    /// The searches whose text was `text` (trimmed, any case), newest first: the log holds
    /// a keyed digest of each search's text, never the text (``AuditKey/searchDigest(_:)``),
    /// so only someone who knows the text can find them. Every key in the ring is tried.
    /// The look-up is itself audited, by the digest under the current key.
    public func auditSearches(for text: String, limit: Int = 50, by viewer: Viewer) throws -> [AuditLog.Entry] {
        let digests = auditSealer.keyring.keys.map { $0.searchDigest(text) }
        do {
            return try writer.write { db in
                let found = try AuditLog.entries(db, limit: limit, oldestFirst: false, where: """
                    json_valid(records) AND json_extract(records, '$.search.digest') IN (SELECT value FROM json_each(?))
                    """, arguments: [JSONValue.array(digests.map { .string($0) }).jsonText])
                try AuditLog.append(db, auditSealer, .consultation, by: viewer, records: .object([
                    "audit_log_searches": .object(["digest": .string(digests[digests.count - 1]),
                                                   "rows": .array(found.map { .number(String($0.seq)) })]),
                ]))
                return found
            }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }

    /// Records, in its own transaction, a read that answered "not found" (``AuditLog``'s
    /// `appendUnseen`): refused when the record exists, else not found.
    public func auditUnseen(_ what: String, _ id: String, found: Bool, by viewer: Viewer) throws {
        do {
            try writer.write { db in try AuditLog.appendUnseen(db, auditSealer, what, id, found: found, by: viewer) }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be written")
        }
    }

    /// A page of the rows `query` matches, newest first, where it sits among them, and the
    /// log's check, as an auditor reads them. The read is itself audited, in the same
    /// transaction as the rows are read: a consultation naming them and the conditions
    /// (the log holds who looked at what, and why). The row it writes is not among those
    /// read. The log is checked first, on a read connection, so that the whole log's hashing
    /// never holds up writers.
    public func readAuditLog(_ query: AuditQuery, by viewer: Viewer) throws -> AuditPage {
        let verification = try verifyAuditLog()
        do {
            return try writer.write { db in
                let paged = query.condition(paged: true), all = query.condition(paged: false)
                let entries = try AuditLog.entries(db, limit: query.limit, oldestFirst: false, where: paged.sql, arguments: paged.arguments)
                let matching = try AuditLog.count(db, where: all.sql, arguments: all.arguments)
                var newer = 0
                if let first = entries.first {
                    newer = try AuditLog.count(db, where: [all.sql, "seq > ?"].filter { !$0.isEmpty }.joined(separator: " AND "),
                                               arguments: all.arguments + [first.seq])
                }
                try AuditLog.append(db, auditSealer, .consultation, by: viewer, records: .object([
                    "audit_log": .object(["rows": .number(String(entries.count)),
                                          "from_seq": entries.last.map { .number(String($0.seq)) } ?? .null,
                                          "to_seq": entries.first.map { .number(String($0.seq)) } ?? .null,
                                          "query": query.json]),
                ]))
                return AuditPage(entries: entries, matching: matching, newer: newer, verification: verification)
            }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }

    /// Every row `query` matches (up to `cap`, newest first, ignoring its page), to leave
    /// the system as a file: the disclosure to `recipient` is written in the same
    /// transaction as the rows are read, with the conditions and the rows' span, so no row
    /// leaves unrecorded.
    public func exportAuditLog(_ query: AuditQuery, recipient: String, cap: Int = 100_000, by viewer: Viewer) throws -> [AuditLog.Entry] {
        do {
            return try writer.write { db in
                let all = query.condition(paged: false)
                let entries = try AuditLog.entries(db, limit: cap, oldestFirst: false, where: all.sql, arguments: all.arguments)
                try AuditLog.append(db, auditSealer, .disclosure, by: viewer, records: .object([
                    "audit_log_export": .object(["format": "csv", "rows": .number(String(entries.count)),
                                                 "from_seq": entries.last.map { .number(String($0.seq)) } ?? .null,
                                                 "to_seq": entries.first.map { .number(String($0.seq)) } ?? .null,
                                                 "query": query.json]),
                ]), recipients: [recipient])
                return entries
            }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }

    /// The first audit row of the database file at `path`, read without opening it as a
    /// store: no migration runs, so a file from an older (or newer) cegraph, or one that is
    /// not cegraph's at all, is only read. Nil when there is no such row or no audit log.
    public static func firstAuditEntry(path: String) -> AuditLog.Entry? {
        guard let queue = try? readOnly(path) else { return nil }
        return try? queue.read { db in
            guard try db.tableExists("audit_log") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM audit_log ORDER BY seq LIMIT 1").map(AuditLog.Entry.init)
        }
    }

    /// Checks every row of the log, its chain, keys and head (``AuditVerifier``), and the
    /// log against `anchor` when one is given.
    public func verifyAuditLog(anchor: AuditHead? = nil) throws -> AuditVerification {
        do {
            return try writer.read { db in
                try AuditVerifier(keyring: auditSealer.keyring, headPath: auditSealer.headFile?.path, anchor: anchor).verify(db)
            }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }

    /// Checks the log of the database at `path` without opening it as a store: nothing is
    /// migrated or written, so a damaged or tampered file is only read.
    ///
    /// - Throws: ``StoreError`` when the file cannot be read as a database, or the key file
    ///   is there but cannot be used.
    public static func verifyAuditLog(database path: String, keyPath: String?, anchor: AuditHead? = nil) throws -> AuditVerification {
        let files = AuditFiles(database: path, key: keyPath)
        let keyring = try files.keyringIfPresent()
        do {
            return try readOnly(path).read { db in
                guard try db.tableExists("audit_log") else {
                    throw StoreError("audit", "\(path) has no audit log: is it a cegraph database?", kind: .input)
                }
                return try AuditVerifier(keyring: keyring, headPath: files.headPath, anchor: anchor).verify(db)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("audit", wrapping: error, lead: "cannot read the database \(path)")
        }
    }

    /// The newest row's head, to record outside the database (`cegraph audit anchor`).
    public func auditHead() throws -> AuditHead {
        try writer.read { db in try Store.newestHead(db) ?? AuditHead.empty }
    }

    /// The newest row's head; nil for an empty log.
    private static func newestHead(_ db: Database) throws -> AuditHead? {
        try Row.fetchOne(db, sql: "SELECT seq, hash, key_id FROM audit_log ORDER BY seq DESC LIMIT 1").map { row in
            AuditHead(seq: row["seq"], mac: row["hash"] as String? ?? "", keyId: row["key_id"] as String? ?? "")
        }
    }

    /// Adds a new key to the key file, seals every row from now on with it, and records
    /// the change as the first row it seals. Older rows keep verifying with the keys that
    /// sealed them, which stay in the file.
    ///
    /// - Returns: the ids of the key replaced and of the new one.
    public func rotateAuditKey(by viewer: Viewer) throws -> (old: String, new: String) {
        guard auditSealer.keyring.path != nil else {
            throw StoreError("audit key", "this store keeps its key in memory only", kind: .input)
        }
        let old = auditSealer.keyring.current.id
        let ring = try auditSealer.rotate()
        do {
            try writer.write { db in try AuditLog.appendRotation(db, auditSealer, from: old, by: viewer) }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the new key is in the key file, but the audit log could not "
                             + "record the change")
        }
        return (old, ring.current.id)
    }

    /// Records that the head file was written again (``restoreAuditHead(database:keyPath:anchor:)``).
    public func restoredAuditHead(_ head: AuditHead, anchored: Bool, by viewer: Viewer) throws {
        try writer.write { db in
            try AuditLog.append(db, auditSealer, .alteration, by: viewer, records: .object([
                "audit_head_restored": .object(["seq": .number(String(head.seq)), "checked_against_anchor": .bool(anchored)]),
            ]))
        }
    }

    /// Writes the head file again at the log's newest row, after the log was checked (and
    /// against `anchor`, when given): for a head file that was lost. The database is not
    /// opened as a store, because a store refuses to open while the head is missing.
    ///
    /// - Returns: the check, and the head written (nil when the check found a fault, in
    ///   which case nothing is written).
    public static func restoreAuditHead(database path: String, keyPath: String?,
                                        anchor: AuditHead?) throws -> (AuditVerification, AuditHead?) {
        let files = AuditFiles(database: path, key: keyPath)
        let keyring = try AuditKeyring.load(path: files.keyPath)
        let (found, head) = try readOnly(path).read { db -> (AuditVerification, AuditHead?) in
            let found = try AuditVerifier(keyring: keyring, headPath: nil, anchor: anchor).verify(db)
            return (found, found.isIntact ? try newestHead(db) : nil)
        }
        if let head { try AuditHeadFile(path: files.headPath).advance(to: head) }
        return (found, head)
    }

    private static func readOnly(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
