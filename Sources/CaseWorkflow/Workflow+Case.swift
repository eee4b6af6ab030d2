import GraphCore
import GraphStore

/// Why a child's MACCSE case closed (seed 003 §7 measures 5–7).
public enum Closure: String, Sendable, CaseIterable, Codable {
    case riskReduced = "risk_reduced"
    case reached18 = "reached_18"
    case unableToEngage = "unable_to_engage"
    case noConsent = "no_consent"
    case signposted
    case movedArea = "moved_area"
    case other
}

extension Workflow {
    /// Opens a MACCSE case for the child a referral is about. A child has one open case at
    /// a time. The first review is due after the partnership's review interval.
    ///
    /// - Parameters:
    ///   - referral: the referral that brought the child to MACCSE.
    ///   - date: the day the case opens (not before the referral was received).
    /// - Returns: the case reference.
    /// - Throws: ``WorkflowError`` when the child already has an open case, or the referral
    ///   was screened out (no further action or signposting).
    @discardableResult
    public func openCase(referral: String, on date: CalendarDate, by viewer: Viewer) throws -> String {
        try transaction(by: viewer) { tx in
            let referral = try requireReferral(referral, by: viewer, in: tx)
            let received = referral.date("received_on") ?? date
            if date < received {
                throw WorkflowError("open", "the case cannot open on \(date), before the referral was received on \(received)",
                                    field: "on")
            }
            if let outcome = referral.text("outcome"), outcome == ScreeningOutcome.noFurtherAction.rawValue
                || outcome == ScreeningOutcome.signposting.rawValue {
                throw WorkflowError("open", "the referral was screened as \(outcome), so it does not come to MACCSE",
                                    field: "referral", hint: "record a new referral if the concern has changed")
            }
            if let open = try tx.row("case.open_for_child", ["child": referral["child_id"]]) {
                throw WorkflowError("open", "the child already has an open MACCSE case, \(open.string("ref"))", field: "referral",
                                    hint: "record the new concern on that case", kind: .conflict)
            }
            let area = referral.string("area")
            let settings = try settings(for: area, in: tx)
            let ref = try nextRef("CASE", table: "ce_case", in: tx)
            try tx.execute("case.insert", [
                "ref": .text(ref), "child": referral["child_id"], "area": .text(area), "referral": referral["id"],
                "concern": referral["concern"], "opened": StoredValue(date),
                "review": StoredValue(date.adding(weeks: settings.reviewWeeks)),
            ])
            // An open case makes the child "at risk" for MARTHR's criterion 2.
            try tx.bumpDataVersion()
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "open_case", "case": .string(ref), "referral": .string(referral.string("ref")),
                "child": .string(referral.string("child_ref")),
            ]))
            return ref
        }
    }

    /// Records a strategy meeting about an open case (seed 002 §16): who attended, what it
    /// decided, and the CE flags actioned at it (seed 003), which are set on the child (or the
    /// entity named) with the case's review date or the partnership's interval. The case's
    /// first strategy meeting is its strategy-meeting day for the timescales.
    ///
    /// - Returns: the meeting's reference, `SM-NNNNNN`, and language warnings about its note.
    /// - Throws: ``WorkflowError``: no decision; no child protection conference and no reason
    ///   recorded for that (seed 002: "the reasons should be formally recorded"); a day
    ///   before the referral was received; an unknown agency; a flag the entity cannot carry.
    @discardableResult
    public func recordStrategyMeeting(_ input: StrategyMeetingInput, by viewer: Viewer) throws -> (String, [LanguageWarning]) {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(input.caseRef, open: true, operation: "strategy", by: viewer, in: tx)
            guard !input.decisions.isEmpty else {
                throw WorkflowError("strategy", "say what the meeting decided", field: "decisions",
                                    hint: "one or more of " + StrategyMeeting.Decision.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let reason = input.noConferenceReason?.trimmingWhitespace().isEmpty == false ? input.noConferenceReason : nil
            if !input.decisions.contains(.childProtectionConference), reason == nil {
                throw WorkflowError("strategy", "no child protection conference was initiated, so the reasons must be recorded (seed 002)",
                                    field: "no_conference_reason")
            }
            // A strategy meeting follows the referral (or, without one, the case's opening).
            if let start = ceCase.date("referral_received_on") ?? ceCase.date("opened_on"), input.heldOn < start {
                throw WorkflowError("strategy", "held on \(input.heldOn), before the referral was received on \(start)", field: "held_on")
            }
            for attendee in input.attendees { try requireAgency(attendee.agency, field: "attendees", operation: "strategy", in: tx) }
            let settings = try settings(for: ceCase.string("area"), in: tx)
            var flagsSet: [StrategyMeeting.FlagSet] = []
            for change in input.flags {
                let entity = try change.entity.map {
                    try requireEntity($0, kinds: [.child, .adult, .location, .vehicle], field: "flags", operation: "strategy", by: viewer, in: tx)["id"]
                } ?? ceCase["child_id"]
                _ = try setFlag(entity: entity, change, on: input.heldOn, decision: nil,
                                review: ceCase.date("review_on") ?? input.heldOn.adding(weeks: settings.reviewWeeks), in: tx)
                flagsSet.append(StrategyMeeting.FlagSet(entity: change.entity ?? ceCase.string("child_ref"), flag: change.flag,
                                                        owner: change.owner))
            }
            let ref = try nextRef("SM", table: "strategy_meeting", in: tx)
            try tx.execute("case.strategy_insert", [
                "ref": .text(ref), "case": ceCase["id"], "kind": .text(input.kind.rawValue), "held": StoredValue(input.heldOn),
                "section47": .integer(input.section47 ? 1 : 0), "attendees": StoredValue(json: try JSONValue(encoding: input.attendees)),
                "decisions": StoredValue(json: .array(input.decisions.map { .string($0.rawValue) })), "reason": StoredValue(reason),
                "flags": StoredValue(json: try JSONValue(encoding: flagsSet)), "note": StoredValue(input.note), "by": .text(viewer.name),
            ])
            if ceCase.text("strategy_meeting_on") == nil {
                try tx.execute("case.strategy_meeting", ["id": ceCase["id"], "on": StoredValue(input.heldOn)])
            }
            if !flagsSet.isEmpty { try tx.bumpDataVersion() }
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "strategy_meeting", "case": .string(input.caseRef), "meeting": .string(ref),
                "child": .string(ceCase.string("child_ref")), "flagged": .array(flagsSet.map { .string($0.entity) }),
            ]))
            return (ref, languageWarnings(input.note) + languageWarnings(reason))
        }
    }

    /// Records that a transitions plan is in place for a child approaching 18.
    public func recordTransitionsPlan(case ref: String, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(ref, open: true, operation: "transitions", by: viewer, in: tx)
            try tx.execute("case.transitions_plan", ["id": ceCase["id"], "on": StoredValue(date)])
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "transitions_plan", "case": .string(ref)]))
        }
    }

    /// Everything recorded on a case, for the case page: the case, its referral, the child's
    /// referrals, assessments, decisions, flags (and which are present on `date`), NRM,
    /// actions and MARTHR feedback. Written to the audit log as a consultation.
    ///
    /// A case outside the viewer's need-to-know (another area's; for a panel member, a child
    /// off their agendas) answers as a missing one (``requireCase(_:open:operation:by:in:)``).
    /// A partner reads the free text with the children outside their need-to-know
    /// pseudonymised.
    ///
    /// - Throws: ``WorkflowError``: no such case, or one the viewer may not see (not found);
    ///   a stored row without a column the record needs (internal).
    public func caseDetail(_ ref: String, asOf date: CalendarDate, by viewer: Viewer) throws -> CaseDetail {
        try transaction(by: viewer) { tx in
            let detail = try caseRecord(try requireCase(ref, open: nil, operation: "show", by: viewer, in: tx), asOf: date, by: viewer, in: tx)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "case", "case": .string(ref), "child": .string(detail.childRef),
                "placements": .array(detail.placements.map { .string($0.ref) }),
                "missing_episodes": .array(detail.missingEpisodes.map { .string($0.ref) }),
                "notifications": .array(detail.notifications.map { .string($0.ref) }),
            ]))
            return detail
        }
    }

    /// A case the viewer may see (its row from `case.by_ref`, checked by the caller), read
    /// whole as ``caseDetail(_:asOf:by:)`` shows it: the caller audits the read.
    func caseRecord(_ ceCase: StoredRow, asOf date: CalendarDate, by viewer: Viewer, in tx: StoreTransaction) throws -> CaseDetail {
        let id = ceCase["id"], child = ceCase["child_id"]
        var detail = try CaseDetail(ceCase)
        detail.referrals = try tx.rows("referral.for_child", ["child": child]).map(CaseDetail.Referral.init)
        detail.assessments = try tx.rows("assessment.for_case", ["case": id]).map(CaseDetail.Assessment.init)
        detail.decisions = try tx.rows("panel.decisions_for_case", ["case": id]).map(CaseDetail.Decision.init)
        detail.flags = try tx.rows("flag.for_entity", ["entity": child, "on": StoredValue(date)]).map(CaseDetail.Flag.init)
        detail.nrm = try tx.rows("nrm.for_case", ["case": id]).map(CaseDetail.NRM.init)
        detail.actions = try tx.rows("action.for_case", ["case": id]).map(CaseDetail.Action.init)
        detail.marthrFeedback = try tx.rows("marthr.feedback_for_case", ["case": id]).map(CaseDetail.Feedback.init)
        detail.panelMinutes = try tx.rows("panel.case_minutes_of_case", ["case": id]).map(CaseMinutes.init)
        detail.strategyMeetings = try tx.rows("case.strategy_meetings", ["case": id]).map(StrategyMeeting.init).map { meeting in
            // A flag actioned on someone else (another child, an adult, a place) is shown
            // only to those who see the whole picture: a scoped or panel reader may not
            // know of them.
            var shown = meeting
            if viewer.access.children != nil || viewer.access.scope.areas != nil {
                shown.flagsSet = meeting.flagsSet.filter { $0.entity == detail.childRef }
            }
            return shown
        }
        if viewer.access.children == nil {
            detail.notifications = try covered(try tx.rows("notification.list", ["area": .null, "status": "all", "child": child]),
                                               by: viewer, in: tx).map { try NotificationTask($0, access: viewer.access) }
        }
        // Loaded once: the pseudonymiser reads every child in the store.
        let pseudonyms = try tx.pseudonymiser(for: viewer.access)
        if let pseudonyms { detail = detail.pseudonymised(by: pseudonyms) }
        // Pseudonymised as they are read, with places outside the viewer's scope unnamed.
        detail.placements = try shown(try tx.rows("placement.for_child", ["child": child]).map(Placement.init),
                                      pseudonyms: pseudonyms, by: viewer, in: tx)
        detail.missingEpisodes = try shown(try tx.rows("missing.for_child", ["child": child]).map(MissingEpisode.init),
                                           pseudonyms: pseudonyms, by: viewer, in: tx)
        // A case the viewer's authority holds for a child they no longer know (placed there
        // once): the case's own record stays theirs, the child's wider record does not.
        let home = try tx.row("common.entity", ["id": child])?.text("area")
        if try !knowsChild(detail.childRef, area: home, by: viewer, in: tx) {
            let theirs = Set(try covered(try tx.rows("referral.areas_for_child", ["child": child]), by: viewer, in: tx).map { $0.string("ref") })
            detail.referrals = detail.referrals.filter { theirs.contains($0.ref) }
            detail.placements = try detail.placements.filter { try covers($0.area, by: viewer, in: tx) }
            (detail.missingEpisodes, detail.flags) = ([], [])
        }
        return detail
    }

    /// The cases of an area (or all), optionally only open or closed ones, that the viewer
    /// covers. Audited as a consultation naming each case.
    public func listCases(area: String?, status: String?, by viewer: Viewer) throws -> [CaseSummary] {
        try transaction(by: viewer) { tx in
            try consult("case.list", ["area": StoredValue(area), "status": StoredValue(status)], workflow: "cases", key: "cases",
                        idColumn: "ref", extra: ["area": area.map { .string($0) } ?? .null], by: viewer, in: tx)
                .map(CaseSummary.init)
        }
    }

    /// A child's MACCSE cases, newest first, in the areas the viewer covers: the child's
    /// page leads to them. Audited as a consultation naming them.
    ///
    /// - Throws: ``WorkflowError`` (not found) for an id that names no child the viewer may see.
    public func cases(ofChild ref: String, by viewer: Viewer) throws -> [CaseSummary] {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(ref, kinds: [.child], field: "child", operation: "cases", by: viewer, in: tx)
            return try consult("case.for_child", ["child": child["id"]], workflow: "cases_of_child", key: "cases", idColumn: "ref",
                               extra: ["child": .string(ref)], by: viewer, in: tx).map(CaseSummary.init)
        }
    }

    func requireCase(_ ref: String, open: Bool?, operation: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError(operation, "no MACCSE case \(ref)", field: "case", hint: "list them with `cegraph case list`",
                                    kind: .notFound)
        let row = try tx.row("case.by_ref", ["ref": .text(ref)])
        try requireCovered(row, "case", ref, by: viewer, in: tx, else: missing)
        guard let row else { throw missing }
        // A panel member: the cases of the children on their agendas only.
        if let children = viewer.access.children, children[row.string("child_ref")] == nil {
            throw Unseen(what: "case", ref: ref, found: true, error: missing)
        }
        if let open, open != (row.string("status") == "open") {
            throw WorkflowError(operation, "case \(ref) is \(row.string("status"))", field: "case", kind: .conflict)
        }
        return row
    }
}
