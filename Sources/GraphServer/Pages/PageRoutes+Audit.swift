import GraphCore
import GraphStore
import Hummingbird

extension PageRoutes {
    /// The longest part of a row's records shown on the page; the whole row is in the CSV.
    static let auditRecordsShown = 400

    /// The most rows a page of the log shows (the API and the CSV give more).
    static let auditRowsAPage = 500

    /// What each kind of processing means, in words.
    static let operationWords: [(AuditLog.Operation, String)] = [
        (.consultation, "read (consultation)"), (.collection, "recorded (collection)"), (.alteration, "changed (alteration)"),
        (.disclosure, "left the system (disclosure)"), (.combination, "combined (combination)"), (.erasure, "erased (erasure)"),
    ]

    /// The audit viewer, for auditors: a page of the rows the filters match (who, a record,
    /// the operation, the days; `?refused=1`, only the reads refused for need-to-know),
    /// newest first, with how many match, a link to the older rows, a CSV download of every
    /// matching row, and whether the chain is intact.
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let read = try AuditReads(services: services).read(request, defaultLimit: 200, maxLimit: Self.auditRowsAPage, for: context)
        let (page, query, verification) = (read.page, read.query, read.page.verification)
        let entries = page.entries.map { entry -> [String: Any] in
            let records = entry.records.count > Self.auditRecordsShown
                ? String(entry.records.prefix(Self.auditRecordsShown)) : entry.records
            var row: [String: Any] = [
                "seq": String(entry.seq), "at": entry.at, "actor": entry.actor,
                "operation": Self.operationWords.first { $0.0.rawValue == entry.operation }?.1 ?? entry.operation,
                "justification": entry.justification, "records": records, "recipients": entry.recipients == "[]" ? "" : entry.recipients,
            ]
            if entry.records.count > Self.auditRecordsShown {
                row["cut"] = String(entry.records.count - Self.auditRecordsShown)
            }
            if let asked = entry.asked { row["asked"] = ["what": asked.what, "id": asked.id] }
            if let damage = entry.damage { row["damage"] = damage }
            return row
        }
        var filters: [(String, String)] = []
        if let actor = query.actor { filters.append(("actor", actor)) }
        if let record = query.record { filters.append(("record", record)) }
        if let operation = query.operation { filters.append(("operation", operation.rawValue)) }
        if let from = query.from { filters.append(("from", from.description)) }
        if let to = query.to { filters.append(("to", to.description)) }
        func href(_ path: String, refused: Bool, before: Int64? = nil, format: String? = nil) -> String {
            var parts = filters
            if refused { parts.append(("refused", "1")) }
            parts.append(("limit", String(query.limit)))
            if let before { parts.append(("before", String(before))) }
            if let format { parts.append(("format", format)) }
            return path + "?" + parts.map { "\($0.0)=\(PageRenderer.queryValue($0.1))" }.joined(separator: "&")
        }
        let refused = query.refusedOnly
        let first = page.newer + 1, last = page.newer + entries.count
        var fields: [String: Any] = [
            "intact": verification.isIntact, "rows": String(verification.rows),
            "fault": verification.fault?.description ?? "", "limit": String(query.limit),
            "head": verification.head.map { String($0.seq) } ?? "",
            "refused": refused, "anyEntries": !entries.isEmpty, "entries": entries,
            "actor": query.actor ?? "", "record": query.record ?? "",
            "from": query.from?.description ?? "", "to": query.to?.description ?? "",
            "operations": Self.operationWords.map { ["value": $0.0.rawValue, "words": $0.1, "selected": $0.0 == query.operation] },
            "filtered": !filters.isEmpty,
            "matching": String(page.matching), "first": String(first), "last": String(last),
            "csvHref": href("/api/audit", refused: refused, format: "csv"),
            "clearHref": refused ? "/audit?refused=1" : "/audit",
            "allHref": href("/audit", refused: false), "refusedHref": href("/audit", refused: true),
        ]
        if page.hasOlder, let oldest = page.entries.last { fields["olderHref"] = href("/audit", refused: refused, before: oldest.seq) }
        if page.newer > 0 { fields["newestHref"] = href("/audit", refused: refused) }
        return pages.page("audit", fields, context: context)
    }
}
