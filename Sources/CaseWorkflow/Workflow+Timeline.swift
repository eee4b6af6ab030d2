import GraphCore
import GraphStore

/// A child's or subject's chronology: the records about them that the viewer may open, as
/// dated events. Each source is read with the rule its own page applies, so the timeline
/// shows nothing its records' pages would withhold.
extension Workflow {
    /// The chronology of the entity `ref` names, as `viewer` may see it, filtered by
    /// `filter`, oldest first.
    ///
    /// - The entity and its links and reports: as the entity page reads them
    ///   (``StoreTransaction/entityDetail(_:for:)``: no handling-code-C report for a partner,
    ///   a scoped viewer's records only, free text as the partnership shares it).
    /// - A child's cases: those the case page would open (``requireCase``'s rule: the
    ///   viewer's areas; a panel member's agenda children), each read as the case page reads
    ///   it: referrals, assessments, panel decisions, flags, NRM stages, strategy meetings,
    ///   MARTHR's feedback, missing episodes and placements.
    /// - For a viewer who reads cases and knows the child, the child's referrals at the front
    ///   doors they cover, missing episodes and placements even without a case; flags for
    ///   those who read flags.
    /// - Notices (against the subject, or protecting the child) and MARTHR nominations, for
    ///   those who read MARTHR, where they may see the notice's subject and child.
    ///
    /// The read is audited as one consultation naming the records shown, in the same
    /// transaction; a missing entity and one the viewer may not open are audited (not
    /// found, or refused) and answer alike: nil.
    public func timeline(of ref: String, filter: TimelineFilter, asOf date: CalendarDate, by viewer: Viewer) throws -> Timeline? {
        try store.transaction { tx -> Timeline? in
            guard let entity = try tx.entityDetail(ref, for: viewer) else { return nil }
            var events = entityEvents(entity, access: viewer.access)
            if let id = try tx.entityRowid(for: entity.id) {
                if entity.kind == .child {
                    events += try childEvents(child: .integer(id), ref: entity.id, asOf: date, by: viewer, in: tx)
                } else if viewer.access.may(.readFlags) {
                    // An adult's, a place's or a vehicle's flags: the police's, as on the flags page.
                    events += flagEvents(try tx.rows("flag.for_entity", ["entity": .integer(id), "on": StoredValue(date)]).map(CaseDetail.Flag.init),
                                         record: .init("flag", entity.id))
                }
            }
            if viewer.access.may(.readMarthr), let id = try tx.entityRowid(for: entity.id) {
                events += try marthrEvents(of: .integer(id), asOf: date, by: viewer, in: tx)
            }
            let unique = Timeline.unique(events)
            let shown = unique.filter(filter.keeps)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "timeline", "entity": .string(entity.id), "asked_as": .string(ref),
                "from": filter.from.map { .string($0.description) } ?? .null, "to": filter.to.map { .string($0.description) } ?? .null,
                "records": .array(Array(Set(shown.map { "\($0.record.what):\($0.record.ref)" })).sorted().map(JSONValue.string)),
            ]))
            return Timeline(id: entity.id, kind: entity.kind, label: entity.label, from: filter.from?.description,
                            to: filter.to?.description, kinds: filter.kinds.sorted(), events: shown, total: unique.count)
        }
    }

    // MARK: - The picture

    /// Links first and last seen, and the reports about the entity or behind its links.
    func entityEvents(_ entity: EntityDetail, access: Access) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        var reports: [String: EntityDetail.Intelligence] = [:]
        for link in entity.links {
            let words = link.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            let phrase = link.direction == "out" ? "\(words) \(link.other.label)" : "\(link.other.label) \(words) \(entity.label)"
            let record = TimelineEvent.Record("entity", link.other.id,
                                              opens: access.mayOpen(kind: link.other.kind, ref: link.other.id, area: link.other.area,
                                                                    force: link.other.force))
            let support = link.intel.isEmpty ? nil : "on " + link.intel.map { "\($0.id) (\($0.grading))" }.joined(separator: ", ")
            if let first = link.firstSeen {
                events.append(TimelineEvent(on: first, kind: .link, title: "First seen: " + phrase, detail: support, record: record))
            }
            if let last = link.lastSeen, last.prefix(10) != link.firstSeen?.prefix(10) {
                events.append(TimelineEvent(on: last, kind: .link, title: "Last seen: " + phrase, detail: support, record: record))
            }
            for report in link.intel { reports[report.id] = report }
        }
        for report in entity.about { reports[report.id] = report }
        for report in reports.values {
            let from = report.agency.map { " from \($0.replacingOccurrences(of: "_", with: " "))" } ?? ""
            events.append(TimelineEvent(on: report.date, kind: .intelligence, title: "Intelligence \(report.id), graded \(report.grading)\(from)",
                                        detail: report.text, record: .init("intel", report.id)))
        }
        return events
    }

    // MARK: - A child's case work

    /// The child's cases the viewer may open, and what the viewer may read of the child's
    /// record outside them.
    func childEvents(child: StoredValue, ref: String, asOf date: CalendarDate, by viewer: Viewer,
                     in tx: StoreTransaction) throws -> [TimelineEvent] {
        let access = viewer.access
        var events: [TimelineEvent] = []
        var referrals: [CaseDetail.Referral] = [], missing: [MissingEpisode] = [], placements: [Placement] = [], flags: [CaseDetail.Flag] = []
        var caseRef: String?
        if access.may(.readCase) {
            for row in try covered(try tx.rows("case.for_child", ["child": child]), by: viewer, in: tx) {
                // A panel member: the cases of the children on their agendas only.
                if let children = access.children, children[row.string("child_ref")] == nil { continue }
                let ceCase = try caseRecord(row, asOf: date, by: viewer, in: tx)
                caseRef = ceCase.ref
                events += caseEvents(ceCase)
                (referrals, missing, placements, flags) = (referrals + ceCase.referrals, missing + ceCase.missingEpisodes,
                                                           placements + ceCase.placements, flags + ceCase.flags)
            }
        }
        let home = try tx.row("common.entity", ["id": child])?.text("area")
        if access.may(.readCases), try knowsChild(ref, area: home, by: viewer, in: tx) {
            let theirs = Set(try covered(try tx.rows("referral.areas_for_child", ["child": child]), by: viewer, in: tx).map { $0.string("ref") })
            referrals += try tx.rows("referral.for_child", ["child": child]).map(CaseDetail.Referral.init).filter { theirs.contains($0.ref) }
            let pseudonyms = try tx.pseudonymiser(for: access)
            missing += try shown(try tx.rows("missing.for_child", ["child": child]).map(MissingEpisode.init), pseudonyms: pseudonyms,
                                 by: viewer, in: tx)
            placements += try shown(try tx.rows("placement.for_child", ["child": child]).map(Placement.init), pseudonyms: pseudonyms,
                                    by: viewer, in: tx)
        }
        if access.may(.readFlags) {
            flags += try tx.rows("flag.for_entity", ["entity": child, "on": StoredValue(date)]).map(CaseDetail.Flag.init)
        }
        for referral in referrals {
            let outcome = referral.outcome.map { "; screened: " + $0.replacingOccurrences(of: "_", with: " ") } ?? "; not screened yet"
            events.append(TimelineEvent(on: referral.receivedOn, kind: .referral,
                                        title: "Referral \(referral.ref) from \(referral.agency.replacingOccurrences(of: "_", with: " "))"
                                            + (referral.isRepeat ? " (a repeat referral)" : "") + outcome,
                                        detail: Concern.words(referral.concern), record: .init("referral", referral.ref, caseRef: caseRef)))
        }
        for episode in missing { events += missingEvents(episode, caseRef: caseRef) }
        for placement in placements {
            let record = TimelineEvent.Record("placement", placement.ref, caseRef: caseRef)
            events.append(TimelineEvent(on: placement.startedOn, kind: .placement,
                                        title: "Placed: \(placement.kind.words) in \(placement.areaName), by \(placement.placingAreaName)",
                                        detail: placement.note, record: record))
            if let ended = placement.endedOn {
                events.append(TimelineEvent(on: ended, kind: .placement, title: "Placement in \(placement.areaName) ended", record: record))
            }
        }
        return events + flagEvents(flags, record: .init("flag", ref, caseRef: caseRef))
    }

    /// Flags set and removed (a police flag with the day it leaves police systems).
    func flagEvents(_ flags: [CaseDetail.Flag], record: TimelineEvent.Record) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        for flag in flags {
            let name = flag.flag.uppercased(), owner = flag.ownerAgency.replacingOccurrences(of: "_", with: " ")
            events.append(TimelineEvent(on: flag.setOn, kind: .flag, title: "\(name) flag set (\(owner))"
                                            + (flag.setAtPanel.map { " at panel \($0)" } ?? ""), record: record))
            if let removed = flag.removedOn {
                events.append(TimelineEvent(on: removed, kind: .flag, title: "\(name) flag removed"
                                                + (flag.removedAtPanel.map { " at panel \($0)" } ?? "")
                                                + (flag.expiresOn.map { "; kept on police systems until \($0)" } ?? ""), record: record))
            }
        }
        return events
    }

    /// A case's own events: opened and closed, strategy meetings, assessments, panel
    /// decisions, NRM stages and MARTHR's feedback.
    func caseEvents(_ ceCase: CaseDetail) -> [TimelineEvent] {
        let record = TimelineEvent.Record("case", ceCase.ref)
        var events = [TimelineEvent(on: ceCase.openedOn, kind: .ceCase, title: "MACCSE case \(ceCase.ref) opened", detail: Concern.words(ceCase.concern),
                                    record: record)]
        if let closed = ceCase.closedOn {
            events.append(TimelineEvent(on: closed, kind: .ceCase, title: "MACCSE case \(ceCase.ref) closed"
                                            + (ceCase.closure.map { ": " + $0.replacingOccurrences(of: "_", with: " ") } ?? ""), record: record))
        }
        for meeting in ceCase.strategyMeetings {
            events.append(TimelineEvent(on: meeting.heldOn, kind: .ceCase, title: meeting.kind == .strategy ? "Strategy meeting"
                                            : meeting.kind == .initialCSE ? "Initial CSE strategy meeting" : "Review CSE strategy meeting",
                                        detail: meeting.decisions.map(\.words).joined(separator: "; "), record: record))
        }
        for assessment in ceCase.assessments {
            events.append(TimelineEvent(on: assessment.assessedOn, kind: .assessment,
                                        title: "Assessment \(assessment.ref) (\(assessment.kind)): risk \(assessment.risk)"
                                            + (assessment.immediateAction ? ", immediate action" : ""),
                                        detail: Concern.words(assessment.concern), record: .init("assessment", assessment.ref)))
        }
        for decision in ceCase.decisions {
            let recorded = decision.recorded
            var title = "MACCSE panel \(decision.meetingRef): " + recorded.decision.replacingOccurrences(of: "_", with: " ")
            if let review = recorded.reviewOn { title += ", review by \(review)" }
            events.append(TimelineEvent(on: decision.heldOn, kind: .panel, title: title, detail: recorded.reason,
                                        record: .init("panel", decision.meetingRef)))
        }
        for nrm in ceCase.nrm {
            for stage in nrm.history {
                events.append(TimelineEvent(on: stage.on, kind: .ceCase, title: "NRM: " + stage.stage.replacingOccurrences(of: "_", with: " "),
                                            detail: stage.note, record: record))
            }
        }
        for feedback in ceCase.marthrFeedback {
            events.append(TimelineEvent(on: feedback.heldOn, kind: .marthr, title: "MARTHR \(feedback.marthrRef) fed back to MACCSE",
                                        detail: feedback.text, record: record))
        }
        return events
    }

    /// A missing episode: reported, and found (where, when the viewer may know the place).
    func missingEvents(_ episode: MissingEpisode, caseRef: String?) -> [TimelineEvent] {
        let record = TimelineEvent.Record("missing", episode.ref, caseRef: caseRef)
        var events = [TimelineEvent(on: episode.reportedOn, kind: .missing, title: "Reported missing from \(episode.missingFrom.rawValue)",
                                    detail: episode.note, record: record)]
        if let found = episode.foundOn {
            events.append(TimelineEvent(on: found, kind: .missing, title: "Found" + (episode.foundAtLabel.map { " at \($0)" } ?? ""),
                                        detail: episode.foundWith.map { "found with: \($0)" }, record: record))
        }
        if let on = episode.interviewOn, let interview = episode.interview {
            events.append(TimelineEvent(on: on, kind: .missing, title: "Return home interview \(interview.rawValue)", record: record))
        }
        return events
    }

    // MARK: - MARTHR

    /// The notices against the subject or protecting the child that the viewer may see
    /// (``mayRead(notice:by:in:)``), and the MARTHR meetings the subject was nominated to.
    func marthrEvents(of entity: StoredValue, asOf date: CalendarDate, by viewer: Viewer, in tx: StoreTransaction) throws -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        let notices = try notices(Self.noticeArguments(subject: entity), on: date, by: viewer, in: tx)
            + notices(Self.noticeArguments(child: entity), on: date, by: viewer, in: tx)
        for (_, notice) in notices {
            let record = TimelineEvent.Record("disruption", notice.ref)
            let name = DisruptionTool(rawValue: notice.tool)?.shortName ?? notice.tool
            let about = "\(name) \(notice.ref) against \(notice.subjectLabel)" + (notice.childLabel.map { ", protecting \($0)" } ?? "")
            if let drafted = notice.draftedOn { events.append(TimelineEvent(on: drafted, kind: .notice, title: "Drafted: " + about, record: record)) }
            if let served = notice.servedOn {
                events.append(TimelineEvent(on: served, kind: .notice, title: "Served: " + about,
                                            detail: notice.expiresOn.map { "expires \($0)" }, record: record))
            }
            if let breached = notice.lastBreachedOn {
                events.append(TimelineEvent(on: breached, kind: .notice, title: "Breached (\(notice.breachCount) in all): " + about, record: record))
            }
            if let ended = notice.endedOn {
                events.append(TimelineEvent(on: ended, kind: .notice, title: "Ended: " + about, detail: notice.outcome, record: record))
            }
        }
        for row in try tx.rows("marthr.nominations_of_subject", ["subject": entity]) {
            let status = row.string("status").replacingOccurrences(of: "_", with: " ")
            events.append(TimelineEvent(on: row.string("held_on"), kind: .marthr,
                                        title: "Nominated to MARTHR \(row.string("meeting_ref")) (\(status))",
                                        detail: row.text("decision_reason"), record: .init("marthr", row.string("meeting_ref"))))
        }
        return events
    }
}

extension Timeline {
    /// The events once each (a case's referral read again outside it, say), oldest first.
    static func unique(_ events: [TimelineEvent]) -> [TimelineEvent] {
        var seen = Set<String>()
        return events.filter { seen.insert("\($0.on)|\($0.kind.rawValue)|\($0.title)|\($0.record.what)|\($0.record.ref)").inserted }
            .sorted { ($0.on, $0.kind, $0.title) < ($1.on, $1.kind, $1.title) }
    }
}
