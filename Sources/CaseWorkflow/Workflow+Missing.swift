import GraphCore
import GraphStore

/// What ``Workflow/recordMissing(_:by:)`` did.
public struct MissingRecord: Sendable {
    /// The episode recorded or updated, and whether it is new.
    public let ref: String
    public let isNew: Bool
    /// How often the child has been reported missing within the repeat window, this one
    /// included (only counted for a new episode).
    public let timesInWindow: Int
    /// The case added to its authority's next panel agenda for a repeat missing child.
    public let addedToAgenda: String?
    /// The notification tasks raised for a child found in another authority or force.
    public let notifications: [String]
    public let warnings: [LanguageWarning]
}

extension Workflow {
    /// Records a missing episode, or updates one: found (when, where, with whom) and the
    /// return home interview. A place the child was found at becomes a dated `found_at` link
    /// resting on the intelligence record `missing/REF` (graded 1A P: the finding is known
    /// directly to those who found the child). A child reported missing more than once within
    /// `repeatMissingDays` (seed 002: a missing risk assessment when a child goes missing
    /// more than once) with an open MACCSE case joins the case's next panel agenda.
    ///
    /// - Throws: ``WorkflowError`` naming the field: no report date for a new episode, an
    ///   episode of another child, found before reported, a found-at record that is not a
    ///   place, an interview before the child was found.
    public func recordMissing(_ input: MissingInput, by viewer: Viewer) throws -> MissingRecord {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(input.child, kinds: [.child], field: "child", operation: "missing", by: viewer, in: tx)
            let settings = try settings(for: child.text("area"), in: tx)
            var episodeRef = input.episode
            if episodeRef == nil, input.reportedOn == nil {
                episodeRef = try tx.row("missing.open_for_child", ["child": child["id"]])?.string("ref")
                guard episodeRef != nil else {
                    throw WorkflowError("missing", "\(input.child) has no missing episode open: give the day they were reported missing",
                                        field: "reported")
                }
            }
            var isNew = false, times = 0
            var addedToAgenda: String?
            var notifications: [String] = []
            let ref: String
            if let episodeRef {
                guard let row = try tx.row("missing.by_ref", ["ref": .text(episodeRef)]), row.string("child_ref") == child.string("ref") else {
                    throw WorkflowError("missing", "\(input.child) has no missing episode \(episodeRef)", field: "episode", kind: .notFound)
                }
                ref = episodeRef
            } else {
                guard let reported = input.reportedOn else { throw WorkflowError("missing", "give the day reported missing", field: "reported") }
                // One episode at a time: the child still missing is found before going missing again.
                if let open = try tx.row("missing.open_for_child", ["child": child["id"]]) {
                    throw WorkflowError("missing", "\(input.child) is still missing (episode \(open.string("ref"))): record when they were "
                                        + "found first, or give the episode to update it", field: "reported")
                }
                ref = try nextRef("MISS", table: "missing_episode", in: tx)
                try tx.execute("missing.insert", [
                    "ref": .text(ref), "child": child["id"], "area": child["area"], "reported": StoredValue(reported),
                    "from": .text(input.from.rawValue), "note": StoredValue(input.note), "by": .text(viewer.name),
                ])
                isNew = true
                let since = reported.adding(days: -settings.repeatMissingDays)
                times = Int(try tx.row("missing.count_since", ["child": child["id"], "since": StoredValue(since),
                                                               "until": StoredValue(reported)])?.integer("n") ?? 1)
                // The agenda request is the workflow's own, whoever records the episode; a case
                // already waiting for the next agenda is not added twice.
                if times > 1, let ceCase = try tx.row("missing.open_case_for_child", ["child": child["id"]]),
                   try tx.row("missing.pending_request", ["case": ceCase["id"]]) == nil {
                    try tx.execute("panel.request", [
                        "area": ceCase["area"], "case": ceCase["id"], "kind": "added",
                        "reason": .text("reported missing \(times) times since \(since) (episode \(ref)): a missing risk assessment "
                                        + "is needed (seed 002)"),
                        "from": .null, "on": StoredValue(reported), "by": .text(viewer.name),
                    ])
                    addedToAgenda = ceCase.string("ref")
                }
            }
            guard let episode = try tx.row("missing.by_ref", ["ref": .text(ref)]), let reportedOn = episode.date("reported_on") else {
                throw WorkflowError("missing", "the episode \(ref) could not be read back", kind: .internal)
            }
            if let found = input.foundOn {
                guard found >= reportedOn else {
                    throw WorkflowError("missing", "found on \(found), before being reported missing on \(reportedOn)", field: "found")
                }
                let location = try input.foundAt.map { try requirePlace($0, field: "found_at", operation: "missing", by: viewer, in: tx) }
                let place = location?["id"] ?? .null
                // The place is linked, and its duties raised, when it is new to the episode.
                if let location, episode.integer("found_at") != place.integer {
                    let intelRef = "missing/" + ref
                    _ = try tx.apply([
                        ["record": "intel", "id": .string(intelRef), "date": .string(found.description), "source_evaluation": "1",
                         "intelligence_assessment": "A", "handling_code": "P",
                         // The place is the link this report supports, not in its text: free
                         // text may reach partners who may not see the place.
                         "text": .string("Found on \(found) after being reported missing on \(reportedOn) (missing episode \(ref)); "
                                         + "where is the found_at link this report supports."),
                         "about": .array([.string(child.string("ref"))])],
                        ["record": "link", "from": .string(child.string("ref")), "to": .string(location.string("ref")), "kind": "found_at",
                         "first_seen": .string(found.description), "last_seen": .string(found.description),
                         "intel": .array([.string(intelRef)])],
                    ], source: "missing episode \(ref)")
                    // Found in another authority or force: tell them (seed 003 §3).
                    if let there = location.text("area") {
                        let home = episode.text("area")
                        let thereName = try tx.row("common.area", ["code": .text(there)])?.text("name") ?? there
                        // The found_at link is told with the finding: the notification pass
                        // does not tell it again.
                        let foundLinks = try tx.rows("notification.links_between", [
                            "from": child["id"], "to": location["id"], "kind": "found_at",
                        ]).compactMap { $0.integer("id") }
                        for (target, contact) in try duties(from: home, to: there, in: tx) {
                            notifications.append(try raise(NotificationDuty(
                                area: home, toArea: target, contact: contact, source: .missing,
                                key: "missing \(ref) \(target) \(contact.rawValue)", child: child["id"], missing: episode["id"],
                                // The place by its area only: the reason is read by those who may not see it.
                                reason: "\(child.string("ref")) was found in \(thereName) on \(found) after being "
                                    + "reported missing on \(reportedOn) (\(ref))",
                                records: [child.string("ref"), location.string("ref")], links: foundLinks), on: found, by: viewer, in: tx).ref)
                        }
                    }
                }
                try tx.execute("missing.found", ["id": episode["id"], "found": StoredValue(found), "at": place,
                                                 "with": StoredValue(input.foundWith)])
            } else if input.foundAt != nil {
                throw WorkflowError("missing", "give the day the child was found as well as where", field: "found")
            }
            if !isNew, let note = input.note {
                try tx.execute("missing.note", ["id": episode["id"], "note": .text(note)])
            }
            if let interview = input.interview {
                let found = input.foundOn ?? episode.date("found_on")
                guard let found else {
                    throw WorkflowError("missing", "the return home interview follows the child's return: record when they were found first",
                                        field: "interview")
                }
                let on = input.interviewOn ?? (interview == .offered ? nil : found)
                if let on, on < found {
                    throw WorkflowError("missing", "interview on \(on), before the child was found on \(found)", field: "interview_on")
                }
                try tx.execute("missing.interview", ["id": episode["id"], "interview": .text(interview.rawValue), "on": StoredValue(on),
                                                     "by": StoredValue(input.interviewBy)])
            }
            try tx.audit(isNew ? .collection : .alteration, by: viewer, records: .object([
                "workflow": "missing", "episode": .string(ref), "child": .string(child.string("ref")),
                "notifications": .array(notifications.map { .string($0) }),
            ]))
            return MissingRecord(ref: ref, isNew: isNew, timesInWindow: times, addedToAgenda: addedToAgenda, notifications: notifications,
                                 warnings: languageWarnings(input.note) + languageWarnings(input.foundWith))
        }
    }

    /// The missing episodes of a child, oldest first. Audited as a consultation.
    public func missingEpisodes(child ref: String, by viewer: Viewer) throws -> [MissingEpisode] {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(ref, kinds: [.child], field: "child", operation: "missing", by: viewer, in: tx)
            let episodes = try shown(try tx.rows("missing.for_child", ["child": child["id"]]).map(MissingEpisode.init),
                                     pseudonyms: try tx.pseudonymiser(for: viewer.access), by: viewer, in: tx)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "missing_episodes", "child": .string(ref), "episodes": .array(episodes.map { .string($0.ref) }),
            ]))
            return episodes
        }
    }

    /// The daily list (seed 002: missing children reviewed daily): children reported missing
    /// on or after `since`, in `area` or every area the viewer covers. Audited as a
    /// consultation naming each episode and child.
    public func missingReported(since: CalendarDate, area: String?, by viewer: Viewer) throws -> [MissingEpisode] {
        try transaction(by: viewer) { tx in
            if let area { try requireArea(area, localAuthority: true, operation: "missing", by: viewer, in: tx) }
            let rows = try covered(try tx.rows("missing.reported_since", ["since": StoredValue(since), "area": StoredValue(area)]),
                                   by: viewer, in: tx)
            let episodes = try shown(try rows.map(MissingEpisode.init), pseudonyms: try tx.pseudonymiser(for: viewer.access),
                                     by: viewer, in: tx)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "missing_list", "since": .string(since.description),
                "episodes": .array(episodes.map { .string($0.ref) }), "children": .array(episodes.map { .string($0.childRef) }),
            ]))
            return episodes
        }
    }
}

extension Workflow {
    /// The working day before `date` for `area`'s partnership (or the default): where the
    /// daily missing list starts, so that a Monday's list covers the weekend.
    public func previousWorkingDay(before date: CalendarDate, area: String?) throws -> CalendarDate {
        let calendar = try store.reading { tx in try self.calendar(try settings(for: area, in: tx)) }
        var day = date.adding(days: -1)
        while !calendar.isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }
}
