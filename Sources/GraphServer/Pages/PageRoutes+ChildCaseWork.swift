import CaseWorkflow
import Foundation
import GraphCore

/// The child's page's case work beyond their cases (issue 21, item 5): the panels that
/// decided on them and their missing episodes, each leading to its record.
extension PageRoutes {
    /// A child's panel decisions (panel, day, decision in words, newest first) and missing
    /// episodes (each leading to the case whose page records it: the newest case), as the
    /// child's page lists them. Read through each case's detail with the viewer's purpose;
    /// a case the viewer may not open is left out.
    func childCaseWork(_ cases: [CaseSummary], context: AppRequestContext) throws -> (panels: [[String: Any]], missing: [[String: Any]]) {
        let viewer = try services.viewer(context, purpose: "a child's panels and missing episodes")
        var panels: [(heldOn: String, row: [String: Any])] = []
        var missing: [String: [String: Any]] = [:]
        for summary in cases {
            let detail: CaseDetail
            do {
                detail = try services.workflow.caseDetail(summary.ref, asOf: .today, by: viewer)
            } catch is WorkflowError {
                continue
            }
            let caseHref = "/cases/" + PageRenderer.pathSegment(summary.ref)
            for decision in detail.decisions {
                panels.append((decision.heldOn, [
                    "ref": decision.meetingRef, "href": "/panels/" + PageRenderer.pathSegment(decision.meetingRef),
                    "heldOn": decision.heldOn, "decision": CodeWords.decisions[decision.decision] ?? decision.decision,
                    "caseRef": summary.ref, "caseHref": caseHref]))
            }
            // The cases come newest first: an episode stays with the newest case that shows it.
            for episode in detail.missingEpisodes where missing[episode.ref] == nil {
                missing[episode.ref] = ["ref": episode.ref, "reportedOn": episode.reportedOn,
                                        "found": episode.foundOn.map { "found \($0)" } ?? "not found yet",
                                        "stillMissing": episode.foundOn == nil,
                                        "caseRef": summary.ref, "caseHref": caseHref + "#missing"]
            }
        }
        let panelRows = panels.sorted { $0.heldOn > $1.heldOn }.map(\.row)
        let missingRows = missing.values.sorted { ($0["reportedOn"] as? String ?? "") > ($1["reportedOn"] as? String ?? "") }
        return (panelRows, missingRows)
    }
}
