import Foundation
import GRDB
import GraphCore

/// The audit log: one append-only row per read or write of personal data, with the fields
/// the Data Protection Act 2018 s.62 asks for, each row sealed with a keyed MAC that covers
/// the row before's (``AuditSeal``), the newest row's kept outside the database as well
/// (``AuditHead``).
///
/// Rows are written in the same transaction as the data they describe, so a change is
/// never stored without its audit row. Triggers in the schema refuse UPDATE and DELETE.
public enum AuditLog {
    /// The kinds of processing s.62 requires to be logged.
    public enum Operation: String, Sendable, CaseIterable {
        case collection, alteration, consultation, disclosure, combination, erasure
    }

    /// The `prev_hash` of the first row.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends a row inside the caller's transaction, sealed with the store's key, and has
    /// the head file moved to it once the transaction commits.
    ///
    /// - Parameters:
    ///   - operation: the kind of processing.
    ///   - viewer: who acted and why.
    ///   - records: what was touched.
    ///   - recipients: to whom anything was disclosed.
    static func append(_ db: Database, _ sealer: AuditSealer, _ operation: Operation, by viewer: Viewer, records: JSONValue,
                       recipients: [String] = []) throws {
        let actor = viewer.name.trimmingWhitespace().isEmpty ? "unknown" : viewer.name
        let justification = viewer.purpose.trimmingWhitespace().isEmpty ? "not given" : viewer.purpose
        try append(db, sealer, operation.rawValue, actor: actor, justification: justification, records: records.jsonText,
                   recipients: JSONValue.array(recipients.map { .string($0) }).jsonText)
    }

    private static func append(_ db: Database, _ sealer: AuditSealer, _ operation: String, actor: String,
                               justification: String, records: String, recipients: String) throws {
        // Cached statements: every read writes a row, and parsing the SQL each time showed
        // in the service's profile.
        let previous = try Row.fetchOne(try db.cachedStatement(sql: "SELECT seq, hash, key_id FROM audit_log ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (previous?["seq"] as Int64? ?? 0) + 1
        let prevHash: String = previous?["hash"] as String? ?? genesis
        let at = Date().utcStamp
        let (mac, keyId) = sealer.seal(AuditSeal.Fields(
            seq: seq, at: Data(at.utf8), operation: Data(operation.utf8), actor: Data(actor.utf8),
            justification: Data(justification.utf8), records: Data(records.utf8), recipients: Data(recipients.utf8),
            prevHash: Data(prevHash.utf8), keyId: Data()), after: previous?["key_id"] as String?)
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (seq, at, operation, actor, justification, records, recipients, prev_hash, hash, key_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, at, operation, actor, justification, records, recipients, prevHash, mac, keyId])
        sealer.sealed(AuditHead(seq: seq, mac: mac, keyId: keyId), in: db)
    }

    /// Seals a log written before the key: checks its rows under the old rule and appends
    /// the seal, the first keyed row, chained onto the last of them, recording what was
    /// found. Does nothing to a log with no rows or with a keyed row already.
    static func sealLegacy(_ db: Database, _ sealer: AuditSealer) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_log)") == true,
              try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_log WHERE key_id IS NOT NULL)") == false else { return }
        let found = try AuditVerifier(keyring: sealer.keyring, headPath: nil).verify(db)
        var sealed: [String: JSONValue] = ["rows": .number(String(found.rows)), "rule": .string("hmac-sha256"),
                                           "key": .string(sealer.keyring.current.id), "old_rows_intact": .bool(found.isIntact)]
        if let fault = found.fault { sealed["old_rows_fault"] = .string(fault.description) }
        try append(db, sealer, Operation.alteration.rawValue, actor: "cegraph",
                   justification: "sealing the audit log with its key; the rows before were checked under the old rule",
                   records: JSONValue.object(["audit_log_sealed": .object(sealed)]).jsonText, recipients: "[]")
    }

    /// Records that the key was rotated: the first row sealed with the new key, naming the
    /// one it replaces.
    static func appendRotation(_ db: Database, _ sealer: AuditSealer, from old: String, by viewer: Viewer) throws {
        try append(db, sealer, .alteration, by: viewer, records: .object([
            "audit_key_rotated": .object(["from": .string(old), "to": .string(sealer.keyring.current.id)]),
        ]))
    }

    /// The newest (or oldest) `limit` rows; with `refusedOnly`, only reads refused for
    /// need-to-know (``appendUnseen(_:_:_:_:found:by:)``). A damaged row is read as far as
    /// it can be, never trusted to be well formed (``Entry/init(_:)``).
    static func entries(_ db: Database, limit: Int, oldestFirst: Bool, refusedOnly: Bool = false,
                        where condition: String = "", arguments: StatementArguments = []) throws -> [Entry] {
        var filters = refusedOnly ? [refusedCondition] : []
        if !condition.isEmpty { filters.append(condition) }
        let filter = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        return try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY seq \(oldestFirst ? "ASC" : "DESC") LIMIT ?",
                                arguments: arguments + [limit]).map(Entry.init)
    }

    /// The SQL condition of a read refused for need-to-know.
    static let refusedCondition = "json_valid(records) AND json_extract(records, '$.refused') = 1"

    /// How many rows match `condition` (every row when it is empty).
    static func count(_ db: Database, where condition: String, arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log \(condition.isEmpty ? "" : "WHERE " + condition)", arguments: arguments) ?? 0
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
    static func appendUnseen(_ db: Database, _ sealer: AuditSealer, _ what: String, _ id: String, found: Bool,
                             by viewer: Viewer) throws {
        let outcome: (String, JSONValue) = found ? ("refused", .bool(true)) : ("found", .bool(false))
        try append(db, sealer, .consultation, by: viewer,
                   records: .object(["asked": .object([what: .string(id)]), outcome.0: outcome.1]))
    }
}
