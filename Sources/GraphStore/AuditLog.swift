import Crypto
import Foundation
import GRDB
import GraphCore

/// The audit log: one append-only row per read or write of personal data, with the fields
/// the Data Protection Act 2018 s.62 asks for, each row hash-chained to the one before.
///
/// Rows are written in the same transaction as the data they describe, so a change is
/// never stored without its audit row. Triggers in the schema refuse UPDATE and DELETE.
public enum AuditLog {
    /// The kinds of processing s.62 requires to be logged.
    public enum Operation: String, Sendable, CaseIterable {
        case collection, alteration, consultation, disclosure, combination, erasure
    }

    /// One row of the log.
    public struct Entry: Sendable, Equatable {
        public let seq: Int64
        public let at: String
        public let operation: String
        public let actor: String
        public let justification: String
        /// JSON: the records concerned (ids, counts, a file and its SHA-256).
        public let records: String
        /// JSON array: to whom the data was disclosed.
        public let recipients: String
        public let prevHash: String
        public let hash: String
    }

    /// What checking the chain found.
    public struct Verification: Sendable, Equatable {
        /// The number of rows checked.
        public let rows: Int
        /// The first row whose hash or link to the previous row does not match, if any.
        public let firstBrokenSeq: Int64?
        public var isIntact: Bool { firstBrokenSeq == nil }
    }

    static let genesis = String(repeating: "0", count: 64)

    /// Appends a row inside the caller's transaction.
    ///
    /// - Parameters:
    ///   - operation: the kind of processing.
    ///   - viewer: who acted and why.
    ///   - records: what was touched.
    ///   - recipients: to whom anything was disclosed.
    static func append(_ db: Database, _ operation: Operation, by viewer: Viewer, records: JSONValue,
                       recipients: [String] = []) throws {
        // Cached statements: every read writes a row, and parsing the SQL each time showed
        // in the service's profile.
        let previous = try Row.fetchOne(try db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (previous?["seq"] ?? 0) + 1
        let prevHash: String = previous?["hash"] ?? genesis
        let at = Date().utcStamp
        let recordsText = records.jsonText
        let recipientsText = JSONValue.array(recipients.map { .string($0) }).jsonText
        let actor = viewer.name.trimmingWhitespace().isEmpty ? "unknown" : viewer.name
        let justification = viewer.purpose.trimmingWhitespace().isEmpty ? "not given" : viewer.purpose
        let hash = chainHash(prevHash: prevHash, seq: seq, at: at, operation: operation.rawValue, actor: actor,
                             justification: justification, records: recordsText, recipients: recipientsText)
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (seq, at, operation, actor, justification, records, recipients, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, at, operation.rawValue, actor, justification, recordsText, recipientsText, prevHash, hash])
    }

    static func chainHash(prevHash: String, seq: Int64, at: String, operation: String, actor: String,
                          justification: String, records: String, recipients: String) -> String {
        let text = [prevHash, String(seq), at, operation, actor, justification, records, recipients].joined(separator: "\n")
        return Store.hex(SHA256.hash(data: Data(text.utf8)))
    }

    static func verify(_ db: Database) throws -> Verification {
        var expectedPrev = genesis
        var rows = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        while let row = try cursor.next() {
            rows += 1
            let entry = entry(row)
            let recomputed = chainHash(prevHash: entry.prevHash, seq: entry.seq, at: entry.at, operation: entry.operation,
                                       actor: entry.actor, justification: entry.justification,
                                       records: entry.records, recipients: entry.recipients)
            if entry.prevHash != expectedPrev || recomputed != entry.hash {
                return Verification(rows: rows, firstBrokenSeq: entry.seq)
            }
            expectedPrev = entry.hash
        }
        return Verification(rows: rows, firstBrokenSeq: nil)
    }

    /// The newest (or oldest) `limit` rows; with `refusedOnly`, only reads refused for
    /// need-to-know (``appendUnseen(_:_:_:found:by:)``).
    static func entries(_ db: Database, limit: Int, oldestFirst: Bool, refusedOnly: Bool = false) throws -> [Entry] {
        let filter = refusedOnly ? "WHERE json_extract(records, '$.refused') = 1" : ""
        return try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY seq \(oldestFirst ? "ASC" : "DESC") LIMIT ?",
                                arguments: [limit]).map(entry)
    }

    /// Records a read that answered "not found": `refused` when the record exists but the
    /// viewer may not see it (need-to-know), else `found: false`. Both rows are written
    /// the same way, in the read's transaction, so a hidden record and a missing one cost
    /// the viewer the same; only the audit log tells them apart.
    ///
    /// - Parameters:
    ///   - what: the kind of record asked for (`entity`, `intel`, `case`, `panel`, `map`...).
    ///   - id: the id asked for, as given.
    ///   - found: whether the record exists.
    static func appendUnseen(_ db: Database, _ what: String, _ id: String, found: Bool, by viewer: Viewer) throws {
        let outcome: (String, JSONValue) = found ? ("refused", .bool(true)) : ("found", .bool(false))
        try append(db, .consultation, by: viewer, records: .object(["asked": .object([what: .string(id)]), outcome.0: outcome.1]))
    }

    static func entry(_ row: Row) -> Entry {
        Entry(seq: row["seq"], at: row["at"], operation: row["operation"], actor: row["actor"],
              justification: row["justification"], records: row["records"], recipients: row["recipients"],
              prevHash: row["prev_hash"], hash: row["hash"])
    }
}

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

    /// Records, in its own transaction, a read that answered "not found" (``AuditLog``'s
    /// `appendUnseen`): refused when the record exists, else not found.
    public func auditUnseen(_ what: String, _ id: String, found: Bool, by viewer: Viewer) throws {
        do {
            try writer.write { db in try AuditLog.appendUnseen(db, what, id, found: found, by: viewer) }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be written")
        }
    }

    /// The newest `limit` rows and the chain's check, as an auditor reads them. The read
    /// is itself audited, in the same transaction as the rows are read: a consultation naming
    /// them (the log holds who looked at what, and why). The row it writes is not among
    /// those read. The chain is checked first, on a read connection, so that the whole
    /// log's hashing never holds up writers.
    public func readAuditLog(limit: Int, refusedOnly: Bool = false,
                             by viewer: Viewer) throws -> (entries: [AuditLog.Entry], verification: AuditLog.Verification) {
        let verification = try verifyAuditChain()
        do {
            return try writer.write { db in
                let entries = try AuditLog.entries(db, limit: limit, oldestFirst: false, refusedOnly: refusedOnly)
                try AuditLog.append(db, .consultation, by: viewer, records: .object([
                    "audit_log": .object(["rows": .number(String(entries.count)),
                                          "from_seq": entries.last.map { .number(String($0.seq)) } ?? .null,
                                          "to_seq": entries.first.map { .number(String($0.seq)) } ?? .null]),
                ]))
                return (entries, verification)
            }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }

    /// The first audit row of the database file at `path`, read without opening it as a
    /// store: no migration runs, so a file from an older (or newer) cegraph, or one that is
    /// not cegraph's at all, is only read. Nil when there is no such row or no audit log.
    public static func firstAuditEntry(path: String) -> AuditLog.Entry? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        return try? queue.read { db in
            guard try db.tableExists("audit_log") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM audit_log ORDER BY seq LIMIT 1").map(AuditLog.entry)
        }
    }

    /// Recomputes every row's hash and checks each row points at the one before.
    public func verifyAuditChain() throws -> AuditLog.Verification {
        do {
            return try writer.read { db in try AuditLog.verify(db) }
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be read")
        }
    }
}
