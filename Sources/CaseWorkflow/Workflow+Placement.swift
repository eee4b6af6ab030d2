import GraphCore
import GraphStore

/// What ``Workflow/recordPlacement(_:by:)`` did.
public struct PlacementRecord: Sendable {
    /// The placement recorded or updated, and whether it is new.
    public let ref: String
    public let isNew: Bool
    /// The notification tasks it raised (or added to).
    public let notifications: [String]
    public let warnings: [LanguageWarning]
}

extension Workflow {
    /// Records a child's placement, or (with `ref`) ends one or records the CE risk
    /// screening of an incoming one. The placing authority defaults to the child's home
    /// authority, where the child lives to the location's. A placement out of area raises
    /// the duties seed 003 §3 names: the placing authority's home social worker is told by
    /// the authority where the child lives, and, when the placing authority's settings say
    /// so (`placementNotifiesResidingMash`), the residing authority's MASH by the placing
    /// authority. An incoming placement (the placing authority told us, seed 000) raises the
    /// home social worker's task only once screened as a CE risk.
    ///
    /// - Throws: ``WorkflowError`` naming the field: an unknown child, area or location, a
    ///   placement with no day, no words or nowhere to live, an end before the start, a
    ///   screening of a placement nobody told us of.
    public func recordPlacement(_ input: PlacementInput, on date: CalendarDate, by viewer: Viewer) throws -> PlacementRecord {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(input.child, kinds: [.child], field: "child", operation: "placement", by: viewer, in: tx)
            var raised: [String] = []
            let ref: String
            let isNew = input.ref == nil
            if let given = input.ref {
                guard let row = try tx.row("placement.by_ref", ["ref": .text(given)]), row.string("child_ref") == child.string("ref") else {
                    throw WorkflowError("placement", "\(input.child) has no placement \(given)", field: "placement", kind: .notFound)
                }
                ref = given
                // The placing or the residing authority changes a placement; no one else.
                guard try covers(row.text("placing_area"), by: viewer, in: tx) || covers(row.text("area"), by: viewer, in: tx) else {
                    throw Unseen(what: "placement", ref: given, found: true, error: WorkflowError(
                        "placement", "\(input.child) has no placement \(given)", field: "placement", kind: .notFound))
                }
                if let ended = input.endedOn {
                    if let started = row.date("started_on"), ended < started {
                        throw WorkflowError("placement", "ended on \(ended), before it started on \(started)", field: "ended")
                    }
                    // An end is brought forward, never put off: a later end would keep the
                    // child in the residing authority's need-to-know.
                    if let recorded = row.date("ended_on"), ended > recorded {
                        throw WorkflowError("placement", "\(given) ended on \(recorded): an end is not put later", field: "ended")
                    }
                    try tx.execute("placement.end", ["id": row["id"], "ended": StoredValue(ended)])
                }
                if let risk = input.ceRisk {
                    guard row.bool("incoming") == true else {
                        throw WorkflowError("placement", "\(given) was not told to us by the placing authority: nothing to screen",
                                            field: "ce_risk")
                    }
                    let screened = input.screenedOn ?? date
                    try tx.execute("placement.screen", ["id": row["id"], "screened": StoredValue(screened), "risk": StoredValue(risk)])
                    if risk, row.string("placing_area") != row.string("area") {
                        raised.append(try raise(NotificationDuty(
                            area: row.string("area"), toArea: row.string("placing_area"), contact: .homeSocialWorker, source: .placement,
                            key: "placement \(given) home_social_worker", child: child["id"], placement: row["id"],
                            reason: "\(child.string("ref")) placed by \(row.string("placing_area_name")) in \(row.string("area_name")) "
                                + "(\(given)) was screened on \(screened) as at risk of exploitation: tell the home social worker",
                            records: [child.string("ref")]), on: date, by: viewer, in: tx).ref)
                    }
                }
                if input.endedOn == nil, input.ceRisk == nil {
                    throw WorkflowError("placement", "say what changed: the day it ended, or the CE risk screening", field: "ended")
                }
            } else {
                // A new placement is the word of those who cover the child's home: an authority
                // that knows the child only because they are placed there may not place them again.
                guard try covers(child.text("area"), by: viewer, in: tx) else {
                    throw WorkflowError("placement", "\(input.child)'s placements are recorded by their home authority's front door "
                                        + "or the police", field: "child")
                }
                guard let started = input.startedOn else { throw WorkflowError("placement", "give the day it started", field: "started") }
                if let ended = input.endedOn, ended < started {
                    throw WorkflowError("placement", "ended on \(ended), before it started on \(started)", field: "ended")
                }
                var location: StoredRow?
                if let place = input.location {
                    location = try requirePlace(place, field: "location", operation: "placement", by: viewer, in: tx)
                }
                guard let placing = input.placedBy ?? child.text("area") else {
                    throw WorkflowError("placement", "the child has no home area recorded: say which authority placed them", field: "placed_by")
                }
                guard let lives = input.livesIn ?? location?.text("area") else {
                    throw WorkflowError("placement", "say which authority the child lives in, or give a location with an area",
                                        field: "lives_in")
                }
                // Either authority may record it: the one that placed the child, or the one they
                // live in. A viewer who covers neither gets an authority outside their scope
                // answered exactly as an unknown code (``requireArea``).
                let either = try covers(placing, by: viewer, in: tx) || covers(lives, by: viewer, in: tx)
                let placingRow = try requireArea(placing, localAuthority: true, field: "placed_by", operation: "placement",
                                                 by: either ? nil : viewer, in: tx)
                let livesRow = try requireArea(lives, localAuthority: true, field: "lives_in", operation: "placement",
                                               by: either ? nil : viewer, in: tx)
                let words = input.placement?.trimmingWhitespace() ?? location.map { $0.string("label") } ?? ""
                guard !words.isEmpty else { throw WorkflowError("placement", "say what the placement is", field: "placement") }
                ref = try nextRef("PLC", table: "placement", in: tx)
                try tx.execute("placement.insert", [
                    "ref": .text(ref), "child": child["id"], "placing": .text(placing), "area": .text(lives), "kind": .text(input.kind.rawValue),
                    "placement": .text(words), "location": location?["id"] ?? .null, "started": StoredValue(started),
                    "ended": StoredValue(input.endedOn), "incoming": StoredValue(input.incoming), "screened": .null, "risk": .null,
                    "note": StoredValue(input.note), "by": .text(viewer.name),
                ])
                let row = try tx.row("placement.by_ref", ["ref": .text(ref)])
                if placing != lives, !input.incoming {
                    let what = "\(child.string("ref")) placed by \(placingRow.string("name")) in \(livesRow.string("name")) from \(started) "
                        + "(\(input.kind.words), \(ref))"
                    raised.append(try raise(NotificationDuty(
                        area: lives, toArea: placing, contact: .homeSocialWorker, source: .placement,
                        key: "placement \(ref) home_social_worker", child: child["id"], placement: row?["id"] ?? .null,
                        reason: what + ": tell the home social worker", records: [child.string("ref")]), on: date, by: viewer, in: tx).ref)
                    if try settings(for: placing, in: tx).placementNotifiesResidingMash {
                        raised.append(try raise(NotificationDuty(
                            area: placing, toArea: lives, contact: .mash, source: .placement,
                            key: "placement \(ref) mash", child: child["id"], placement: row?["id"] ?? .null,
                            reason: what + ": tell the MASH / front door where the child lives", records: [child.string("ref")]),
                            on: date, by: viewer, in: tx).ref)
                    }
                }
            }
            try tx.audit(isNew ? .collection : .alteration, by: viewer, records: .object([
                "workflow": "placement", "placement": .string(ref), "child": .string(child.string("ref")),
                "notifications": .array(raised.map { .string($0) }),
            ]))
            return PlacementRecord(ref: ref, isNew: isNew, notifications: raised, warnings: languageWarnings(input.note))
        }
    }

    /// A child's placements, oldest first. Audited as a consultation.
    public func placements(child ref: String, by viewer: Viewer) throws -> [Placement] {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(ref, kinds: [.child], field: "child", operation: "placements", by: viewer, in: tx)
            let placements = try shown(try tx.rows("placement.for_child", ["child": child["id"]]).map(Placement.init),
                                       pseudonyms: try tx.pseudonymiser(for: viewer.access), by: viewer, in: tx)
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "placements", "child": .string(ref), "placements": .array(placements.map { .string($0.ref) }),
            ]))
            return placements
        }
    }

    /// Where a child lives on `date`: the authority of their placement then, else their
    /// home authority. A referral goes to this front door (seed 003: "the local geographical
    /// area where the child is currently residing").
    func residingArea(child: StoredRow, on date: CalendarDate, in tx: StoreTransaction) throws -> String? {
        try tx.row("placement.current_for_child", ["child": child["id"], "on": StoredValue(date)])?.text("area") ?? child.text("area")
    }

    /// Hands a child who turned 18 over to adult services: the case closes on `date` as
    /// `reached_18`, with the agency (`adult_services` by default, a partner agency) recorded.
    /// Allowed from the 18th birthday (before it, the transitions plan).
    ///
    /// - Throws: ``WorkflowError`` for a closed or unknown case, an unknown agency, a child
    ///   with no date of birth, or a day before the transitions window.
    public func handOver(case ref: String, to agency: String, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(ref, open: true, operation: "handover", by: viewer, in: tx)
            try requireAgency(agency, field: "to", operation: "handover", in: tx)
            guard let born = ceCase.date("dob") else {
                throw WorkflowError("handover", "\(ceCase.string("child_ref"))'s date of birth is not recorded, so the handover on reaching 18 "
                                    + "cannot be checked", field: "case")
            }
            let eighteen = born.adding(months: 18 * 12)
            guard date >= eighteen else {
                throw WorkflowError("handover", "the child turns 18 on \(eighteen): the handover to adult services is recorded from that day "
                                    + "(before it, record the transitions plan)", field: "on")
            }
            guard try tx.row("common.agency", ["code": .text(agency)])?.bool("partner") == true else {
                throw WorkflowError("handover", "\(agency) is not a partner agency that takes over a young adult's care", field: "to",
                                    hint: "adult_services, probation, health or another partner agency")
            }
            if let opened = ceCase.date("opened_on"), date < opened {
                throw WorkflowError("handover", "handed over on \(date), before the case opened on \(opened)", field: "on")
            }
            try tx.execute("case.handover", ["id": ceCase["id"], "on": StoredValue(date), "to": .text(agency),
                                             "risk": StoredValue(ceCase.text("risk"))])
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "handover", "case": .string(ref), "child": .string(ceCase.string("child_ref")), "to": .string(agency),
            ]))
        }
    }
}

extension Workflow {
    /// Episodes as the viewer may read them: a place found at that the viewer may not see
    /// (``Access/admits(kind:ref:area:force:)``, outside their scope) is named only by its
    /// area ("a place in Flintshire"), and other children in the free text are pseudonymised.
    /// `pseudonyms` is the viewer's (``StoreTransaction/pseudonymiser(for:)``), loaded once by
    /// the caller: it reads every child in the store.
    func shown(_ episodes: [MissingEpisode], pseudonyms: Pseudonymiser?, by viewer: Viewer,
               in tx: StoreTransaction) throws -> [MissingEpisode] {
        try episodes.map { episode in
            var shown = pseudonyms.map { episode.pseudonymised(by: $0) } ?? episode
            if let ref = episode.foundAtRef, try !admitsPlace(ref: ref, area: episode.foundAtArea, by: viewer, in: tx) {
                shown.foundAtRef = nil
                shown.foundAtLabel = "a place in " + (episode.foundAtAreaName ?? "another area")
            }
            return shown
        }
    }

    /// Placements as the viewer may read them: a location record they may not see is not
    /// named, and other children in the free text are pseudonymised.
    func shown(_ placements: [Placement], pseudonyms: Pseudonymiser?, by viewer: Viewer,
               in tx: StoreTransaction) throws -> [Placement] {
        try placements.map { placement in
            var shown = pseudonyms.map { placement.pseudonymised(by: $0) } ?? placement
            if let ref = placement.locationRef, try !admitsPlace(ref: ref, area: placement.locationArea, by: viewer, in: tx) {
                shown.locationRef = nil
            }
            return shown
        }
    }

    /// Whether the viewer may see a location of `area` by name.
    func admitsPlace(ref: String, area: String?, by viewer: Viewer, in tx: StoreTransaction) throws -> Bool {
        viewer.access.admits(kind: .location, ref: ref, area: area, force: try force(of: area, in: tx))
    }
}
