import GraphCore
import GraphStore

/// The disruption register through a notice's life (seed 003: CAWNs and CCE warning notices
/// "created by the Co-ordinator to be served by Local Policing via the appropriate Chief
/// Inspector and are then to be monitored"): drafted, approved (by whom, their rank or
/// role), served, breached, renewed (its expiry moved, or a new notice that replaces it
/// once served) or ended with its outcome. Each write is one transaction with its audit row
/// and a line of the notice's history.
extension Workflow {
    /// Records a notice already served: it is in force from `servedOn` (the register before
    /// notices had a life; `cegraph marthr disrupt`). A CAWN or harbouring notice names the
    /// child it protects.
    ///
    /// - Throws: ``WorkflowError`` naming the field: no day served, an unknown or unseen
    ///   subject or child, no child for a CAWN, an expiry before the service.
    @discardableResult
    public func recordDisruption(_ input: DisruptionInput, by viewer: Viewer) throws -> String {
        guard let served = input.servedOn else {
            throw WorkflowError("disrupt", "give the day the notice was served", field: "served_on",
                                hint: "a notice not yet served is drafted, approved and then served")
        }
        return try transaction(by: viewer) { tx in
            let (ref, id) = try insertDisruption(input, status: "served", renews: nil, operation: "disrupt", by: viewer, in: tx)
            try history(id, "served", on: served, detail: input.expiresOn.map { "expires \($0)" }, by: viewer, in: tx)
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "disruption", "disruption": .string(ref), "subject": .string(input.subject),
                "tool": .string(input.tool.rawValue), "child": input.child.map { .string($0) } ?? .null,
            ]))
            return ref
        }
    }

    /// Drafts a notice: the coordinator writes it, for approval and then service.
    ///
    /// - Returns: the new notice's reference.
    /// - Throws: ``WorkflowError`` naming the field, as ``recordDisruption(_:by:)``; a day
    ///   served given to a draft.
    @discardableResult
    public func draftDisruption(_ input: DisruptionInput, on date: CalendarDate, by viewer: Viewer) throws -> String {
        guard input.servedOn == nil else {
            throw WorkflowError("draft", "a draft is not served yet: serve it once approved", field: "served_on")
        }
        return try transaction(by: viewer) { tx in
            var input = input
            input.outcome = nil
            let (ref, id) = try insertDisruption(input, status: "drafted", drafted: date, renews: nil, operation: "draft",
                                                 by: viewer, in: tx)
            try history(id, "drafted", on: date, detail: nil, by: viewer, in: tx)
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "disruption_draft", "disruption": .string(ref), "subject": .string(input.subject),
                "tool": .string(input.tool.rawValue), "child": input.child.map { .string($0) } ?? .null,
            ]))
            return ref
        }
    }

    /// Approves a drafted notice: who approved it, their rank or role (seed 003: the
    /// appropriate Chief Inspector), and the day. Only a MARTHR chair records it.
    ///
    /// - Throws: ``WorkflowError``: not a chair, no approver or rank (input); a notice not a
    ///   draft (conflict); one the viewer may not see answers as a missing one.
    public func approveDisruption(_ ref: String, approver: String, role: String, on date: CalendarDate, by viewer: Viewer) throws {
        let approver = approver.trimmingWhitespace(), role = role.trimmingWhitespace()
        guard viewer.access.may(.chairMarthr) else {
            throw WorkflowError("approve", "a notice is approved by the MARTHR chair or the officer they name, not by who drafted it",
                                field: "disruption")
        }
        guard !approver.isEmpty else { throw WorkflowError("approve", "name who approved the notice", field: "approved_by") }
        guard !role.isEmpty else {
            throw WorkflowError("approve", "give the approver's rank or role, such as Chief Inspector", field: "approver_role")
        }
        try transaction(by: viewer) { tx in
            let notice = try requireDisruption(ref, operation: "approve", by: viewer, in: tx)
            guard notice.string("status") == "drafted" else {
                throw WorkflowError("approve", "\(ref) is not a draft: it is \(notice.string("status"))"
                                    + (notice.text("approved_on").map { " (approved on \($0))" } ?? ""), field: "disruption", kind: .conflict)
            }
            if let drafted = notice.date("drafted_on"), date < drafted {
                throw WorkflowError("approve", "it cannot be approved (\(date)) before it was drafted (\(drafted))", field: "approved_on")
            }
            try tx.execute("disruption.approve", ["id": notice["id"], "on": StoredValue(date), "by": .text(approver), "role": .text(role)])
            try history(notice["id"], "approved", on: date, detail: "by \(approver) (\(role))", by: viewer, in: tx)
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "disruption_approval", "disruption": .string(ref), "approved_by": .string(approver),
            ]))
        }
    }

    /// Records an approved notice as served on `date`, in force from then to the end of its
    /// expiry day (`expires`, or the one drafted). A notice that renews another replaces it:
    /// the old one is then recorded as renewed.
    ///
    /// - Throws: ``WorkflowError``: a notice not approved, or already served (conflict); a
    ///   day served before the approval, an expiry before the service (input).
    public func serveDisruption(_ ref: String, on date: CalendarDate, expires: CalendarDate?, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let notice = try requireDisruption(ref, operation: "serve", by: viewer, in: tx)
            switch notice.string("status") {
            case "approved": break
            case "drafted":
                throw WorkflowError("serve", "\(ref) has not been approved: a notice is served only once approved, "
                                    + "recording who approved it and their rank or role", field: "disruption",
                                    hint: "approve it first (`cegraph marthr approve \(ref) --approver NAME --role RANK`)", kind: .conflict)
            default:
                throw WorkflowError("serve", "\(ref) was already served" + (notice.text("served_on").map { " on \($0)" } ?? ""),
                                    field: "disruption", kind: .conflict)
            }
            if let approved = notice.date("approved_on"), date < approved {
                throw WorkflowError("serve", "it cannot be served (\(date)) before it was approved (\(approved))", field: "served_on")
            }
            let expiry = expires ?? notice.date("expires_on")
            if let expiry, expiry < date {
                throw WorkflowError("serve", "it cannot expire (\(expiry)) before it was served (\(date))", field: "expires_on")
            }
            try tx.execute("disruption.serve", ["id": notice["id"], "on": StoredValue(date), "expires": StoredValue(expires)])
            try history(notice["id"], "served", on: date, detail: expiry.map { "expires \($0)" }, by: viewer, in: tx)
            if let renewed = notice.text("renews_ref"), let old = try tx.row("disruption.register", Self.noticeArguments(ref: renewed)),
               old.string("status") == "served" {
                try tx.execute("disruption.end", ["id": old["id"], "status": "renewed", "on": StoredValue(date), "outcome": .null])
                try history(old["id"], "renewed", on: date, detail: "replaced by \(ref)", by: viewer, in: tx)
            }
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "disruption_service", "disruption": .string(ref),
                "renews": notice.text("renews_ref").map { .string($0) } ?? .null,
            ]))
        }
    }

    /// Records a breach of a served notice: the day (from its service, not after it expired
    /// or ended, and not to come), its record and what happened. A notice may be breached
    /// many times.
    ///
    /// - Throws: ``WorkflowError``: a notice not served (conflict); a day outside the
    ///   notice's time in force, no record, an unknown intelligence report, no note (input).
    public func recordBreach(_ ref: String, _ input: BreachInput, today: CalendarDate, by viewer: Viewer) throws {
        let note = input.note.trimmingWhitespace()
        let record = input.record?.trimmingWhitespace().nilIfEmpty, intelRef = input.intel?.trimmingWhitespace().nilIfEmpty
        try transaction(by: viewer) { tx in
            let notice = try requireDisruption(ref, operation: "breach", by: viewer, in: tx)
            guard let served = notice.date("served_on") else {
                throw WorkflowError("breach", "\(ref) has not been served: only a notice served can be breached", field: "disruption",
                                    kind: .conflict)
            }
            let day = input.breachedOn
            guard day >= served else {
                throw WorkflowError("breach", "a breach on \(day) is before the notice was served on \(served)", field: "breached_on")
            }
            guard day <= today else { throw WorkflowError("breach", "\(day) is still to come", field: "breached_on") }
            if let expired = notice.date("expires_on"), day > expired {
                throw WorkflowError("breach", "the notice expired on \(expired), before \(day)", field: "breached_on")
            }
            if let ended = notice.date("ended_on"), day > ended {
                throw WorkflowError("breach", "the notice was \(notice.string("status")) on \(ended), before \(day)", field: "breached_on")
            }
            guard record != nil || intelRef != nil else {
                throw WorkflowError("breach", "give the breach's record: an intelligence report's id, or another record's "
                                    + "reference such as a police occurrence", field: "record")
            }
            guard !note.isEmpty else { throw WorkflowError("breach", "say what happened", field: "note") }
            var intel: StoredValue = .null
            if let intelRef {
                let missing = WorkflowError("breach", "no intelligence report \(intelRef)", field: "intel", kind: .notFound)
                guard let report = try tx.row("disruption.intel", ["ref": .text(intelRef)]) else {
                    throw Unseen(what: "intel", ref: intelRef, found: false, error: missing)
                }
                guard viewer.access.maySee(handling: Grading.HandlingCode(rawValue: report.string("handling_code"))) else {
                    throw Unseen(what: "intel", ref: intelRef, found: true, error: missing)
                }
                intel = report["id"]
            }
            try tx.execute("disruption.breach", ["disruption": notice["id"], "on": StoredValue(day), "intel": intel,
                                                 "record": StoredValue(record), "note": .text(note), "by": .text(viewer.name)])
            try history(notice["id"], "breached", on: day, detail: [intelRef, record].compactMap { $0 }.joined(separator: ", "),
                        by: viewer, in: tx)
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "disruption_breach", "disruption": .string(ref), "intel": intelRef.map { .string($0) } ?? .null,
            ]))
        }
    }

    /// Renews a notice in force: its expiry moved to `expires`, or, `asNewNotice`, a new
    /// notice drafted to replace it (with `expires` if given), which goes through approval
    /// and replaces the old one when served.
    ///
    /// - Returns: the notice that carries on: the same one, or the new draft.
    /// - Throws: ``WorkflowError``: a notice ended, renewed or not served, or already being
    ///   renewed (conflict); no new expiry, or one not later than the old (input).
    @discardableResult
    public func renewDisruption(_ ref: String, expires: CalendarDate?, asNewNotice: Bool, on date: CalendarDate,
                                by viewer: Viewer) throws -> String {
        try transaction(by: viewer) { tx in
            let notice = try requireDisruption(ref, operation: "renew", by: viewer, in: tx)
            switch notice.string("status") {
            case "served": break
            case "ended":
                throw WorkflowError("renew", "\(ref) was ended on \(notice.string("ended_on")): an ended notice is not renewed; "
                                    + "draft a new one", field: "disruption", kind: .conflict)
            case "renewed":
                throw WorkflowError("renew", "\(ref) was already renewed by \(notice.text("renewed_by_ref") ?? "another notice")",
                                    field: "disruption", kind: .conflict)
            default:
                throw WorkflowError("renew", "\(ref) has not been served yet: give its expiry when it is served", field: "disruption",
                                    kind: .conflict)
            }
            let current = notice.date("expires_on")
            if let expires, expires < date || (current.map { expires <= $0 } ?? false) {
                throw WorkflowError("renew", "the new expiry (\(expires)) must be later than "
                                    + (current.map { "the old one (\($0))" } ?? "today (\(date))"), field: "expires_on")
            }
            guard asNewNotice else {
                guard let expires else { throw WorkflowError("renew", "give the new expiry", field: "expires_on") }
                try tx.execute("disruption.extend", ["id": notice["id"], "expires": StoredValue(expires)])
                try history(notice["id"], "renewed", on: date, detail: "expiry moved from \(current?.description ?? "none") to \(expires)",
                            by: viewer, in: tx)
                try tx.audit(.alteration, by: viewer, records: .object([
                    "workflow": "disruption_renewal", "disruption": .string(ref), "expires_on": .string(expires.description),
                ]))
                return ref
            }
            if let pending = notice.text("renewed_by_ref") {
                throw WorkflowError("renew", "\(pending) already renews \(ref)", field: "disruption", kind: .conflict)
            }
            guard let tool = DisruptionTool(rawValue: notice.string("tool")) else {
                throw WorkflowError("renew", "\(ref) has an unknown tool", field: "disruption", kind: .internal)
            }
            let input = DisruptionInput(subject: notice.string("subject_ref"), tool: tool, expiresOn: expires, child: notice.text("child_ref"),
                                        meeting: notice.text("meeting_ref"), note: notice.text("note"))
            let (new, id) = try insertDisruption(input, status: "drafted", drafted: date, renews: notice["id"], operation: "renew",
                                                 by: viewer, in: tx)
            try history(id, "drafted", on: date, detail: "renews \(ref)", by: viewer, in: tx)
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "disruption_renewal", "disruption": .string(ref), "renewal": .string(new),
            ]))
            return new
        }
    }

    /// Ends a notice, with its outcome in words: one served, or one withdrawn before it was.
    ///
    /// - Throws: ``WorkflowError``: a notice already ended or renewed (conflict); no outcome,
    ///   a day before its service (input).
    public func endDisruption(_ ref: String, outcome: String, on date: CalendarDate, by viewer: Viewer) throws {
        let outcome = outcome.trimmingWhitespace()
        guard !outcome.isEmpty else { throw WorkflowError("end", "say how the notice ended: its outcome", field: "outcome") }
        try transaction(by: viewer) { tx in
            let notice = try requireDisruption(ref, operation: "end", by: viewer, in: tx)
            guard notice.text("ended_on") == nil else {
                throw WorkflowError("end", "\(ref) was already \(notice.string("status")) on \(notice.string("ended_on"))",
                                    field: "disruption", kind: .conflict)
            }
            if let served = notice.date("served_on"), date < served {
                throw WorkflowError("end", "it cannot end (\(date)) before it was served (\(served))", field: "ended_on")
            }
            try tx.execute("disruption.end", ["id": notice["id"], "status": "ended", "on": StoredValue(date), "outcome": .text(outcome)])
            try history(notice["id"], "ended", on: date, detail: outcome, by: viewer, in: tx)
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "disruption_end", "disruption": .string(ref)]))
        }
    }

    /// Records the outcome of a notice in words, without ending it.
    public func recordDisruptionOutcome(_ ref: String, outcome: String, on date: CalendarDate = .today, by viewer: Viewer) throws {
        guard !outcome.trimmingWhitespace().isEmpty else { throw WorkflowError("outcome", "the outcome is empty", field: "outcome") }
        try transaction(by: viewer) { tx in
            let notice = try requireDisruption(ref, operation: "outcome", by: viewer, in: tx)
            try tx.execute("disruption.outcome", ["id": notice["id"], "outcome": .text(outcome)])
            try history(notice["id"], "outcome", on: date, detail: outcome, by: viewer, in: tx)
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "disruption_outcome", "disruption": .string(ref)]))
        }
    }

    // MARK: - Reads

    /// A page of the disruption register as it stands on `date`, with the counts of every
    /// notice the viewer may see in the area asked. A notice whose subject or child the
    /// viewer may not see is not in it. Audited as a consultation naming the notices shown.
    ///
    /// - Throws: ``WorkflowError``: a page below 1, an unknown (or unseen) subject, child or
    ///   area.
    public func disruptionRegister(_ filter: DisruptionFilter, asOf date: CalendarDate, by viewer: Viewer) throws -> DisruptionRegister {
        guard filter.page >= 1 else { throw WorkflowError("register", "pages start at 1, not \(filter.page)", field: "page") }
        guard (1...500).contains(filter.pageSize) else {
            throw WorkflowError("register", "a page holds 1 to 500 notices, not \(filter.pageSize)", field: "page_size")
        }
        return try transaction(by: viewer) { tx in
            let subject = try filter.subject.map {
                try requireEntity($0, kinds: Set(EntityKind.allCases), field: "subject", operation: "register", by: viewer, in: tx)["id"]
            }
            let child = try filter.child.map { try requireEntity($0, kinds: [.child], field: "child", operation: "register", by: viewer, in: tx)["id"] }
            if let area = filter.area { _ = try requireArea(area, localAuthority: false, field: "area", operation: "register", by: viewer, in: tx) }
            var seen: [Disruption] = []
            for (row, notice) in try notices(Self.noticeArguments(subject: subject, child: child), on: date, by: viewer, in: tx) {
                if let area = filter.area {
                    let places = [row.text("subject_area"), row.text("child_area")].compactMap { $0 }
                    let forces = try places.map { try force(of: $0, in: tx) }
                    guard places.contains(area) || forces.contains(area) else { continue }
                }
                seen.append(notice)
            }
            let matched = seen.filter(filter.shows)
            let pages = max(1, (matched.count + filter.pageSize - 1) / filter.pageSize)
            let shown = Array(matched.dropFirst((filter.page - 1) * filter.pageSize).prefix(filter.pageSize))
            var counts: [String: Int] = [:]
            for show in DisruptionFilter.Show.allCases {
                var counting = filter
                counting.show = show
                counts[show.rawValue] = seen.filter(counting.shows).count
            }
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "register", "disruptions": .array(shown.map { .string($0.ref) }), "show": .string(filter.show.rawValue),
                "area": filter.area.map { .string($0) } ?? .null,
            ]))
            return DisruptionRegister(disruptions: shown, total: matched.count, page: filter.page, pages: pages, counts: counts,
                                      asOf: date.description)
        }
    }

    /// One notice with its breaches and history, as it stands on `date`. Audited as a
    /// consultation.
    ///
    /// - Throws: ``WorkflowError``: no such notice, or one the viewer may not see (not found).
    public func disruption(_ ref: String, asOf date: CalendarDate, by viewer: Viewer) throws -> Disruption {
        try transaction(by: viewer) { tx in
            _ = try requireDisruption(ref, operation: "register", by: viewer, in: tx)
            guard var notice = try notices(Self.noticeArguments(ref: ref), on: date, by: viewer, in: tx).first?.1 else {
                throw WorkflowError("register", "no notice \(ref)", field: "disruption", kind: .notFound)
            }
            notice.breaches = try tx.rows("disruption.breaches", ["ref": .text(ref)]).map { row in
                var breach = try Disruption.Breach(row)
                // A report the viewer may not read is not named.
                if !viewer.access.maySee(handling: row.text("handling_code").flatMap(Grading.HandlingCode.init)) { breach.intelRef = nil }
                return breach
            }
            notice.history = try tx.rows("disruption.history", ["ref": .text(ref)]).map(Disruption.Event.init)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "disruption", "disruption": .string(ref), "subject": .string(notice.subjectRef),
                "child": notice.childRef.map { .string($0) } ?? .null,
            ]))
            return notice
        }
    }

    /// The notices in force on `date` against `entity`, or protecting it when it is a
    /// child, that the viewer may see; none for a viewer who may not read MARTHR's
    /// register. Audited as a consultation when there are any.
    public func noticesInForce(about entity: String, asOf date: CalendarDate, by viewer: Viewer) throws -> [Disruption] {
        guard viewer.access.may(.readMarthr) else { return [] }
        return try transaction(by: viewer) { tx in
            guard let id = try tx.entityRowid(for: entity) else { return [] }
            let against = try notices(Self.noticeArguments(subject: .integer(id)), on: date, by: viewer, in: tx)
            let protecting = try notices(Self.noticeArguments(child: .integer(id)), on: date, by: viewer, in: tx)
            let shown = (against + protecting).map(\.1).filter(\.inForce)
            if !shown.isEmpty {
                try tx.audit(.consultation, by: viewer, records: .object([
                    "workflow": "notices_in_force", "entity": .string(entity), "disruptions": .array(shown.map { .string($0.ref) }),
                ]))
            }
            return shown
        }
    }

    /// The notices in force against any of `subjects` (ids), by subject, for a map: for
    /// those who read MARTHR, the notices they may see; audited as a consultation when any
    /// are shown.
    public func noticesInForce(against subjects: Set<String>, asOf date: CalendarDate, by viewer: Viewer) throws -> [String: [Disruption]] {
        guard viewer.access.may(.readMarthr), !subjects.isEmpty else { return [:] }
        return try transaction(by: viewer) { tx in
            var found: [String: [Disruption]] = [:]
            for (_, notice) in try notices(Self.noticeArguments(), on: date, by: viewer, in: tx)
            where notice.inForce && subjects.contains(notice.subjectRef) {
                found[notice.subjectRef, default: []].append(notice)
            }
            if !found.isEmpty {
                try tx.audit(.consultation, by: viewer, records: .object([
                    "workflow": "notices_in_force", "entities": .array(found.keys.sorted().map { .string($0) }),
                    "disruptions": .array(found.values.flatMap { $0 }.map { .string($0.ref) }.sorted { "\($0)" < "\($1)" }),
                ]))
            }
            return found
        }
    }

    // MARK: - Helpers

    /// The arguments of `disruption.register`: one notice, or those of a subject or child.
    static func noticeArguments(ref: String? = nil, subject: StoredValue? = nil, child: StoredValue? = nil) -> [String: StoredValue] {
        ["ref": StoredValue(ref), "subject": subject ?? .null, "child": child ?? .null]
    }

    /// The register's rows the viewer may see, each with its notice as it stands on `date`
    /// (expiring by its subject's area's `noticeReminderDays`).
    func notices(_ arguments: [String: StoredValue], on date: CalendarDate, by viewer: Viewer,
                 in tx: StoreTransaction) throws -> [(StoredRow, Disruption)] {
        var reminders: [String: Int] = [:]
        return try tx.rows("disruption.register", arguments).filter { try mayRead(notice: $0, by: viewer, in: tx) }.map { row in
            let area = row.text("subject_area") ?? "default"
            if reminders[area] == nil { reminders[area] = try settings(for: area, in: tx).noticeReminderDays }
            return (row, try Disruption(row, on: date, reminderDays: reminders[area] ?? 28))
        }
    }

    /// Whether the viewer may read a row of the register: one who reads MARTHR, who may see
    /// its subject (``Access/admits(kind:ref:area:force:)``) and the child it protects.
    func mayRead(notice row: StoredRow, by viewer: Viewer, in tx: StoreTransaction) throws -> Bool {
        let access = viewer.access
        guard access.may(.readMarthr) else { return false }
        let subjectArea = row.text("subject_area")
        guard access.admits(kind: EntityKind(rawValue: row.string("subject_kind")), ref: row.string("subject_ref"), area: subjectArea,
                            force: try force(of: subjectArea, in: tx)) else { return false }
        guard let child = row.text("child_ref") else { return true }
        return access.maySeeChild(ref: child, area: row.text("child_area"), force: try force(of: row.text("child_area"), in: tx))
    }

    /// The notice `ref` names, as a row of `disruption.register`, if the viewer may see it;
    /// one they may not answers as a missing one.
    func requireDisruption(_ ref: String, operation: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError(operation, "no notice \(ref) in the disruption register", field: "disruption",
                                    hint: "list them with `cegraph marthr register`", kind: .notFound)
        guard let row = try tx.row("disruption.register", Self.noticeArguments(ref: ref)) else {
            throw Unseen(what: "disruption", ref: ref, found: false, error: missing)
        }
        guard try mayRead(notice: row, by: viewer, in: tx) else { throw Unseen(what: "disruption", ref: ref, found: true, error: missing) }
        return row
    }

    /// Inserts a notice after checking its subject, child, expiry and meeting.
    func insertDisruption(_ input: DisruptionInput, status: String, drafted: CalendarDate? = nil, renews: StoredValue?,
                          operation: String, by viewer: Viewer, in tx: StoreTransaction) throws -> (String, StoredValue) {
        let subject = try requireEntity(input.subject, kinds: [.adult, .location, .group, .vehicle], field: "subject",
                                        operation: operation, by: viewer, in: tx)
        if input.tool.protectsAChild, input.child == nil {
            throw WorkflowError(operation, "a \(input.tool.rawValue.replacingOccurrences(of: "_", with: " ")) names the child it protects",
                                field: "child")
        }
        let child = try input.child.map { try requireEntity($0, kinds: [.child], field: "child", operation: operation, by: viewer, in: tx)["id"] }
        if let expires = input.expiresOn, let served = input.servedOn, expires < served {
            throw WorkflowError(operation, "it cannot expire (\(expires)) before it was served (\(served))", field: "expires_on")
        }
        if let expires = input.expiresOn, let drafted, expires < drafted {
            throw WorkflowError(operation, "it cannot expire (\(expires)) before it is drafted (\(drafted))", field: "expires_on")
        }
        let meeting = try input.meeting.map { try requireMarthr($0, operation: operation, in: tx)["id"] }
        let ref = try nextRef("DISR", table: "disruption", in: tx)
        let id = try tx.execute("disruption.insert", [
            "ref": .text(ref), "subject": subject["id"], "child": child ?? .null, "tool": .text(input.tool.rawValue),
            "status": .text(status), "drafted_on": StoredValue(drafted), "drafted_by": drafted == nil ? .null : .text(viewer.name),
            "served": StoredValue(input.servedOn), "expires": StoredValue(input.expiresOn), "outcome": StoredValue(input.outcome),
            "renews": renews ?? .null, "meeting": meeting ?? .null, "note": StoredValue(input.note?.trimmingWhitespace().nilIfEmpty),
        ])
        return (ref, .integer(id))
    }

    /// Adds a line to a notice's history.
    func history(_ id: StoredValue, _ event: String, on date: CalendarDate, detail: String?, by viewer: Viewer,
                 in tx: StoreTransaction) throws {
        try tx.execute("disruption.event", ["disruption": id, "event": .text(event), "on": StoredValue(date), "by": .text(viewer.name),
                                            "detail": StoredValue(detail?.nilIfEmpty)])
    }
}
