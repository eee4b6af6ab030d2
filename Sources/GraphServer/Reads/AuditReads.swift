import GraphCore
import GraphStore
import Hummingbird

/// The audit log as an auditor reads it, for the API and the page alike: a page of the rows
/// the filters match (actor, record, operation, days; `refused=1` for only the reads
/// refused for need-to-know), newest first, where the page sits among them, and whether
/// the chain is intact; or every matching row as CSV. Each read is itself audited, the
/// CSV as a disclosure.
struct AuditReads: Sendable {
    let services: Services

    /// What was read: the page and the query that asked for it.
    struct Read {
        let page: AuditPage
        let query: AuditQuery
    }

    /// A page of the log: `limit` rows, `defaultLimit` unless asked, at most `maxLimit`.
    func read(_ request: Request, defaultLimit: Int, maxLimit: Int = 10_000, for context: AppRequestContext) throws -> Read {
        _ = try context.require(.readAudit)
        let query = try AuditReads.query(request, defaultLimit: defaultLimit, maxLimit: maxLimit)
        let purpose = query.refusedOnly ? "reading the audit log's refusals" : "reading the audit log"
        return Read(page: try services.store.readAuditLog(query, by: services.viewer(context, purpose: purpose)), query: query)
    }

    /// Every row the filters match, as CSV, disclosed to the account that asked.
    func csv(_ request: Request, for context: AppRequestContext) throws -> String {
        let account = try context.require(.readAudit)
        let query = try AuditReads.query(request, defaultLimit: 200)
        let entries = try services.store.exportAuditLog(query, recipient: account.username,
                                                        by: services.viewer(context, purpose: "downloading the audit log"))
        let header = ["seq", "at", "operation", "actor", "justification", "records", "recipients"]
        let rows = entries.map { [String($0.seq), $0.at, $0.operation, $0.actor, $0.justification, $0.records, $0.recipients] }
        return CSVText.table(header: header, rows: rows)
    }

    /// The filters of a request: `actor`, `record`, `operation`, `from`, `to` (empty means
    /// any), `refused`, `before` and `limit`.
    ///
    /// - Throws: ``ServerError`` 400 naming the field for a value that is not one.
    static func query(_ request: Request, defaultLimit: Int, maxLimit: Int = 10_000) throws -> AuditQuery {
        func given(_ name: String) -> String? {
            guard let text = request.query(name)?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return String(text.prefix(200))
        }
        var query = AuditQuery(actor: given("actor"), record: given("record"), refusedOnly: try refusedOnly(request),
                               limit: try request.integer("limit", default: defaultLimit, in: 1...maxLimit))
        if let operation = given("operation") {
            guard let known = AuditLog.Operation(rawValue: operation.lowercased()) else {
                throw ServerError(.badRequest, "operation: \(operation) is not a kind of processing; use one of "
                                  + AuditLog.Operation.allCases.map(\.rawValue).joined(separator: ", "))
            }
            query.operation = known
        }
        for (name, keyPath) in [("from", \AuditQuery.from), ("to", \AuditQuery.to)] {
            guard let text = given(name) else { continue }
            guard let day = CalendarDate(text) else {
                throw ServerError(.badRequest, "\(name): \(text) is not a day; write it as YYYY-MM-DD, for example 2026-11-23")
            }
            query[keyPath: keyPath] = day
        }
        if let before = given("before") {
            guard let seq = Int64(before), seq > 0 else { throw ServerError(.badRequest, "before must be a row number (#)") }
            query.before = seq
        }
        return query
    }

    /// `refused=1` (or `true`): only the refused reads; absent, `0` or `false`: every row.
    ///
    /// - Throws: ``ServerError`` 400 for any other value.
    static func refusedOnly(_ request: Request) throws -> Bool {
        switch request.query("refused")?.lowercased() {
        case nil, "", "0", "false": return false
        case "1", "true": return true
        default: throw ServerError(.badRequest, "refused must be 1 (only the refused reads) or 0")
        }
    }
}
