import GraphCore
import GraphQuery
import GraphStore

extension Workflow {
    /// Schedules a monthly MARTHR meeting, chaired by police.
    public func scheduleMarthr(on date: CalendarDate, chair: String, force: String?, by viewer: Viewer) throws -> String {
        try transaction(by: viewer) { tx in
            guard !chair.trimmingWhitespace().isEmpty else { throw WorkflowError("marthr", "name the chair", field: "chair") }
            if let force {
                let area = try requireArea(force, localAuthority: false, field: "force", operation: "marthr", in: tx)
                guard area.string("area_type") == "police_force" else {
                    throw WorkflowError("marthr", "\(force) is a local authority; MARTHR is chaired by a police force", field: "force")
                }
            }
            let ref = try nextRef("MARTHR", table: "marthr_meeting", in: tx)
            try tx.execute("marthr.insert", ["ref": .text(ref), "held": StoredValue(date), "chair": .text(chair), "force": StoredValue(force)])
            try tx.audit(.collection, by: viewer, records: .object(["workflow": "schedule_marthr", "marthr": .string(ref)]))
            return ref
        }
    }

    /// Nominates the best `top` candidates of `query marthr` to a meeting, each with its
    /// criteria, score and evidence as the query gave them. Subjects already nominated to
    /// the meeting are left as they are.
    ///
    /// - Returns: the subjects nominated.
    @discardableResult
    public func nominateFromQuery(marthr ref: String, engine: QueryEngine, top: Int, filter: QueryFilter = QueryFilter(),
                                  by viewer: Viewer) throws -> [String] {
        let meetingDate = try store.reading { tx in try requireMarthr(ref, operation: "nominate", in: tx).date("held_on") }
        let answer = try engine.marthr(filter: filter, viewer: viewer, top: top, today: meetingDate)
        let candidates = answer.json.objectValue?["candidates"]?.arrayValue ?? []
        return try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "nominate", in: tx)
            var nominated: [String] = []
            for candidate in candidates {
                guard let object = candidate.objectValue, let id = object["id"]?.stringValue,
                      let subject = try tx.entityRowid(for: id) else { continue }
                if try tx.row("marthr.nomination", ["meeting": meeting["id"], "subject": .integer(subject)]) != nil { continue }
                try tx.execute("marthr.nominate", [
                    "meeting": meeting["id"], "subject": .integer(subject), "source": "query", "case": .null,
                    "criteria": StoredValue(json: object["criteria"] ?? .array([])),
                    "claimed": StoredValue(json: object["criteria"] ?? .array([])),
                    "confirmed": StoredValue(json: object["criteria"] ?? .array([])),
                    "evidence": StoredValue(json: object["evidence"] ?? .array([])),
                    "score": StoredValue(object["score"]?.doubleValue), "by": .text(viewer.name),
                ])
                nominated.append(id)
            }
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "nominate", "marthr": .string(ref), "subjects": .array(nominated.map { .string($0) }),
            ]))
            return nominated
        }
    }

    /// Nominates one person, group or place: from a MACCSE panel (naming the case it came
    /// from) or by a partner, with the thresholds (1–4) it claims and the reasons in words.
    /// The query engine judges the subject on the meeting's day as the nominator may see it:
    /// what it confirms of the claim is kept beside it, with the evidence, for the chair.
    ///
    /// - Returns: the claimed thresholds the evidence confirms.
    @discardableResult
    public func nominate(marthr ref: String, subject: String, fromCase caseRef: String?, claims: [Int], reasons: [String],
                         engine: QueryEngine, by viewer: Viewer) throws -> [Int] {
        let meetingDate = try store.reading { tx in try requireMarthr(ref, operation: "nominate", in: tx).date("held_on") }
        guard !reasons.isEmpty, reasons.contains(where: { !$0.trimmingWhitespace().isEmpty }) else {
            throw WorkflowError("nominate", "say why the subject meets the MARTHR threshold", field: "reason")
        }
        guard !claims.isEmpty else {
            throw WorkflowError("nominate", "say which MARTHR threshold the nomination claims: 1 under investigation, 2 linked to a "
                                + "child at risk, 3 intelligence suggesting harm, 4 a place of potential risk", field: "claims")
        }
        if let wrong = claims.first(where: { !(1...4).contains($0) }) {
            throw WorkflowError("nominate", "there is no MARTHR threshold \(wrong); the thresholds are 1 to 4", field: "claims")
        }
        // Judged before the write (it reads the snapshot); an entity the viewer may not see
        // is refused inside the transaction as a missing one.
        let judged = try? engine.marthrJudgement(of: subject, on: meetingDate ?? CalendarDate.today, viewer: viewer)
        let claimed = Array(Set(claims)).sorted()
        let confirmed = claimed.filter { judged?.criteria.contains($0) ?? false }
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "nominate", in: tx)
            let entity = try requireEntity(subject, kinds: [.adult, .child, .group, .location, .vehicle, .phone, .handle],
                                           field: "subject", operation: "nominate", by: viewer, in: tx)
            if try tx.row("marthr.nomination", ["meeting": meeting["id"], "subject": entity["id"]]) != nil {
                throw WorkflowError("nominate", "\(subject) is already nominated to \(ref)", field: "subject", kind: .conflict)
            }
            let caseId = try caseRef.map { try requireCase($0, open: nil, operation: "nominate", by: viewer, in: tx)["id"] }
            let evidence = (judged?.evidence ?? []).filter { line in claimed.contains { line.hasPrefix("\($0) ") } }
            try tx.execute("marthr.nominate", [
                "meeting": meeting["id"], "subject": entity["id"], "source": .text(caseRef == nil ? "partner" : "panel"),
                "case": caseId ?? .null, "criteria": StoredValue(json: .array((judged?.criteria ?? []).map { .number(String($0)) })),
                "evidence": StoredValue(json: .array((reasons + evidence).map { .string($0) })), "score": .null, "by": .text(viewer.name),
                "claimed": StoredValue(json: .array(claimed.map { .number(String($0)) })),
                "confirmed": StoredValue(json: .array(confirmed.map { .number(String($0)) })),
            ])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "nominate", "marthr": .string(ref), "subject": .string(subject),
                "claimed": .array(claimed.map { .number(String($0)) }), "confirmed": .array(confirmed.map { .number(String($0)) }),
            ]))
        }
        return confirmed
    }

    /// The chair accepts or declines a nomination, always with a reason. Accepting a
    /// nomination whose claimed thresholds the evidence does not all confirm needs the
    /// chair's reason for overriding (`override`).
    public func decideNomination(marthr ref: String, subject: String, accept: Bool, reason: String, override: String? = nil,
                                 by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "decide", in: tx)
            guard !reason.trimmingWhitespace().isEmpty else {
                throw WorkflowError("decide", "the chair gives a reason for accepting or declining", field: "reason")
            }
            try requireSignedAttendance(meeting, operation: "decide", business: "decide nominations", in: tx)
            guard let id = try tx.entityRowid(for: subject),
                  let nomination = try tx.row("marthr.nomination", ["meeting": meeting["id"], "subject": .integer(id)]) else {
                throw WorkflowError("decide", "\(subject) is not nominated to \(ref)", field: "subject")
            }
            func thresholds(_ column: String) -> [Int] {
                nomination.json(column)?.arrayValue?.compactMap { $0.doubleValue.map { Int($0) } } ?? []
            }
            let unconfirmed = thresholds("claimed").filter { !thresholds("confirmed").contains($0) }
            let overriding = override.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            if accept, !unconfirmed.isEmpty, overriding == nil {
                throw WorkflowError("decide", "the evidence does not confirm threshold\(unconfirmed.count == 1 ? "" : "s") "
                                    + unconfirmed.map(String.init).joined(separator: ", ") + " that the nomination claims; "
                                    + "say why MARTHR accepts it all the same", field: "override")
            }
            try tx.execute("marthr.decide", ["id": nomination["id"], "status": .text(accept ? "accepted" : "declined"),
                                             "reason": .text(reason), "override": StoredValue(accept && !unconfirmed.isEmpty ? overriding : nil),
                                             "on": meeting["held_on"]])
            // A chair who decides is holding the meeting.
            try tx.execute("marthr.set_status", ["id": meeting["id"], "status": "held"])
            // An accepted subject is of concern, and under management: the query snapshot reads both.
            try tx.bumpDataVersion()
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "nomination_decision", "marthr": .string(ref), "subject": .string(subject),
                "accepted": .bool(accept), "overridden": .bool(accept && !unconfirmed.isEmpty),
            ]))
        }
    }

    /// MARTHR's feedback to MACCSE about a case: it goes on the case's next panel agenda.
    @discardableResult
    public func feedbackToPanel(marthr ref: String, case caseRef: String, text: String, by viewer: Viewer) throws -> [LanguageWarning] {
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "feedback", in: tx)
            let ceCase = try requireCase(caseRef, open: true, operation: "feedback", by: viewer, in: tx)
            guard !text.trimmingWhitespace().isEmpty else { throw WorkflowError("feedback", "the feedback is empty", field: "text") }
            try requireSignedAttendance(meeting, operation: "feedback", business: "feed back to MACCSE", in: tx)
            try tx.execute("marthr.feedback", ["meeting": meeting["id"], "case": ceCase["id"], "text": .text(text)])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "marthr_feedback", "marthr": .string(ref), "case": .string(caseRef),
            ]))
            return languageWarnings(text)
        }
    }

    /// A MARTHR meeting's record: attendance and who has not signed the confidentiality
    /// agreement (`unsigned`), nominations with their evidence and decisions, the minutes and
    /// each subject's notes, its actions, the actions carried from earlier meetings of the
    /// force (open on its day), and its feedback to MACCSE (with the panel that discussed
    /// it, for the cases the viewer covers). Audited as a consultation.
    public func marthrMeeting(_ ref: String, by viewer: Viewer) throws -> JSONValue {
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "marthr", in: tx)
            var detail = WorkflowJSON.object(meeting, dropping: ["id"])
            let nominations = try tx.rows("marthr.nominations", ["meeting": meeting["id"]])
            detail["nominations"] = WorkflowJSON.array(nominations)
            detail["actions"] = WorkflowJSON.array(try tx.rows("action.for_meeting", ["panel": .null, "marthr": meeting["id"]]))
            detail["carried_actions"] = WorkflowJSON.array(try tx.rows("action.carried_marthr", ["held": meeting["held_on"],
                                                                                               "force": meeting["force"]]))
            let attendees = try tx.rows("marthr.attendees", ["meeting": meeting["id"]]).map(Attendee.init)
            detail["attendees"] = try JSONValue(encoding: attendees)
            detail["unsigned"] = .array(attendees.filter { !$0.signedConfidentiality }.map { .string($0.name) })
            let access = viewer.access
            let notes = try tx.rows("marthr.subject_minutes_for_meeting", ["meeting": meeting["id"]]).filter { row in
                access.admits(kind: EntityKind(rawValue: row.string("subject_kind")), ref: row.string("subject_ref"),
                              area: row.text("subject_area"), force: try force(of: row.text("subject_area"), in: tx))
            }
            detail["subject_minutes"] = WorkflowJSON.array(notes)
            let feedback = try covered(try tx.rows("marthr.feedback_from_meeting", ["meeting": meeting["id"]]), by: viewer, in: tx)
            detail["feedback"] = WorkflowJSON.array(feedback)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "marthr", "marthr": .string(ref),
                "subjects": .array(nominations.map { .string($0.string("subject_ref")) }),
                "cases": .array(feedback.map { .string($0.string("case_ref")) }),
            ]))
            return .object(detail)
        }
    }

    /// The MARTHR meetings.
    public func listMarthr() throws -> [JSONValue] {
        try store.reading { tx in try tx.rows("marthr.list").map(WorkflowJSON.record) }
    }

    func requireMarthr(_ ref: String, operation: String, in tx: StoreTransaction) throws -> StoredRow {
        guard let row = try tx.row("marthr.by_ref", ["ref": .text(ref)]) else {
            throw WorkflowError(operation, "no MARTHR meeting \(ref)", field: "marthr", hint: "list them with `cegraph marthr list`", kind: .notFound)
        }
        return row
    }
}
