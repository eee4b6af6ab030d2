import GraphCore
import GraphQuery
import GraphRender
import GraphStore

extension Workflow {
    /// A panel's briefing pack for `viewer`, to be handed to `recipient` (``BriefingPack``):
    /// the panel as the viewer may read it (a panel member: their children's agenda items
    /// only), each child's map for the panel audience with what changed since the area's
    /// previous panel, the latest assessment and the open actions.
    ///
    /// Handing over the pack is a disclosure: the `disclosure` audit row, naming the panel,
    /// the file, every case and child and the entities on the maps, and the recipient, is
    /// written in the same transaction as the pack is read, before any byte of it leaves.
    ///
    /// - Parameters:
    ///   - engine: the query engine whose picture the maps are drawn from.
    ///   - recipient: who receives it, for the audit row; the viewer when nil.
    ///   - date: the day the pack is produced, printed on it.
    /// - Throws: ``WorkflowError``: no such panel, or one the viewer may not open (not
    ///   found, as a missing one); a stored row the pack cannot read (internal).
    public func briefingPack(panel ref: String, engine: QueryEngine, recipient: String? = nil, on date: CalendarDate,
                             by viewer: Viewer) throws -> BriefingPack {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "briefing pack", by: viewer, in: tx)
            var detail = try panelDetail(meeting, in: tx)
            if let view = try PanelView(viewer.access, in: tx) { detail = view.panel(detail) }
            let pseudonyms = try tx.pseudonymiser(for: viewer.access)
            if let pseudonyms { detail = detail.pseudonymised(by: pseudonyms) }
            // What the panel audience sees: no code-C material, whoever asks.
            let panel = Viewer(name: viewer.name, purpose: viewer.purpose, access: viewer.access.narrowed(to: .panel))
            let previous = try tx.row("panel.previous_held", ["area": meeting["area"], "held": meeting["held_on"]])
                .map { BriefingPack.PreviousPanel(ref: $0.string("ref"), heldOn: $0.string("held_on")) }
            let window = previous.flatMap { CalendarDate($0.heldOn) }.flatMap { since in
                CalendarDate(detail.heldOn).map { ChangeWindow(since: since, until: $0) }
            }

            var children: [BriefingPack.Child] = []
            var disclosed: [String] = []
            for item in detail.agenda {
                if let index = children.firstIndex(where: { $0.caseRef == item.caseRef }) {
                    children[index].reasons.append(item.reason)
                    continue
                }
                guard let caseRow = try tx.row("case.by_ref", ["ref": .text(item.caseRef)]) else { continue }
                let (map, ids) = try childMap(item.childRef, window: window, heldOn: CalendarDate(detail.heldOn), engine: engine,
                                              access: panel.access)
                disclosed += [item.childRef, item.caseRef] + ids
                children.append(BriefingPack.Child(
                    position: children.count + 1, slot: item.slot, caseRef: item.caseRef, childRef: item.childRef,
                    childLabel: item.childLabel, reasons: [item.reason], risk: item.risk,
                    riskWords: item.risk.flatMap { RiskLevel($0) }?.words, map: map,
                    newLinks: map.map { Self.changes($0, \.isNew) } ?? [], endedLinks: map.map { Self.changes($0, \.hasEnded) } ?? [],
                    assessment: try latestAssessment(caseRow, until: detail.heldOn, by: panel, in: tx),
                    actionsDue: try tx.rows("action.for_case", ["case": caseRow["id"]]).filter { $0.string("status") == "open" }.map { row in
                        BriefingPack.ActionDue(ref: row.string("ref"), text: pseudonyms.map { $0.apply(row.string("text")) } ?? row.string("text"),
                                               ownerAgency: row.string("owner_agency"), dueOn: row.string("due_on"),
                                               isOverdue: row.string("due_on") < detail.heldOn)
                    }))
            }
            let pack = BriefingPack(
                panelRef: detail.ref, area: detail.area,
                areaName: try tx.row("common.area", ["code": .text(detail.area)])?.text("name") ?? detail.area,
                heldOn: detail.heldOn, startsAt: detail.startsAt, status: detail.status, coChairs: detail.coChairs,
                previousPanel: previous, children: children, producedFor: recipient ?? viewer.name, producedOn: date.description,
                disclosedIds: Array(Set(disclosed)).sorted())
            try tx.audit(.disclosure, by: viewer, records: .object([
                "download": "briefing pack", "file": .string(pack.fileName), "panel": .string(pack.panelRef),
                "audience": .string(Audience.panel.rawValue),
                "cases": .array(children.map { .string($0.caseRef) }), "children": .array(children.map { .string($0.childRef) }),
                "count": .number(String(pack.disclosedIds.count)), "ids": .array(pack.disclosedIds.map { .string($0) }),
            ]), recipients: [pack.producedFor])
            return pack
        }
    }

    /// The days between the previous panel and this one.
    struct ChangeWindow {
        let since: CalendarDate
        let until: CalendarDate

        /// First seen after `since`, on or before `until`; with no first-seen day, recorded
        /// after `since` (the engine's mark).
        func isNew(_ edge: MapGraph.Edge) -> Bool {
            guard let first = edge.firstSeen.flatMap(CalendarDate.init) else { return edge.isNew }
            return since < first && !(until < first)
        }

        /// Not new, and last seen after `since` and before `until`.
        func hasEnded(_ edge: MapGraph.Edge) -> Bool {
            guard !isNew(edge), let last = edge.lastSeen.flatMap(CalendarDate.init) else { return false }
            return since < last && last < until
        }
    }

    /// The child's map for the panel (one link out) as it stood on the panel's day (no link
    /// first seen after it), its changes marked, redacted for the panel; and the real ids of
    /// the entities it shows. No map for a child the picture does not hold (or the viewer's
    /// picture does not show).
    private func childMap(_ child: String, window: ChangeWindow?, heldOn: CalendarDate?, engine: QueryEngine, access: Access) throws
        -> (map: MapGraph?, ids: [String]) {
        var map: MapGraph
        do {
            map = try engine.associationMap(of: child, hops: 1, filter: QueryFilter(), newSince: window?.since.adding(days: 1),
                                            coLocationHours: nil, access: access)
        } catch is QueryError {
            return (nil, [])
        }
        if let heldOn {
            map.edges.removeAll { edge in edge.firstSeen.flatMap(CalendarDate.init).map { heldOn < $0 } ?? false }
        }
        for index in map.edges.indices {
            let edge = map.edges[index]
            map.edges[index].isNew = window?.isNew(edge) ?? false
            map.edges[index].hasEnded = window?.hasEnded(edge) ?? false
        }
        // The diff is of links; an entity's own "new" is the day it was recorded, which says
        // nothing of the child's network.
        for index in map.nodes.indices {
            map.nodes[index].isNew = false
            map.nodes[index].opens = false
        }
        let (redacted, ids) = Redactor.redact(map, for: .panel)
        return (redacted, ids)
    }

    /// The changed links of a redacted map, by the labels of their ends.
    private static func changes(_ map: MapGraph, _ changed: KeyPath<MapGraph.Edge, Bool>) -> [BriefingPack.LinkChange] {
        let labels = Dictionary(map.nodes.map { ($0.id, $0.label) }) { first, _ in first }
        return map.edges.filter { $0[keyPath: changed] }.map {
            BriefingPack.LinkChange(from: labels[$0.from] ?? $0.from, to: labels[$0.to] ?? $0.to, kind: $0.kind,
                                    firstSeen: $0.firstSeen, lastSeen: $0.lastSeen)
        }
    }

    /// The case's latest assessment made on or before the panel's day, in brief, read as the
    /// panel may (code-C text withheld).
    private func latestAssessment(_ caseRow: StoredRow, until heldOn: String, by panel: Viewer, in tx: StoreTransaction) throws
        -> BriefingPack.AssessmentSummary? {
        guard let latest = try tx.rows("assessment.for_case", ["case": caseRow["id"]]).last(where: { $0.string("assessed_on") <= heldOn }),
              let row = try tx.row("assessment.by_ref", ["ref": .text(latest.string("ref"))]) else { return nil }
        let detail = try assessmentDetail(row, by: panel, in: tx)
        return BriefingPack.AssessmentSummary(
            ref: detail.ref, assessedOn: detail.assessedOn, kind: detail.kind.rawValue, concern: detail.concern.words,
            risk: detail.risk, riskWords: RiskLevel(detail.risk)?.words ?? detail.risk, riskLabel: detail.riskLabel,
            immediateAction: detail.immediateAction, summary: detail.summary, withheld: detail.freeTextWithheld)
    }
}
