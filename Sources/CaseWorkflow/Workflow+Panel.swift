import GraphCore
import GraphStore

extension Workflow {
    /// Schedules a MACCSE panel for a local authority. The agenda is due the partnership's
    /// number of days before (4 by default), brought forward to a working day.
    ///
    /// - Parameters:
    ///   - coChairs: the joint chairs (seed 003: a police DI and a senior social care manager).
    /// - Returns: the meeting reference.
    public func schedulePanel(area: String, on date: CalendarDate, startsAt: String? = nil, coChairs: [String],
                              by viewer: Viewer) throws -> String {
        try transaction(by: viewer) { tx in
            try requireArea(area, localAuthority: true, operation: "panel", by: viewer, in: tx)
            let settings = try settings(for: area, in: tx)
            let starts = startsAt ?? settings.panelStartsAt
            guard ClockTime(starts) != nil else {
                throw WorkflowError("panel", "\(starts) is not a time", field: "starts_at", hint: "HH:MM")
            }
            let calendar = try calendar(settings)
            var due = date.adding(days: -settings.agendaDaysBefore)
            while !calendar.isWorkingDay(due) { due = due.adding(days: -1) }
            let ref = try nextRef("PANEL", table: "panel_meeting", in: tx)
            try tx.execute("panel.insert", [
                "ref": .text(ref), "area": .text(area), "held": StoredValue(date), "starts": .text(starts),
                "co_chairs": StoredValue(json: .array(coChairs.map { .string($0) })), "agenda_due": StoredValue(due),
            ])
            try tx.audit(.collection, by: viewer, records: .object(["workflow": "schedule_panel", "panel": .string(ref)]))
            return ref
        }
    }

    /// Builds (or rebuilds) a panel's agenda: new and review assessments, reviews due by the
    /// meeting, NRM oversight, and MARTHR feedback, one time slot per case.
    ///
    /// - Returns: the panel's record with its new agenda, whole (those who run panels see
    ///   every child on it).
    @discardableResult
    public func buildAgenda(panel ref: String, by viewer: Viewer) throws -> PanelDetail {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "agenda", by: viewer, in: tx)
            guard meeting.string("status") == "scheduled" else {
                throw WorkflowError("agenda", "panel \(ref) is \(meeting.string("status")); its agenda is closed", field: "panel", kind: .conflict)
            }
            let area = meeting.string("area")
            let settings = try settings(for: area, in: tx)
            let scope: [String: StoredValue] = ["area": .text(area), "held": meeting["held_on"], "meeting": meeting["id"]]
            struct Item { let caseId: StoredValue; let item: String; let reason: String }
            var items: [Item] = []
            for row in try tx.rows("panel.new_assessments", scope) {
                items.append(Item(caseId: row["id"], item: "new_assessment",
                                  reason: "\(row.string("kind")) assessment \(row.string("assessment_ref")): "
                                      + (RiskLevel(row.string("risk"))?.brief ?? row.string("risk"))))
            }
            for row in try tx.rows("panel.reviews_due", scope) {
                items.append(Item(caseId: row["id"], item: "review", reason: "review due \(row.string("review_on"))"))
            }
            for row in try tx.rows("panel.nrm_oversight", scope) {
                items.append(Item(caseId: row["id"], item: "nrm", reason: "NRM: " + row.string("stage").replacingOccurrences(of: "_", with: " ")))
            }
            for row in try tx.rows("panel.marthr_feedback_pending", scope) {
                items.append(Item(caseId: row["case_id"], item: "marthr_feedback", reason: "feedback from MARTHR"))
                try tx.execute("panel.deliver_feedback", ["meeting": meeting["id"], "id": row["id"]])
            }
            for row in try tx.rows("panel.open_alerts", scope) {
                items.append(Item(caseId: row["id"], item: "alert", reason: "alert \(row.string("alert_id")): " + row.string("kind").replacingOccurrences(of: "_", with: " ")))
            }
            // The framework decides which cases the panel discusses (SERAF: significant and
            // moderate risk): a routine review of such a case, or a first assessment the panel
            // has never decided on, is left off and listed on the panel's record instead. Its
            // NRM oversight, MARTHR feedback and alerts stay, and so does a new assessment of a
            // case the panel oversees (a step down is the panel's to decide).
            let notDiscussed = Set(try notForPanel(area: area, framework: settings.framework, in: tx).map(\.caseId))
            if !notDiscussed.isEmpty {
                let decided = Set(try tx.rows("panel.decided_cases", ["area": .text(area)]).map { $0["case_id"] })
                items.removeAll { item in
                    notDiscussed.contains(item.caseId)
                        && (item.item == "review" || (item.item == "new_assessment" && !decided.contains(item.caseId)))
                }
            }
            // Then the cases added between panels and those deferred, as the coordinator asked.
            for row in try tx.rows("panel.pending_requests", ["area": .text(area), "meeting": meeting["id"]]) {
                let reason = row.string("kind") == "deferred"
                    ? "deferred from \(row.string("from_ref")) (deferred \(row.integer("times_deferred") ?? 1) time(s)): \(row.string("reason"))"
                    : "added on \(row.string("requested_on")): \(row.string("reason"))"
                items.append(Item(caseId: row["case_id"], item: row.string("kind"), reason: reason))
                try tx.execute("panel.take_request", ["meeting": meeting["id"], "id": row["id"]])
            }
            try tx.execute("panel.clear_agenda", ["meeting": meeting["id"]])
            var slots: [StoredValue: ClockTime] = [:]
            var next = ClockTime(meeting.string("starts_at")) ?? ClockTime(minutes: 600)
            var seen = Set<String>()
            for (position, item) in items.enumerated() {
                guard seen.insert("\(item.caseId)|\(item.item)").inserted else { continue }
                let slot: ClockTime
                if let existing = slots[item.caseId] {
                    slot = existing
                } else {
                    slot = next
                    slots[item.caseId] = slot
                    guard next.minutes + settings.caseSlotMinutes <= 24 * 60 else {
                        throw WorkflowError("agenda", "\(slots.count) cases of \(settings.caseSlotMinutes) minutes from "
                                            + "\(meeting.string("starts_at")) do not fit in the day", field: "panel",
                                            hint: "schedule a second panel, or shorten caseSlotMinutes in the settings")
                    }
                    next = next.adding(minutes: settings.caseSlotMinutes)
                }
                try tx.execute("panel.add_item", [
                    "meeting": meeting["id"], "case": item.caseId, "item": .text(item.item), "reason": .text(item.reason),
                    "slot": .text(slot.description), "minutes": .integer(Int64(settings.caseSlotMinutes)),
                    "position": .integer(Int64(position)),
                ])
            }
            var detail = try panelDetail(meeting, in: tx)
            detail.perpetratorReferrals = Self.visible(detail.perpetratorReferrals, to: viewer.access)
            var records = Self.panelRecords(detail, workflow: "agenda")
            records["items"] = .number(String(seen.count))
            try tx.audit(.combination, by: viewer, records: .object(records))
            return detail
        }
    }

    /// Records that the agenda was sent, and to whom (a disclosure); says whether it went
    /// later than the partnership allows (it is still recorded: the panel needs to know).
    ///
    /// - Parameters:
    ///   - recipients: who it went to; when empty, the co-chairs and those who attended the
    ///     area's previous panel (the standing membership as last recorded).
    /// - Returns: whether it was sent on time.
    @discardableResult
    public func sendAgenda(panel ref: String, on date: CalendarDate, recipients: [String] = [], by viewer: Viewer) throws -> Bool {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "send", by: viewer, in: tx)
            guard let held = meeting.date("held_on"), date <= held else {
                throw WorkflowError("send", "the agenda cannot be sent after the meeting", field: "on")
            }
            var sentTo = recipients.filter { !$0.trimmingWhitespace().isEmpty }
            if sentTo.isEmpty {
                sentTo = meeting.json("co_chairs")?.arrayValue?.compactMap(\.stringValue) ?? []
                if let previous = try tx.row("panel.previous_held", ["area": meeting["area"], "held": meeting["held_on"]]) {
                    sentTo += try tx.rows("panel.attendees", ["meeting": previous["id"]]).map { $0.string("name") }
                }
            }
            try tx.execute("panel.send_agenda", ["id": meeting["id"], "sent": StoredValue(date)])
            try tx.audit(.disclosure, by: viewer, records: .object([
                "workflow": "send_agenda", "panel": .string(ref),
                "cases": .array(try tx.rows("panel.agenda", ["meeting": meeting["id"]]).map { .string($0.string("case_ref")) }),
            ]), recipients: Array(Set(sentTo)).sorted())
            return date <= (meeting.date("agenda_due_on") ?? date)
        }
    }

    /// Records who attended (adding to or correcting earlier entries).
    ///
    /// - Returns: the panel's quoracy after this attendance.
    @discardableResult
    public func recordAttendance(panel ref: String, _ attendees: [Attendee], by viewer: Viewer) throws -> Quoracy {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "attend", by: viewer, in: tx)
            for attendee in attendees {
                guard !attendee.name.trimmingWhitespace().isEmpty else {
                    throw WorkflowError("attend", "an attendee needs a name", field: "name")
                }
                try requireAgency(attendee.agency, field: "agency", operation: "attend", in: tx)
                try tx.execute("panel.attend", ["meeting": meeting["id"], "name": .text(attendee.name),
                                                "agency": .text(attendee.agency), "signed": StoredValue(attendee.signedConfidentiality)])
            }
            try tx.audit(.collection, by: viewer, records: .object(["workflow": "attendance", "panel": .string(ref),
                                                                    "attendees": .number(String(attendees.count))]))
            return try quoracy(meeting, in: tx)
        }
    }

    /// Whether the panel as attended is quorate under the partnership's rule.
    func quoracy(_ meeting: StoredRow, in tx: StoreTransaction) throws -> Quoracy {
        let rule = try settings(for: meeting.string("area"), in: tx).quorum
        let attendees = try tx.rows("panel.attendees", ["meeting": meeting["id"]])
        let partners = Set(try tx.rows("common.agencies").filter { $0.bool("partner") == true }.map { $0.string("code") })
        let counted = attendees.filter { !rule.signedConfidentialityOnly || $0.bool("signed_confidentiality") == true }
        let agencies = Set(counted.map { $0.string("agency") }).intersection(partners)
        var shortfalls: [String] = []
        if agencies.count < rule.minimumAgencies {
            shortfalls.append("\(agencies.count) of the \(rule.minimumAgencies) partner agencies needed are present")
        }
        for required in rule.requiredAgencies where !agencies.contains(required) {
            shortfalls.append("no one from \(required) is present")
        }
        let unsigned = attendees.count - counted.count
        if unsigned > 0, !shortfalls.isEmpty {
            shortfalls.append("\(unsigned) attendee(s) have not signed the confidentiality statement and do not count")
        }
        return Quoracy(agencies: agencies.sorted(), shortfalls: shortfalls)
    }

    /// Refuses business at a panel that is not quorate (seed 002: "no business will be
    /// transacted"), naming the partnership's rule and what falls short of it.
    func requireQuorate(_ meeting: StoredRow, operation: String, business: String, in tx: StoreTransaction) throws {
        let quoracy = try quoracy(meeting, in: tx)
        guard !quoracy.isQuorate else { return }
        let rule = try settings(for: meeting.string("area"), in: tx).quorum
        throw WorkflowError(operation, "the panel is not quorate, so it cannot \(business): the partnership's rule is "
                            + rule.description + "; " + quoracy.shortfalls.joined(separator: "; "), field: "panel",
                            hint: "record attendance first; what was said at an inquorate panel may be kept as notes marked inquorate")
    }

    /// Records a decision about a case on the panel's agenda. A panel that is not quorate
    /// cannot decide. The decision's rules (seed 003):
    /// - a review is due the partnership's interval after the meeting (12 weeks) unless the
    ///   chair chooses a date; a date beyond the interval needs a reason, and none may be
    ///   beyond the longest interval (six months);
    /// - removal closes the case and removes the child's flags, a police flag staying for
    ///   its retention period (six months) or until the date the panel keeps it;
    /// - a closure because agencies could not engage, and an escalation, need a reason.
    ///
    /// - Returns: the decision's effect in words.
    /// - Throws: ``WorkflowError`` naming the rule that was broken.
    @discardableResult
    public func recordDecision(panel ref: String, case caseRef: String, _ input: PanelDecisionInput,
                               by viewer: Viewer) throws -> [String] {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "decide", by: viewer, in: tx)
            guard meeting.string("status") != "cancelled" else {
                throw WorkflowError("decide", "panel \(ref) was cancelled", field: "panel", kind: .conflict)
            }
            try requireQuorate(meeting, operation: "decide", business: "record decisions", in: tx)
            let ceCase = try requireCase(caseRef, open: true, operation: "decide", by: viewer, in: tx)
            guard try tx.row("panel.on_agenda", ["meeting": meeting["id"], "case": ceCase["id"]]) != nil else {
                throw WorkflowError("decide", "case \(caseRef) is not on the agenda of \(ref)", field: "case",
                                    hint: "rebuild the agenda with `cegraph panel agenda` or add the case to a later panel")
            }
            let held = meeting.date("held_on")!
            let settings = try settings(for: meeting.string("area"), in: tx)
            let reason = input.reason?.trimmingWhitespace().isEmpty == false ? input.reason : nil
            // First the rules, then the decision row, then its effects, so that every flag
            // set or removed names the decision that did it.
            var reviewOn: CalendarDate?
            var policeUntil: CalendarDate?
            var closure: Closure?
            switch input.decision {
            case .review:
                let standard = held.adding(weeks: settings.reviewWeeks)
                let chosen = input.reviewOn ?? standard
                guard chosen > held else {
                    throw WorkflowError("decide", "the review date \(chosen) must be after the meeting on \(held)", field: "review_on")
                }
                if chosen > standard {
                    let longest = held.adding(months: settings.longestReviewMonths)
                    guard chosen <= longest else {
                        throw WorkflowError("decide", "a review on \(chosen) is beyond the longest interval of "
                                            + "\(settings.longestReviewMonths) months (\(longest))", field: "review_on")
                    }
                    guard reason != nil else {
                        throw WorkflowError("decide", "a review beyond \(settings.reviewWeeks) weeks (\(standard)) needs a "
                                            + "stated reason, such as the child being in custody", field: "reason")
                    }
                }
                reviewOn = chosen
            case .remove, .removeKeepPoliceFlag, .signpost, .closedUnableToEngage:
                if input.decision == .closedUnableToEngage, reason == nil {
                    throw WorkflowError("decide", "say why agencies could not engage", field: "reason")
                }
                if input.decision == .removeKeepPoliceFlag {
                    guard let until = input.policeFlagUntil, until > held else {
                        throw WorkflowError("decide", "say until when the police flag is kept, a date after the meeting",
                                            field: "police_flag_until")
                    }
                    policeUntil = until
                }
                closure = switch input.decision {
                case .signpost: .signposted
                case .closedUnableToEngage: .unableToEngage
                default: input.closure ?? .riskReduced
                }
                if closure == .reached18 {
                    // Counted in the quarterly report's measure 6: only a child at or near 18.
                    guard let born = ceCase.date("dob") else {
                        throw WorkflowError("decide", "a closure on reaching 18 needs the child's date of birth, and \(caseRef)'s child "
                                            + "has none recorded", field: "closure")
                    }
                    let eighteen = born.adding(months: 18 * 12)
                    let window = eighteen.adding(months: -settings.transitionsMonthsBefore18)
                    guard held >= window else {
                        throw WorkflowError("decide", "the child turns 18 on \(eighteen), so the case cannot close as reached_18 on "
                                            + "\(held): that closure is for a child within \(settings.transitionsMonthsBefore18) "
                                            + "months of 18 (from \(window))", field: "closure")
                    }
                }
            case .escalate:
                guard reason != nil else { throw WorkflowError("decide", "say why the chair escalates", field: "reason") }
            }

            // A panel that decides is being held.
            try tx.execute("panel.set_status", ["id": meeting["id"], "status": "held"])
            let decisionId = try tx.execute("panel.decide", [
                "meeting": meeting["id"], "case": ceCase["id"], "decision": .text(input.decision.rawValue),
                "review": StoredValue(reviewOn), "reason": StoredValue(reason), "police_until": StoredValue(policeUntil),
                "risk": StoredValue(input.risk?.description), "note": StoredValue(input.note),
            ])
            // The level the panel agreed starts or ends the child's time at risk (MARTHR).
            if input.risk != nil { try tx.bumpDataVersion() }
            var effects: [String] = []
            if let reviewOn {
                try tx.execute("case.set_review", ["id": ceCase["id"], "review": StoredValue(reviewOn)])
                // The child's flags are reviewed with the case.
                try tx.execute("flag.set_review", ["entity": ceCase["child_id"], "review": StoredValue(reviewOn)])
                effects.append("review on \(reviewOn)")
            }
            if let closure {
                try tx.execute("case.close", ["id": ceCase["id"], "closed": StoredValue(held), "closure": .text(closure.rawValue),
                                              "risk": StoredValue(input.risk?.description ?? ceCase.text("risk"))])
                effects.append("case closed: \(closure.rawValue)")
                if input.decision == .closedUnableToEngage {
                    // The risk has not gone: the flags stay with their owners, who review them
                    // (`case unflag` once the child has no open case).
                    if try !tx.rows("flag.active_for_entity", ["entity": ceCase["child_id"]]).isEmpty {
                        effects.append("the child's flags stay with their owners for review")
                    }
                } else {
                    effects += try removeFlags(entity: ceCase["child_id"], on: held, decision: decisionId, keepPoliceUntil: policeUntil,
                                               settings: settings, in: tx)
                }
                try tx.bumpDataVersion()
            }
            if input.decision == .escalate { effects.append("escalated") }
            for change in input.setFlags {
                let entity = try change.entity.map {
                    try requireEntity($0, kinds: [.child, .adult, .location, .vehicle], field: "flag entity", operation: "decide", by: viewer, in: tx)["id"]
                } ?? ceCase["child_id"]
                effects.append(try setFlag(entity: entity, change, on: held, decision: decisionId,
                                           review: reviewOn ?? held.adding(weeks: settings.reviewWeeks), in: tx))
            }
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "decision", "panel": .string(ref), "case": .string(caseRef),
                "decision": .string(input.decision.rawValue), "child": .string(ceCase.string("child_ref")),
            ]))
            return effects
        }
    }

    /// Cancels a panel that has not been held, with the reason. A cancelled panel takes no
    /// decisions or minutes, its agenda no longer counts for panel members' need-to-know,
    /// and its open actions are still carried to the area's next panel.
    ///
    /// - Throws: ``WorkflowError`` for an unknown panel, a missing reason, or a panel
    ///   already held or cancelled.
    public func cancelPanel(_ ref: String, reason: String, on date: CalendarDate, by viewer: Viewer) throws {
        let reason = reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw WorkflowError("cancel", "say why the panel is cancelled", field: "reason") }
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "cancel", by: viewer, in: tx)
            guard meeting.string("status") == "scheduled" else {
                throw WorkflowError("cancel", "panel \(ref) was already \(meeting.string("status"))", field: "panel", kind: .conflict)
            }
            try tx.execute("panel.cancel", ["id": meeting["id"], "reason": .text(reason), "on": StoredValue(date)])
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "cancel_panel", "panel": .string(ref), "reason": .string(reason),
            ]))
        }
    }

    /// Records the general minutes of a panel (which marks it held) and returns child-first
    /// language warnings about them. The text is stored as written: warnings never rewrite.
    ///
    /// An inquorate panel transacts no business, so it has no minutes (``requireQuorate``);
    /// with `inquorateNotes`, what its attendees said is kept instead, marked as notes of an
    /// inquorate panel.
    @discardableResult
    public func recordMinutes(panel ref: String, _ minutes: String, inquorateNotes: Bool = false,
                              by viewer: Viewer) throws -> [LanguageWarning] {
        try transaction(by: viewer) { tx in
            let meeting = try requireMinutesPanel(ref, minutes, by: viewer, in: tx)
            let quorate = try quoracy(meeting, in: tx).isQuorate
            if !inquorateNotes { try requireQuorate(meeting, operation: "minutes", business: "keep minutes", in: tx) }
            guard !(inquorateNotes && quorate) else {
                throw WorkflowError("minutes", "panel \(ref) is quorate: record its minutes, not notes of an inquorate panel",
                                    field: "inquorate", kind: .conflict)
            }
            try tx.execute("panel.minutes", ["id": meeting["id"], "minutes": .text(minutes), "inquorate": .integer(inquorateNotes ? 1 : 0)])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": inquorateNotes ? "inquorate_notes" : "minutes", "panel": .string(ref),
            ]))
            return languageWarnings(minutes)
        }
    }

    /// The panel minutes are recorded for: one the viewer may open, not cancelled, and
    /// minutes that say something.
    private func requireMinutesPanel(_ ref: String, _ text: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let meeting = try requirePanel(ref, operation: "minutes", by: viewer, in: tx)
        guard meeting.string("status") != "cancelled" else {
            throw WorkflowError("minutes", "panel \(ref) was cancelled", field: "panel", kind: .conflict)
        }
        guard !text.trimmingWhitespace().isEmpty else {
            throw WorkflowError("minutes", "the minutes are empty", field: "minutes")
        }
        return meeting
    }

    /// Records the minutes of one child's discussion at a panel (seed 003: the discussion,
    /// decisions and actions of that child), kept on the child's case; recording again
    /// replaces them. The case must be on the panel's agenda and the panel quorate.
    @discardableResult
    public func recordCaseMinutes(panel ref: String, case caseRef: String, _ text: String, on date: CalendarDate,
                                  by viewer: Viewer) throws -> [LanguageWarning] {
        try transaction(by: viewer) { tx in
            let meeting = try requireMinutesPanel(ref, text, by: viewer, in: tx)
            let ceCase = try requireCase(caseRef, open: nil, operation: "minutes", by: viewer, in: tx)
            guard try tx.row("panel.on_agenda", ["meeting": meeting["id"], "case": ceCase["id"]]) != nil else {
                throw WorkflowError("minutes", "case \(caseRef) is not on the agenda of \(ref)", field: "case")
            }
            try requireQuorate(meeting, operation: "minutes", business: "keep minutes", in: tx)
            try tx.execute("panel.case_minutes", [
                "meeting": meeting["id"], "case": ceCase["id"], "text": .text(text), "on": StoredValue(date), "by": .text(viewer.name),
            ])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "case_minutes", "panel": .string(ref), "case": .string(caseRef),
            ]))
            return languageWarnings(text)
        }
    }

    /// A panel's record: the meeting, attendance and quoracy, the agenda, decisions, the
    /// actions raised and those carried from earlier meetings. Audited as a consultation,
    /// naming the cases shown.
    ///
    /// A panel member opens only the panels of their authorities held in their window or to
    /// come, not cancelled (``Access/mayOpenPanel(heldOn:status:)``), and sees on them only
    /// what ``PanelView`` leaves; any other panel answers as a missing one.
    ///
    /// - Throws: ``WorkflowError``: no such panel, or one the viewer may not open (not found);
    ///   a stored row without a column the record or a rule of ``PanelView`` needs (internal).
    public func panel(_ ref: String, by viewer: Viewer) throws -> PanelDetail {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "panel", by: viewer, in: tx)
            var detail = try panelDetail(meeting, in: tx)
            detail.perpetratorReferrals = Self.visible(detail.perpetratorReferrals, to: viewer.access)
            if let view = try PanelView(viewer.access, in: tx) { detail = view.panel(detail) }
            if let pseudonyms = try tx.pseudonymiser(for: viewer.access) { detail = detail.pseudonymised(by: pseudonyms) }
            try tx.audit(.consultation, by: viewer, records: .object(Self.panelRecords(detail, workflow: "panel")))
            return detail
        }
    }

    /// The perpetrator referrals whose subject the viewer may see (``Access/admits(kind:ref:area:force:)``).
    static func visible(_ referrals: [PanelDetail.PerpetratorReferral], to access: Access) -> [PanelDetail.PerpetratorReferral] {
        referrals.filter {
            access.admits(kind: EntityKind(rawValue: $0.subjectKind), ref: $0.subjectRef, area: $0.subjectArea, force: $0.subjectForce)
        }
    }

    /// The audit row's records for a panel's record as shown: every case and child it names
    /// (the agenda, the minutes per child, the cases not for the panel) and the subjects of
    /// perpetrator referrals.
    static func panelRecords(_ detail: PanelDetail, workflow: String) -> [String: JSONValue] {
        let cases = Set(detail.agenda.map(\.caseRef) + detail.caseMinutes.map(\.caseRef) + detail.notForPanel.map(\.caseRef))
        let children = Set(detail.agenda.map(\.childRef) + detail.notForPanel.map(\.childRef))
        var records: [String: JSONValue] = [
            "workflow": .string(workflow), "panel": .string(detail.ref), "cases": .array(cases.sorted().map { .string($0) }),
            "children": .array(children.sorted().map { .string($0) }),
        ]
        if !detail.perpetratorReferrals.isEmpty {
            records["subjects"] = .array(detail.perpetratorReferrals.map { .string($0.subjectRef) })
        }
        return records
    }

    /// The chair's approval of a panel's minutes as recorded: the day, and who approved.
    ///
    /// - Throws: ``WorkflowError``: not a chair of the panel's authority (input); no minutes
    ///   recorded yet, or already approved (conflict); a panel the viewer may not open
    ///   answers as a missing one.
    public func approveMinutes(panel ref: String, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "approve minutes", by: viewer, in: tx)
            guard viewer.access.mayApproveMinutes(area: meeting.text("area")) else {
                throw WorkflowError("approve minutes", "only a chair of \(ref)'s panel approves its minutes", field: "panel")
            }
            guard meeting.text("minutes") != nil else {
                throw WorkflowError("approve minutes", "\(ref) has no minutes recorded yet", field: "panel", kind: .conflict)
            }
            guard meeting.text("minutes_approved_on") == nil else {
                throw WorkflowError("approve minutes", "the minutes of \(ref) were approved on \(meeting.string("minutes_approved_on"))",
                                    field: "panel", kind: .conflict)
            }
            try tx.execute("panel.approve_minutes", ["id": meeting["id"], "on": StoredValue(date), "by": .text(viewer.name)])
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "minutes_approval", "panel": .string(ref)]))
        }
    }

    /// The panels of an area (or all) that the viewer covers and, for a panel member, may
    /// open (``Access/mayOpenPanel(heldOn:status:)``). A list names no child.
    public func listPanels(area: String?, by viewer: Viewer) throws -> [PanelSummary] {
        try store.reading { tx in
            try covered(try tx.rows("panel.list", ["area": StoredValue(area)]), by: viewer, in: tx)
                .map(PanelSummary.init)
                .filter { viewer.access.mayOpenPanel(heldOn: CalendarDate($0.heldOn), status: $0.status) }
        }
    }

    /// A panel's whole record, as those who run panels see it.
    func panelDetail(_ meeting: StoredRow, in tx: StoreTransaction) throws -> PanelDetail {
        var detail = try PanelDetail(meeting, quoracy: try quoracy(meeting, in: tx))
        detail.attendees = try tx.rows("panel.attendees", ["meeting": meeting["id"]]).map(Attendee.init)
        detail.agenda = try tx.rows("panel.agenda", ["meeting": meeting["id"]]).map(PanelDetail.AgendaItem.init)
        detail.decisions = try tx.rows("panel.decisions", ["meeting": meeting["id"]]).map(PanelDetail.Decision.init)
        detail.actions = try tx.rows("action.for_meeting", ["panel": meeting["id"], "marthr": .null]).map(PanelDetail.Action.init)
        detail.carriedActions = try tx.rows("action.carried", ["area": meeting["area"], "held": meeting["held_on"]])
            .map(PanelDetail.CarriedAction.init)
        detail.caseMinutes = try tx.rows("panel.case_minutes_of_panel", ["meeting": meeting["id"]]).map(CaseMinutes.init)
        detail.perpetratorReferrals = try tx.rows("panel.perpetrator_referrals", ["meeting": meeting["id"]])
            .map(PanelDetail.PerpetratorReferral.init)
        if meeting.string("status") == "scheduled" {
            let framework = try settings(for: meeting.string("area"), in: tx).framework
            detail.notForPanel = try notForPanel(area: meeting.string("area"), framework: framework, in: tx).map(\.entry)
        }
        return detail
    }

    /// The open cases of `area` whose child's current risk level the framework's panel does
    /// not discuss (a level whose definition says `"panel": false`).
    func notForPanel(area: String, framework code: String, in tx: StoreTransaction) throws
        -> [(caseId: StoredValue, entry: PanelDetail.NotForPanel)] {
        guard let framework = try? frameworks.framework(code: code),
              framework.levels.contains(where: { !$0.discussedAtPanel }) else { return [] }
        return try tx.rows("panel.case_risks", ["area": .text(area)]).compactMap { row in
            guard let level = row.text("risk").flatMap(RiskLevel.init), level.framework == framework.code,
                  let definition = framework.level(level.level), !definition.discussedAtPanel else { return nil }
            return (row["id"], PanelDetail.NotForPanel(caseRef: row.string("ref"), childRef: row.string("child_ref"),
                                                       childLabel: row.string("child_label"), risk: level.description,
                                                       riskLabel: definition.label))
        }
    }

    func requirePanel(_ ref: String, operation: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError(operation, "no MACCSE panel \(ref)", field: "panel", hint: "list them with `cegraph panel list`",
                                    kind: .notFound)
        let row = try tx.row("panel.by_ref", ["ref": .text(ref)])
        try requireCovered(row, "panel", ref, by: viewer, in: tx, else: missing)
        guard let row else { throw missing }
        guard viewer.access.mayOpenPanel(heldOn: row.date("held_on"), status: row.text("status")) else {
            throw Unseen(what: "panel", ref: ref, found: true, error: missing)
        }
        return row
    }
}
