import Foundation
import GRDB

/// Checks the audit log row by row: every column's type and bytes, the chain from each row
/// to the one before, each row's MAC under the key that sealed it (or, for rows written
/// before the key, the old SHA-256 rule), the order the keys were used in, and that the
/// log reaches the head kept outside the database (and an anchor, when one is given).
///
/// It reads the raw bytes of every column and never assumes a row is well formed, so a
/// damaged row is reported (row, column, what is wrong), never a crash.
struct AuditVerifier {
    let keyring: AuditKeyring?
    /// The head file's path; nil for a store in memory.
    let headPath: String?
    /// A head recorded elsewhere (`cegraph audit anchor`), to check the log against.
    var anchor: AuditHead?

    private static let textColumns = ["at", "operation", "actor", "justification", "records", "recipients", "prev_hash", "hash"]

    func verify(_ db: Database) throws -> AuditVerification {
        var head: AuditHead?
        var headFault: AuditFault?
        if let headPath {
            do {
                head = try AuditHeadFile.read(path: headPath)
                if head == nil, keyring?.path != nil {
                    headFault = AuditFault(seq: nil, problem: "the head file \(headPath) is missing: it is written beside the "
                                           + "key at every commit, so the newest rows or the whole log may have been removed")
                }
            } catch let error as StoreError {
                headFault = AuditFault(seq: nil, problem: error.message)
            }
        }
        let hasKeyId = try db.columns(in: "audit_log").contains { $0.name == "key_id" }
        let selected = (["typeof(seq)", "seq"] + (AuditVerifier.textColumns + (hasKeyId ? ["key_id"] : [])).flatMap {
            ["typeof(\($0))", "CAST(\($0) AS BLOB)"]
        }).joined(separator: ", ")
        var walk = Walk(keyring: keyring, checkpoints: [head, anchor].compactMap { $0 })
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(selected) FROM audit_log ORDER BY seq")
        while walk.fault == nil, let row = try cursor.next() {
            walk.check(row, hasKeyId: hasKeyId)
        }
        var fault = walk.fault ?? headFault
        if fault == nil {
            for (checkpoint, name) in [(head, "head file"), (anchor, "anchor")] {
                guard let checkpoint, fault == nil else { continue }
                fault = walk.reaches(checkpoint, name: name)
            }
        }
        return AuditVerification(rows: walk.rows, legacyRows: walk.legacyRows, head: head, lastSeq: walk.lastSeq,
                                 keys: walk.keysUsed, fault: fault)
    }

    /// The state of a walk down the chain.
    private struct Walk {
        let keyring: AuditKeyring?
        /// The heads to compare rows with on the way: the MAC at each one's row.
        let checkpoints: [AuditHead]
        var rows = 0, legacyRows = 0
        var lastSeq: Int64 = 0
        var previousHash = Data(AuditLog.genesis.utf8)
        var lastKeyIndex = -1
        var keysUsed: [String] = []
        var fault: AuditFault?
        /// The MAC found at each checkpoint's row.
        var seen: [Int64: String] = [:]

        mutating func check(_ row: Row, hasKeyId: Bool) {
            rows += 1
            guard row[0] as String? == "integer", let seq = row[1] as Int64? else {
                fault = AuditFault(seq: lastSeq + 1, column: "seq", problem: "not a whole number")
                return
            }
            guard seq == lastSeq + 1 else {
                fault = AuditFault(seq: seq, column: "seq", problem: seq > lastSeq + 1
                                   ? "rows \(lastSeq + 1) to \(seq - 1) are missing" : "out of order after row \(lastSeq)")
                return
            }
            lastSeq = seq
            var values: [String: Data] = [:]
            for (index, column) in AuditVerifier.textColumns.enumerated() {
                switch text(row, at: 2 + index * 2, column: column, seq: seq, nullable: false) {
                case .success(let data): values[column] = data ?? Data()
                case .failure(let problem): fault = problem; return
                }
            }
            var keyId: Data?
            if hasKeyId {
                switch text(row, at: 2 + AuditVerifier.textColumns.count * 2, column: "key_id", seq: seq, nullable: true) {
                case .success(let data): keyId = data
                case .failure(let problem): fault = problem; return
                }
            }
            let fields = AuditSeal.Fields(seq: seq, at: values["at"]!, operation: values["operation"]!, actor: values["actor"]!,
                                          justification: values["justification"]!, records: values["records"]!,
                                          recipients: values["recipients"]!, prevHash: values["prev_hash"]!,
                                          keyId: keyId ?? Data())
            let hash = values["hash"]!
            guard fields.prevHash == previousHash else {
                fault = AuditFault(seq: seq, column: "prev_hash", problem: seq == 1
                                   ? "the first row does not start the chain" : "does not match row \(seq - 1)'s hash")
                return
            }
            if let keyId {
                checkKeyed(fields, hash: hash, keyId: String(decoding: keyId, as: UTF8.self), seq: seq)
            } else if lastKeyIndex >= 0 {
                fault = AuditFault(seq: seq, column: "key_id", problem: "no key, after rows sealed with one: rows written "
                                   + "without the key cannot follow sealed ones")
            } else if AuditSeal.legacyHash(fields) != String(decoding: hash, as: UTF8.self) {
                fault = AuditFault(seq: seq, column: "hash", problem: "does not match the row's fields (old SHA-256 rule): "
                                   + "the row was altered")
            } else {
                legacyRows += 1
            }
            if checkpoints.contains(where: { $0.seq == seq }) { seen[seq] = String(decoding: hash, as: UTF8.self) }
            previousHash = hash
        }

        private mutating func checkKeyed(_ fields: AuditSeal.Fields, hash: Data, keyId: String, seq: Int64) {
            guard let keyring else {
                fault = AuditFault(seq: seq, column: "key_id", problem: "sealed with key \(keyId), and no key file was given")
                return
            }
            guard let (key, index) = keyring.key(keyId) else {
                fault = AuditFault(seq: seq, column: "key_id", problem: "sealed with key \(keyId), which the key file does not hold")
                return
            }
            guard index >= lastKeyIndex else {
                fault = AuditFault(seq: seq, column: "key_id", problem: "sealed with key \(keyId), older than the key of the "
                                   + "row before: a retired key seals nothing new")
                return
            }
            guard AuditSeal.mac(fields, key: key) == String(decoding: hash, as: UTF8.self) else {
                fault = AuditFault(seq: seq, column: "hash", problem: "the MAC does not match the row's fields: the row was "
                                   + "altered, or sealed with another key")
                return
            }
            if index > lastKeyIndex { keysUsed.append(keyId) }
            lastKeyIndex = index
        }

        /// A text column's bytes (nil for NULL where allowed), or what is wrong with it.
        private func text(_ row: Row, at index: Int, column: String, seq: Int64, nullable: Bool) -> Result<Data?, AuditFault> {
            let type = row[index] as String? ?? "?"
            if type == "null", nullable { return .success(nil) }
            guard type == "text" else {
                return .failure(AuditFault(seq: seq, column: column, problem: "stored as \(type), not text"))
            }
            let bytes = row[index + 1] as Data? ?? Data()
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(AuditFault(seq: seq, column: column, problem: "not valid UTF-8: a character was replaced by "
                                           + "raw bytes"))
            }
            return .success(bytes)
        }

        /// Whether the log reaches `checkpoint`, with the same MAC at its row.
        func reaches(_ checkpoint: AuditHead, name: String) -> AuditFault? {
            guard checkpoint.seq > 0 else { return nil }
            guard checkpoint.seq <= lastSeq else {
                return AuditFault(seq: lastSeq + 1, problem: "the \(name) says the log reached row \(checkpoint.seq), but it "
                                  + "ends at row \(lastSeq): rows were removed, or an older copy of the database was put back")
            }
            guard seen[checkpoint.seq] == checkpoint.mac else {
                return AuditFault(seq: checkpoint.seq, column: "hash", problem: "differs from the \(name)'s: the log was "
                                  + "rewritten from this row back")
            }
            return nil
        }
    }
}
