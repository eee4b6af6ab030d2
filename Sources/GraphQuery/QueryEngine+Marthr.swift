import Foundation
import GraphCore
import GraphStore

/// MARTHR candidates, the subjects MARTHR manages, and the judgement of one subject.
extension QueryEngine {
    /// The partnership's MARTHR thresholds: the `marthr` part of the default workflow
    /// settings, with defaults where it says nothing.
    ///
    /// - Throws: ``QueryError`` naming the setting that cannot be used.
    public func marthrThresholds() throws -> MarthrThresholds {
        let text = try store.reading { tx in try tx.row("marthr/engine.settings")?.text("marthr") }
        guard let text else { return MarthrThresholds() }
        let thresholds: MarthrThresholds
        do {
            thresholds = try JSONDecoder().decode(MarthrThresholds.self, from: Data(text.utf8))
        } catch {
            throw QueryError("the MARTHR settings (marthr in the default workflow settings) cannot be read: \(error)")
        }
        try thresholds.validate()
        return thresholds
    }

    /// The subjects MARTHR manages on `day`.
    public func marthrManaged(on day: CalendarDate) throws -> [ManagedSubject] {
        try store.reading { tx in
            try tx.rows("marthr/engine.managed", ["on": .text(day.description)]).map { row in
                let notices: [JSONValue]
                if case .array(let list)? = row.json("notices") { notices = list } else { notices = [] }
                return ManagedSubject(rowid: row.integer("subject_id") ?? -1, ref: row.string("ref"),
                                      since: row.date("since"), acceptedOn: row.date("accepted_on"),
                                      openActions: Int(row.integer("open_actions") ?? 0), notices: notices)
            }
        }
    }

    /// Candidates for the next MARTHR meeting, best first (FORMAT.md §3 `marthr`), judged on
    /// the as-of date, `today` or the current date: the thresholds each meets with the
    /// evidence in words, the subjects already under management listed apart (never
    /// proposed again), and how many entities meet each threshold.
    public func marthr(filter: QueryFilter, viewer: Viewer, top: Int = .max, today: CalendarDate? = nil) throws -> QueryAnswer {
        let view = try snapshot().view(filter.seen(by: viewer.access))
        let reference = filter.asOf ?? today ?? CalendarDate.today
        let (rules, managed, ranked) = try rankMarthr(view, on: reference)
        var meeting = [0, 0, 0, 0]
        for candidate in ranked { for criterion in candidate.criteria { meeting[criterion - 1] += 1 } }
        let candidates = ranked.prefix(max(0, top)).map { view.marthrDetail($0, rules: rules) }
        var text = ["\(candidates.count) MARTHR candidate\(candidates.count == 1 ? "" : "s") of \(ranked.count) (judged as of \(reference))"]
        var ids: [String] = []
        let evidence = candidates.map { view.evidence(for: $0, rules: rules) }
        for (candidate, lines) in zip(candidates, evidence) {
            text.append(String(format: "  %6.1f  ", candidate.score) + view.words(candidate.entity)
                        + "  thresholds " + candidate.criteria.map(String.init).joined(separator: ","))
            for line in lines { text.append("      " + line) }
            ids.append(view.snapshot.ref(candidate.entity))
            ids += candidate.children.sorted().map(view.snapshot.ref)
            ids += candidate.reports.sorted().map(view.snapshot.intelRef)
        }
        if !managed.isEmpty {
            text.append("\(managed.count) under management (not proposed again):")
            for (entity, subject) in managed {
                text.append("  " + view.words(entity) + "  since \(subject.since?.description ?? "unknown"), "
                            + "\(subject.openActions) open action\(subject.openActions == 1 ? "" : "s"), "
                            + "\(subject.notices.count) notice\(subject.notices.count == 1 ? "" : "s") in force")
                ids.append(subject.ref)
            }
        }
        return try answer("marthr", ["top": .int(top == .max ? -1 : top)], view, viewer: viewer, json: [
            "as_of": .string(reference.description),
            "meeting": .object([
                "any": .int(ranked.count), "entities": .int(view.snapshot.entityCount),
                "1": .int(meeting[0]), "2": .int(meeting[1]), "3": .int(meeting[2]), "4": .int(meeting[3]),
            ]),
            "candidates": .array(zip(candidates, evidence).map { candidate, lines in
                view.entityJSON(candidate.entity, [
                    "criteria": .array(candidate.criteria.map { .int($0) }),
                    "score": .decimal(candidate.score, places: 1),
                    "children_at_risk": .array(candidate.children.sorted().map { .string(view.snapshot.ref($0)) }),
                    "intel": .array(candidate.reports.sorted().map { .string(view.snapshot.intelRef($0)) }),
                    "newest_intel": candidate.newestReport.flatMap(GraphView.dateText).map { .string($0) } ?? .null,
                    "evidence": .array(lines.map { .string($0) }),
                ])
            }),
            "under_management": .array(managed.map { entity, subject in view.entityJSON(entity, subject.json) }),
        ], text: text, ids: ids)
    }

    /// The thresholds one subject meets on `day`, with the evidence in words, as the
    /// viewer may see it: what a nomination's claim is confirmed against. Not audited on
    /// its own; the nomination that asks is.
    public func marthrJudgement(of id: String, on day: CalendarDate, viewer: Viewer) throws -> (criteria: [Int], evidence: [String]) {
        let view = try snapshot().view(QueryFilter().seen(by: viewer.access))
        let entity = try resolve(id, in: view)
        let rules = try MarthrRules(try marthrThresholds(), day: day)
        let judged = view.marthrJudge(entity, rules: rules)
        return (judged.criteria, view.evidence(for: judged, rules: rules))
    }

    /// The map of the best `top` MARTHR candidates and the evidence behind each: the
    /// operations, children, places and the connectors between them.
    public func marthrMap(top: Int, filter: QueryFilter, today: CalendarDate? = nil, newSince: CalendarDate?) throws -> MapGraph {
        let view = try snapshot().view(filter)
        let reference = filter.asOf ?? today ?? CalendarDate.today
        let (rules, _, ranked) = try rankMarthr(view, on: reference)
        var shown: [Int32] = []
        var seen = Set<Int32>()
        for candidate in ranked.prefix(max(0, top)).map({ view.marthrDetail($0, rules: rules) }) {
            for entity in [candidate.entity] + candidate.facts.flatMap(\.walk) where seen.insert(entity).inserted {
                shown.append(entity)
            }
        }
        return view.map(title: "MARTHR candidates (top \(top)) and their evidence, judged as of \(reference)",
                        entities: shown, subject: nil, newSince: newSince)
    }

    /// The thresholds made ready for `day`, the subjects under management the view includes,
    /// and every other candidate ranked: what the query and the map both start from.
    private func rankMarthr(_ view: GraphView, on day: CalendarDate) throws
        -> (rules: MarthrRules, managed: [(Int32, ManagedSubject)], ranked: [MarthrCandidate]) {
        let rules = try MarthrRules(try marthrThresholds(), day: day)
        let managed = try marthrManaged(on: day).compactMap { subject -> (Int32, ManagedSubject)? in
            guard let entity = view.snapshot.entity(rowid: subject.rowid), view.includes(entity: entity) else { return nil }
            return (entity, subject)
        }
        return (rules, managed, view.marthrCandidates(rules: rules, excluding: Set(managed.map(\.0))))
    }
}
