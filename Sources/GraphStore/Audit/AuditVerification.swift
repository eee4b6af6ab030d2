/// What checking the audit log found: how many rows were checked, under which rule, where
/// the head is, and the first fault, if any.
public struct AuditVerification: Sendable, Equatable {
    /// The number of rows checked.
    public let rows: Int
    /// How many of them were written before the key and checked under the old SHA-256 rule.
    public let legacyRows: Int
    /// The head the head file holds (nil when there is no head file, as for a store in
    /// memory).
    public let head: AuditHead?
    /// The newest row's sequence number (0 for an empty log).
    public let lastSeq: Int64
    /// The ids of the keys that sealed the rows, oldest first.
    public let keys: [String]
    /// The first thing found wrong; nil when the log is intact.
    public let fault: AuditFault?

    public var isIntact: Bool { fault == nil }
    /// The first row found wrong, if the fault is a row's.
    public var firstBrokenSeq: Int64? { fault.map { $0.seq ?? 0 } }
    /// Rows newer than the head file: those of a commit whose process stopped before it
    /// wrote the head (allowed; the head never leads the log).
    public var rowsPastHead: Int64 { max(0, lastSeq - (head?.seq ?? lastSeq)) }

    /// One line: `intact: 120 rows (20 under the old rule), head at row 120` or the fault.
    public var summary: String {
        guard let fault else {
            var text = "audit log intact: \(rows) rows"
            if legacyRows > 0 { text += " (\(legacyRows) written before the key, checked under the old SHA-256 rule)" }
            if let head { text += "; head at row \(head.seq)" + (rowsPastHead > 0 ? ", \(rowsPastHead) rows past it" : "") }
            return text + "; keys " + (keys.isEmpty ? "none used yet" : keys.joined(separator: ", "))
        }
        return "the audit log is not intact: \(fault) (\(rows) rows checked)"
    }
}
