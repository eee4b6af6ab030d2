import GraphCore
import GraphStore
import Hummingbird

/// The audit log as an auditor reads it, for the API and the page alike: the newest rows
/// (`limit`), or with `refused=1` only the reads refused for need-to-know, and whether the
/// chain is intact. The read is itself audited.
struct AuditReads: Sendable {
    let services: Services

    /// What was read: the rows, the chain's check, and whether only refusals were asked for.
    struct Read {
        let entries: [AuditLog.Entry]
        let verification: AuditVerification
        let refusedOnly: Bool
        /// How many rows were asked for.
        let limit: Int
    }

    func read(_ request: Request, defaultLimit: Int, for context: AppRequestContext) throws -> Read {
        _ = try context.require(.readAudit)
        let limit = try request.integer("limit", default: defaultLimit, in: 1...10_000)
        let refused = try AuditReads.refusedOnly(request)
        let purpose = refused ? "reading the audit log's refusals" : "reading the audit log"
        let (entries, verification) = try services.store.readAuditLog(limit: limit, refusedOnly: refused,
                                                                      by: services.viewer(context, purpose: purpose))
        return Read(entries: entries, verification: verification, refusedOnly: refused, limit: limit)
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
