import Foundation
import GRDB

extension AuditLog {
    /// One row of the log, as read for listing. A row that is damaged (a column of the wrong
    /// type, bytes that are not UTF-8) is still listed, its bad columns shown as what they
    /// hold, with ``damage`` saying what is wrong: reading the log never stops at a bad row.
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
        /// The id of the key that sealed the row; nil for a row written before the key.
        public let keyId: String?
        /// What is wrong with the row as stored, if anything (`actor: stored as blob`).
        public let damage: String?

        init(_ row: Row) {
            var damage: [String] = []
            func text(_ column: String) -> String? {
                let value: DatabaseValue = row[column] ?? .null
                switch value.storage {
                case .string(let text): return text
                case .null: return nil
                case .int64(let number): damage.append("\(column): stored as a number"); return String(number)
                case .double(let number): damage.append("\(column): stored as a number"); return String(number)
                case .blob(let data):
                    damage.append("\(column): stored as bytes")
                    return String(decoding: data, as: UTF8.self)
                }
            }
            func required(_ column: String) -> String {
                if let value = text(column) { return value }
                damage.append("\(column): empty")
                return ""
            }
            let seqValue: DatabaseValue = row["seq"] ?? .null
            if case .int64(let number) = seqValue.storage { seq = number } else { seq = 0; damage.append("seq: not a number") }
            at = required("at")
            operation = required("operation")
            actor = required("actor")
            justification = required("justification")
            records = required("records")
            recipients = required("recipients")
            prevHash = required("prev_hash")
            hash = required("hash")
            keyId = row.hasColumn("key_id") ? text("key_id") : nil
            self.damage = damage.isEmpty ? nil : damage.joined(separator: "; ")
        }
    }
}
