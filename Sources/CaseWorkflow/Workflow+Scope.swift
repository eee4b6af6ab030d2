import GraphCore
import GraphStore

/// Need-to-know in the case workflow: a viewer limited to some local authorities (or
/// forces) reads and writes only their records, and a record outside answers as a missing
/// one. The rule is GraphCore's (``Access/coversWorkflow(area:force:)``); this reads the
/// force of an area for it, and audits every "not found" it gives.
extension Workflow {
    /// The keys of a workflow record's free text, which may name any child: minutes, an
    /// action's text and note, a decision's reason, MARTHR's feedback. A partner reads them
    /// with every child outside their need-to-know pseudonymised: the typed case and panel
    /// records replace the fields of these names (their `pseudonymised(by:)`, checked
    /// against this list by `TypedRecordTests`), and a JSON document they hold (an
    /// assessment's outcome) by key.
    static let freeTextKeys: Set<String> = ["minutes", "text", "update_note", "reason", "note", "summary", "feedback", "cancelled_reason", "found_with",
                                               "placement", "disclosed", "done_note"]

    /// Whether the viewer covers a workflow record of local authority `area`.
    func covers(_ area: String?, by viewer: Viewer, in tx: StoreTransaction) throws -> Bool {
        let access = viewer.access
        guard access.scope.areas != nil, access.role != .panelMember, let area else {
            return access.coversWorkflow(area: area, force: nil)
        }
        return access.coversWorkflow(area: area, force: try force(of: area, in: tx))
    }

    /// The police force of local authority `area` (a force's own code for a force), for the
    /// access rules that take an area with its force; nil for none or an unknown area.
    func force(of area: String?, in tx: StoreTransaction) throws -> String? {
        try area.flatMap { try tx.row("common.area", ["code": .text($0)])?.text("force") }
    }

    /// The rows whose `area` column the viewer covers; a row without one is hidden from a
    /// viewer limited to some areas.
    func covered(_ rows: [StoredRow], by viewer: Viewer, in tx: StoreTransaction) throws -> [StoredRow] {
        let access = viewer.access
        guard access.scope.areas != nil || access.role == .panelMember || access.role == nil else { return rows }
        // A list holds a few areas many times over: each is looked up once.
        var answers: [String?: Bool] = [:]
        return try rows.filter { row in
            let area = row.text("area")
            if let known = answers[area] { return known }
            let answer = try covers(area, by: viewer, in: tx)
            answers[area] = answer
            return answer
        }
    }

    /// Checks a record looked up by ref (nil when there is none) against the viewer's
    /// scope. A missing record and one outside scope both throw `missing`, by way of
    /// ``Unseen``, which ``transaction(by:_:)`` audits (refused, or not found) after the
    /// work is rolled back: the two cost the same.
    func requireCovered(_ row: StoredRow?, _ what: String, _ ref: String, by viewer: Viewer, in tx: StoreTransaction,
                        else missing: WorkflowError) throws {
        guard let row else { throw Unseen(what: what, ref: ref, found: false, error: missing) }
        guard try covers(row.text("area"), by: viewer, in: tx) else { throw Unseen(what: what, ref: ref, found: true, error: missing) }
    }

    /// One write transaction for a viewer: a record they asked for that is missing or
    /// outside their scope rolls the work back, is audited in a transaction of its own
    /// (for a viewer who does not see the whole picture), and answers as missing.
    func transaction<T>(by viewer: Viewer, _ body: (StoreTransaction) throws -> T) throws -> T {
        do {
            return try store.transaction(body)
        } catch let unseen as Unseen {
            // Only a viewer with part of the picture can be refused: for them a missing
            // record is audited too, so that the two cost the same.
            if !viewer.access.seesWholePicture { try store.auditUnseen(unseen.what, unseen.ref, found: unseen.found, by: viewer) }
            throw unseen.error
        }
    }
}

/// A record asked for that the viewer may not see, or that does not exist: the error the
/// viewer gets is the same (`error`); only the audit log tells them apart.
struct Unseen: Error {
    let what: String
    let ref: String
    let found: Bool
    let error: WorkflowError
}
