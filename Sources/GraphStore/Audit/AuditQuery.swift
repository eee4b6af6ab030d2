import GRDB
import GraphCore

/// Which rows of the audit log an auditor asks for: by who acted, a record the row names,
/// the kind of processing and the day, newest first, a page at a time.
///
/// Every condition left `nil` matches every row. Pages run backwards through the log by
/// sequence number (``before``), so a page stays the same while new rows are written.
public struct AuditQuery: Sendable, Equatable {
    /// Part of the actor's name, in any case (`analyst` finds `analyst` and `analyst2`).
    public var actor: String?
    /// An id the row names anywhere in its records, whole and in any case (`CH1` finds a
    /// row naming `CH1`, not one naming only `CH10`).
    public var record: String?
    /// The kind of processing.
    public var operation: AuditLog.Operation?
    /// The first day (UTC) of the rows.
    public var from: CalendarDate?
    /// The last day (UTC) of the rows.
    public var to: CalendarDate?
    /// Only the reads refused for need-to-know.
    public var refusedOnly: Bool
    /// Only rows older than this sequence number: the next page after a row.
    public var before: Int64?
    /// How many rows a page holds.
    public var limit: Int

    /// A query; with no arguments, the newest 200 rows.
    public init(actor: String? = nil, record: String? = nil, operation: AuditLog.Operation? = nil, from: CalendarDate? = nil,
                to: CalendarDate? = nil, refusedOnly: Bool = false, before: Int64? = nil, limit: Int = 200) {
        self.actor = actor
        self.record = record
        self.operation = operation
        self.from = from
        self.to = to
        self.refusedOnly = refusedOnly
        self.before = before
        self.limit = limit
    }

    /// The conditions as SQL over `audit_log`, and their arguments; `paged` adds ``before``.
    func condition(paged: Bool) -> (sql: String, arguments: StatementArguments) {
        var filters: [String] = [], arguments: StatementArguments = []
        if refusedOnly { filters.append(AuditLog.refusedCondition) }
        if let actor, !actor.isEmpty {
            filters.append("instr(lower(actor), lower(?)) > 0")
            arguments += [actor]
        }
        if let record, !record.isEmpty {
            // A cheap substring test first, then the whole value, so json_tree runs only on
            // the rows that may name it.
            filters.append("""
                instr(lower(records), lower(?)) > 0 AND json_valid(records)
                AND EXISTS (SELECT 1 FROM json_tree(audit_log.records) WHERE type = 'text' AND lower(value) = lower(?))
                """)
            arguments += [record, record]
        }
        if let operation {
            filters.append("operation = ?")
            arguments += [operation.rawValue]
        }
        if let from {
            filters.append("at >= ?")
            arguments += [from.description]
        }
        if let to {
            filters.append("at < ?")
            arguments += [to.adding(days: 1).description]
        }
        if paged, let before {
            filters.append("seq < ?")
            arguments += [before]
        }
        return (filters.isEmpty ? "" : filters.joined(separator: " AND "), arguments)
    }

    /// The query as the audit row of its read records it: the conditions given.
    var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let actor { object["actor"] = .string(actor) }
        if let record { object["record"] = .string(record) }
        if let operation { object["operation"] = .string(operation.rawValue) }
        if let from { object["from"] = .string(from.description) }
        if let to { object["to"] = .string(to.description) }
        if refusedOnly { object["refused"] = .bool(true) }
        return .object(object)
    }
}
