import GraphCore
import GraphQuery
import GraphStore

extension Workflow {
    /// Scans the graph for the alert rules and raises each new finding once, as an open
    /// review task. Links recorded on or after `since` count as new (default: the day of
    /// the last scan; for the first scan, `date` itself, so that loading a whole picture
    /// does not raise an alert for every link in it: pass `since` to look further back).
    ///
    /// - Returns: the alerts raised by this scan.
    public func scanAlerts(engine: QueryEngine, on date: CalendarDate, since: CalendarDate? = nil,
                           by viewer: Viewer) throws -> [AlertFinding] {
        try scan(engine: engine, on: date, since: since, notifying: false, by: viewer).alerts
    }

    /// The alert scan and the notification pass (``notificationPass(engine:on:child:by:)``)
    /// in one transaction: both are kept, or neither.
    public func scanAlertsAndNotify(engine: QueryEngine, on date: CalendarDate, since: CalendarDate? = nil,
                                    by viewer: Viewer) throws -> (alerts: [AlertFinding], notifications: NotificationPassResult) {
        let result = try scan(engine: engine, on: date, since: since, notifying: true, by: viewer)
        return (result.alerts, result.pass ?? NotificationPassResult(raised: [], extended: [], cases: 0))
    }

    func scan(engine: QueryEngine, on date: CalendarDate, since: CalendarDate?, notifying: Bool,
              by viewer: Viewer) throws -> (alerts: [AlertFinding], pass: NotificationPassResult?) {
        let (from, cawns, flagged) = try store.reading { tx -> (CalendarDate, [(subject: Int64, child: Int64?, served: Int32)], Set<Int64>) in
            let last = try tx.row("alert.last_scan").flatMap { $0.date("scanned_on") }
            let from = since ?? last ?? date
            let cawns = try tx.rows("disruption.cawns", ["on": StoredValue(date)]).compactMap { row -> (subject: Int64, child: Int64?, served: Int32)? in
                guard let subject = row.integer("subject_id"), let served = row.date("served_on") else { return nil }
                return (subject, row.integer("child_id"), Int32(served.daysSinceEpoch))
            }
            let flagged = Set(try tx.rows("alert.flagged", ["on": StoredValue(date)]).compactMap { $0.integer("entity_id") })
            return (from, cawns, flagged)
        }
        let snapshot = try engine.snapshot()
        let findings = snapshot.view().alertFindings(AlertInputs(since: Int32(from.daysSinceEpoch), cawns: cawns, flagged: flagged))
        let partners = notifying ? try partnerView(engine) : nil
        return try transaction(by: viewer) { tx in
            var raised: [AlertFinding] = []
            for finding in findings {
                guard try tx.row("alert.by_key", ["key": .text(finding.key)]) == nil else { continue }
                try tx.execute("alert.raise", [
                    "kind": .text(finding.kind), "key": .text(finding.key),
                    "entities": StoredValue(json: .array(finding.entities.map { .string($0) })), "detail": .text(finding.detail),
                    "on": StoredValue(date), "version": .integer(snapshot.version),
                ])
                raised.append(finding)
            }
            try tx.execute("alert.record_scan", ["on": StoredValue(date), "since": StoredValue(from),
                                                 "version": .integer(snapshot.version), "raised": .integer(Int64(raised.count))])
            try tx.audit(.combination, by: viewer, records: .object([
                "workflow": "alert_scan", "since": .string(from.description), "raised": .number(String(raised.count)),
                "ids": .array(raised.flatMap(\.entities).prefix(1_000).map { .string($0) }),
            ]))
            return (raised, try partners.map { try passDuties($0, on: date, child: .null, by: viewer, in: tx) })
        }
    }

    /// The alerts, optionally only those with a status (`open` for the review tasks).
    public func alerts(status: String?, by viewer: Viewer) throws -> [JSONValue] {
        try transaction(by: viewer) { tx in
            try consult("alert.list", ["status": StoredValue(status)], workflow: "alerts", key: "alerts", idColumn: "id",
                        by: viewer, in: tx).map(WorkflowJSON.record)
        }
    }

    /// Closes an alert's review task as `reviewed` or `dismissed`, with a note.
    public func reviewAlert(_ id: Int64, dismiss: Bool, note: String, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            guard try tx.row("alert.by_id", ["id": .integer(id)]) != nil else {
                throw WorkflowError("alert", "no alert \(id)", field: "alert", hint: "list them with `cegraph case alerts`", kind: .notFound)
            }
            guard !note.trimmingWhitespace().isEmpty else {
                throw WorkflowError("alert", "say what the review found", field: "note")
            }
            try tx.execute("alert.review", ["id": .integer(id), "status": .text(dismiss ? "dismissed" : "reviewed"),
                                            "by": .text(viewer.name), "note": .text(note)])
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "alert_review", "alert": .number(String(id))]))
        }
    }
}
