import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

extension WorkflowPageRoutes {
    /// The panel's main list: every open case with the child's risk as red, amber or yellow,
    /// the review date, the last decision, flags and NRM stage; a CSV of the same list.
    @Sendable func mainListPage(_ request: Request, context: AppRequestContext, ref: String?,
                                refusal: Refusal?) throws -> (String, [String: Any]) {
        let area = try request.area(services)
        let chosen = area?.isEmpty == false ? area : nil
        let entries = try reads.mainList(area: chosen, for: context)
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.colour?.rawValue ?? "none", default: 0] += 1 }
        let areas = try areas()
        let frameworks = Set(entries.compactMap { $0.risk.flatMap(RiskLevel.init)?.framework })
        return ("main-list", [
            "legend": RiskLevel.Framework.allCases.filter(frameworks.contains).map(\.order),
            "area": area.map(areas.name) ?? "",
            "csvHref": "/api/main-list?format=csv" + (chosen.map { "&area=" + PageRenderer.queryValue($0) } ?? ""),
            "summary": RiskColour.allCases.map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: " · ")
                + ((counts["none"] ?? 0) > 0 ? " · \(counts["none"]!) with no colour" : ""),
            "entries": entries.map { entry -> [String: Any] in
                var row: [String: Any] = [
                    "caseRef": entry.caseRef, "caseHref": Self.href("/cases/", entry.caseRef) ?? "",
                    "child": entry.childLabel, "childRef": entry.childRef, "childHref": Self.href("/entities/", entry.childRef) ?? "",
                    "area": areas.area(code: entry.area)?.label ?? entry.area, "colour": entry.colour?.rawValue ?? "none",
                    "colourWord": entry.colour.map { $0.rawValue.capitalized } ?? "—",
                    "risk": entry.risk.map { RiskLevel($0).map { "\($0.brief) · \($0)" } ?? $0 } ?? "not assessed",
                    "reviewOn": entry.reviewOn ?? "—",
                    "decision": entry.lastDecision.map { CodeWords.words(field: "decision", $0) } ?? "none yet",
                    "flags": entry.flags.map { $0.uppercased() }.joined(separator: ", "),
                    "nrm": entry.nrmStage.map { $0.replacingOccurrences(of: "_", with: " ") } ?? "—",
                ]
                if let on = entry.lastDecisionOn, let panel = entry.lastPanel {
                    row["decisionOn"] = on
                    row["panelHref"] = Self.href("/panels/", panel) ?? ""
                }
                return row
            },
            "anyEntries": !entries.isEmpty,
        ])
    }
}
