import GraphCore
import GraphQuery
import GraphStore

/// A duty to tell, before it is a task: the workflow raises one from a placement, a
/// missing episode, an arrest or a cross-border link, and ``Workflow/raise(_:on:by:in:)``
/// makes it a task, or adds to the open task for the same duty.
struct NotificationDuty {
    /// The authority that must tell (the task's owner), and whom it tells.
    var area: String?
    var toArea: String
    var contact: NotificationTask.Contact
    var source: NotificationTask.Source
    /// The duty's key: at most one task per key is open.
    var key: String
    var child: StoredValue = .null
    var ceCase: StoredValue = .null
    var placement: StoredValue = .null
    var missing: StoredValue = .null
    var reason: String
    var records: [String] = []
    /// Cross-border links told by this task (database ids).
    var links: [Int64] = []
}

/// What ``Workflow/notificationPass(engine:on:child:by:)`` did.
public struct NotificationPassResult: Sendable {
    /// The tasks raised, and the open tasks that more links were added to.
    public let raised: [String]
    public let extended: [String]
    /// The open cases looked at.
    public let cases: Int
}

extension Workflow {
    /// Raises a duty as a task due `notificationWorkingDays` working days from `date` in the
    /// owner's calendar, or adds its reason and records to the open task for the same duty.
    ///
    /// - Returns: the task's ref, and whether it is new.
    @discardableResult
    func raise(_ duty: NotificationDuty, on date: CalendarDate, by viewer: Viewer, in tx: StoreTransaction) throws -> (ref: String, isNew: Bool) {
        if let open = try tx.row("notification.open_by_duty", ["duty": .text(duty.key)]) {
            let old = open.json("records")?.arrayValue?.compactMap(\.stringValue) ?? []
            let records = old + duty.records.filter { !old.contains($0) }
            var lines = open.string("reason").components(separatedBy: "\n")
            for line in duty.reason.components(separatedBy: "\n") where !lines.contains(line) { lines.append(line) }
            let reason = lines.joined(separator: "\n")
            try tx.execute("notification.extend", ["id": open["id"], "reason": .text(reason),
                                                   "records": StoredValue(json: .array(records.map { .string($0) }))])
            for link in duty.links {
                try tx.execute("notification.tell_link", ["notification": open["id"], "link": .integer(link), "to": .text(duty.toArea)])
            }
            return (open.string("ref"), false)
        }
        let settings = try settings(for: duty.area, in: tx)
        let due = try calendar(settings).adding(workingDays: settings.notificationWorkingDays, to: date)
        let ref = try nextRef("NOT", table: "notification", in: tx)
        try tx.execute("notification.insert", [
            "ref": .text(ref), "area": StoredValue(duty.area), "to": .text(duty.toArea), "contact": .text(duty.contact.rawValue),
            "source": .text(duty.source.rawValue), "duty": .text(duty.key), "child": duty.child, "case": duty.ceCase,
            "placement": duty.placement, "missing": duty.missing, "reason": .text(duty.reason),
            "records": StoredValue(json: .array(duty.records.map { .string($0) })), "raised": StoredValue(date), "due": StoredValue(due),
            "by": .text(viewer.name),
        ])
        if !duty.links.isEmpty, let id = try tx.row("notification.open_by_duty", ["duty": .text(duty.key)])?["id"] {
            for link in duty.links {
                try tx.execute("notification.tell_link", ["notification": id, "link": .integer(link), "to": .text(duty.toArea)])
            }
        }
        return (ref, true)
    }

    /// The duties to tell when a child's record is in another area than `home`: the other
    /// local authority's MASH, and the other force's CE police lead where the forces differ.
    func duties(from home: String?, to other: String, in tx: StoreTransaction) throws -> [(area: String, contact: NotificationTask.Contact)] {
        guard let target = try tx.row("common.area", ["code": .text(other)]) else { return [] }
        let homeRow = try home.flatMap { try tx.row("common.area", ["code": .text($0)]) }
        let homeForce = homeRow.flatMap { $0.string("area_type") == "police_force" ? $0.text("code") : $0.text("force") }
        let isForce = target.string("area_type") == "police_force"
        let targetForce = isForce ? other : target.text("force")
        var found: [(String, NotificationTask.Contact)] = []
        if !isForce, other != home { found.append((other, .mash)) }
        if let targetForce, targetForce != homeForce { found.append((targetForce, .cePoliceLead)) }
        return found
    }

    /// The notification pass: for every open case (or the child's, with `child`), the
    /// cross-border links within the partnership's `notificationHops` of the child that no
    /// task has told yet become tasks for the case's authority, one per area and contact
    /// told (an open task for the same duty takes the new links). Only links resting on
    /// reports every partner may know of count (no handling code C: the police's own
    /// cross-border work is `query cross-border`). Audited as a combination naming the
    /// tasks and children.
    public func notificationPass(engine: QueryEngine, on date: CalendarDate, child: String? = nil,
                                 by viewer: Viewer) throws -> NotificationPassResult {
        let view = try partnerView(engine)
        return try transaction(by: viewer) { tx in
            var childID: StoredValue = .null
            if let child {
                childID = try requireEntity(child, kinds: [.child], field: "child", operation: "notifications", by: viewer, in: tx)["id"]
            }
            return try passDuties(view, on: date, child: childID, by: viewer, in: tx)
        }
    }

    /// The view the notification pass reads: the whole picture without what rests only on
    /// handling-code-C intelligence.
    func partnerView(_ engine: QueryEngine) throws -> GraphView {
        var filter = QueryFilter()
        filter.includeHandlingCodeC = false
        return try engine.snapshot().view(filter)
    }

    /// The notification pass within a transaction (``notificationPass(engine:on:child:by:)``;
    /// the alert scan runs it in its own).
    func passDuties(_ view: GraphView, on date: CalendarDate, child childID: StoredValue, by viewer: Viewer,
                    in tx: StoreTransaction) throws -> NotificationPassResult {
        let areas = Dictionary(view.snapshot.areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let cases = try covered(try tx.rows("notification.open_cases", ["child": childID]), by: viewer, in: tx)
        var told = Set<String>()
        for row in try tx.rows("notification.told_links") {
            told.insert("\(row.integer("link_id") ?? 0) \(row.string("to_area"))")
        }
        var raised: [String] = [], extended: [String] = [], children: Set<String> = []
        for ceCase in cases {
            let caseArea = ceCase.string("area")
            guard let home = areas[caseArea], let rowid = ceCase.integer("child_id"), let dense = view.snapshot.entity(rowid: rowid),
                  view.includes(entity: dense) else { continue }
            let hops = try settings(for: caseArea, in: tx).notificationHops
            let fresh = view.crossBorderDuties(child: dense, home: home, hops: hops).filter { !told.contains("\($0.linkRowid) \($0.area)") }
            let groups = Dictionary(grouping: fresh) { "\($0.area) \($0.contact.rawValue)" }
            for key in groups.keys.sorted() {
                let duties = groups[key]!
                let first = duties[0]
                var records: [String] = []
                for duty in duties { records += duty.records.filter { !records.contains($0) } }
                var reasons: [String] = []
                for duty in duties where !reasons.contains(duty.reason) { reasons.append(duty.reason) }
                let contact: NotificationTask.Contact = first.contact == .mash ? .mash : .cePoliceLead
                let result = try raise(NotificationDuty(
                    area: caseArea, toArea: first.area, contact: contact, source: .crossBorder,
                    key: "cross_border \(ceCase.string("ref")) \(first.area) \(contact.rawValue)", child: .integer(rowid),
                    ceCase: ceCase["id"], reason: reasons.joined(separator: "\n"), records: records, links: duties.map(\.linkRowid)),
                    on: date, by: viewer, in: tx)
                if result.isNew { raised.append(result.ref) } else if !extended.contains(result.ref) { extended.append(result.ref) }
                children.insert(ceCase.string("child_ref"))
                for duty in duties { told.insert("\(duty.linkRowid) \(duty.area)") }
            }
        }
        try tx.audit(.combination, by: viewer, records: .object([
            "workflow": "notification_pass", "on": .string(date.description), "cases": .number(String(cases.count)),
            "raised": .array(raised.map { .string($0) }), "extended": .array(extended.map { .string($0) }),
            "children": .array(children.sorted().map { .string($0) }),
        ]))
        return NotificationPassResult(raised: raised, extended: extended, cases: cases.count)
    }

    /// Raises a duty by hand: a child arrested or found in another force area, or anything
    /// else that must be told (`source` says which). The task belongs to the child's open
    /// case's authority, else their home authority.
    ///
    /// - Throws: ``WorkflowError`` for an unknown child or area, a reason left empty, or an
    ///   area that is the child's own for a MASH contact.
    public func raiseNotification(child ref: String, to area: String, contact: NotificationTask.Contact,
                                  source: NotificationTask.Source, because reason: String, on date: CalendarDate,
                                  by viewer: Viewer) throws -> String {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(ref, kinds: [.child], field: "child", operation: "notify", by: viewer, in: tx)
            let target = try requireArea(area, localAuthority: false, field: "to", operation: "notify", in: tx)
            guard !reason.trimmingWhitespace().isEmpty else { throw WorkflowError("notify", "say why they must be told", field: "because") }
            let isForce = target.string("area_type") == "police_force"
            if contact == .cePoliceLead, !isForce {
                throw WorkflowError("notify", "\(area) is a local authority: a CE police lead is a force's", field: "contact",
                                    hint: "give the force's code, or the contact mash or home_social_worker")
            }
            if contact != .cePoliceLead, isForce {
                throw WorkflowError("notify", "\(area) is a police force: tell its CE police lead", field: "contact")
            }
            let ceCase = try tx.row("notification.open_case_for_child", ["child": child["id"]])
            let owner = ceCase?.text("area") ?? child.text("area")
            if contact == .mash, area == owner {
                throw WorkflowError("notify", "\(area) is the child's own authority: nothing to tell another front door", field: "to")
            }
            if let owner { try requireArea(owner, localAuthority: true, operation: "notify", by: viewer, in: tx) }
            let result = try raise(NotificationDuty(
                area: owner, toArea: area, contact: contact, source: source,
                key: "\(source.rawValue) \(child.string("ref")) \(area) \(contact.rawValue)", child: child["id"],
                ceCase: ceCase?["id"] ?? .null, reason: reason, records: [child.string("ref")]), on: date, by: viewer, in: tx)
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "notification", "notification": .string(result.ref), "child": .string(child.string("ref")),
            ]))
            return result.ref
        }
    }

    /// Records that a task was done: when, how, and what was disclosed, audited as a
    /// disclosure to the authority or force told.
    ///
    /// - Throws: ``WorkflowError`` for an unknown task, one already done, a day before it
    ///   was raised, or nothing said of what was disclosed.
    public func completeNotification(_ ref: String, on date: CalendarDate, how: NotificationTask.How, disclosed: String,
                                     note: String?, by viewer: Viewer) throws -> [LanguageWarning] {
        try transaction(by: viewer) { tx in
            let missing = WorkflowError("notified", "no notification \(ref)", field: "notification",
                                        hint: "list them with `cegraph case notifications`", kind: .notFound)
            let row = try tx.row("notification.by_ref", ["ref": .text(ref)])
            try requireCovered(row, "notification", ref, by: viewer, in: tx, else: missing)
            guard let row else { throw missing }
            if let done = row.text("done_on") { throw WorkflowError("notified", "\(ref) was done on \(done)", field: "notification") }
            if let raised = row.date("raised_on"), date < raised {
                throw WorkflowError("notified", "done on \(date), before it was raised on \(raised)", field: "on")
            }
            guard !disclosed.trimmingWhitespace().isEmpty else {
                throw WorkflowError("notified", "say what was shared with them (it is kept as a disclosure)", field: "disclosed")
            }
            try tx.execute("notification.done", ["id": row["id"], "on": StoredValue(date), "how": .text(how.rawValue),
                                                 "by": .text(viewer.name), "disclosed": .text(disclosed), "note": StoredValue(note)])
            let contact = NotificationTask.Contact(rawValue: row.string("contact"))?.words ?? row.string("contact")
            try tx.audit(.disclosure, by: viewer, records: .object([
                "workflow": "notification", "notification": .string(ref), "to_area": .string(row.string("to_area")),
                "contact": .string(row.string("contact")), "how": .string(how.rawValue), "disclosed": .string(disclosed),
                "child": row.text("child_ref").map { .string($0) } ?? .null,
                "records": row.json("records") ?? .array([]),
            ]), recipients: ["\(row.string("to_area_name")) \(contact)"])
            return languageWarnings(disclosed) + languageWarnings(note)
        }
    }

    /// The notification log: tasks owned by `area` (or every area the viewer covers), open,
    /// done or all, a child's with `child`; open first, soonest due first. Audited as a
    /// consultation naming each task.
    public func notifications(area: String?, status: String = "open", child: String? = nil,
                              by viewer: Viewer) throws -> [NotificationTask] {
        guard ["open", "done", "all"].contains(status) else {
            throw WorkflowError("notifications", "no status \(status)", field: "status", hint: "open, done or all")
        }
        return try transaction(by: viewer) { tx in
            if let area { try requireArea(area, localAuthority: true, operation: "notifications", by: viewer, in: tx) }
            var childID: StoredValue = .null
            if let child {
                childID = try requireEntity(child, kinds: [.child], field: "child", operation: "notifications", by: viewer, in: tx)["id"]
            }
            let rows = try covered(try tx.rows("notification.list", ["area": StoredValue(area), "status": .text(status), "child": childID]),
                                   by: viewer, in: tx)
            let pseudonyms = try tx.pseudonymiser(for: viewer.access)
            let tasks = try rows.map { row in
                var task = try NotificationTask(row, access: viewer.access)
                if try !knowsChild(task.childRef, area: task.childArea, by: viewer, in: tx) { task = task.withoutChild() }
                return pseudonyms.map { task.pseudonymised(by: $0) } ?? task
            }
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "notifications", "notifications": .array(tasks.map { .string($0.ref) }),
                "children": .array(Array(Set(tasks.compactMap(\.childRef))).sorted().map { .string($0) }),
            ]))
            return tasks
        }
    }
}

extension Workflow {
    /// Whether the viewer may know a child of home area `area` (``Access/maySeeChild``): a
    /// task or timescale about a child placed in their authority from another is shown
    /// without naming the child to a viewer who does not cover the child's home.
    func knowsChild(_ ref: String?, area: String?, by viewer: Viewer, in tx: StoreTransaction) throws -> Bool {
        guard let ref else { return true }
        return viewer.access.maySeeChild(ref: ref, area: area, force: try force(of: area, in: tx))
    }
}

extension Workflow {
    /// Records an assessment (``recordAssessment(_:by:)``), then runs the notification pass
    /// for the case's child, so that cross-border links the assessment's records bring are
    /// told (seed 003 §3). The pass reads the graph the assessment wrote, so it runs once the
    /// assessment is kept; should it fail, the assessment stands and the next alert scan
    /// raises the duties (`pass` is nil).
    public func recordAssessment(_ input: AssessmentInput, notifying engine: QueryEngine, on date: CalendarDate = .today,
                                 by viewer: Viewer) throws -> (record: AssessmentRecord, pass: NotificationPassResult?) {
        let record = try recordAssessment(input, by: viewer)
        let child = try store.reading { try $0.row("case.by_ref", ["ref": .text(input.caseRef)])?.text("child_ref") }
        let pass = try? child.map { try notificationPass(engine: engine, on: date, child: $0, by: viewer) }
        return (record, pass)
    }
}
