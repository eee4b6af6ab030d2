import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

extension WorkflowPageRoutes {
    /// A panel's cross-border and trends section: cross-border links recorded since the
    /// authority's last panel, with whom to tell, and the busiest places by month.
    @Sendable func panelTrendsPage(_ request: Request, context: AppRequestContext, ref: String?,
                                   refusal: Refusal?) throws -> (String, [String: Any]) {
        let ref = ref ?? ""
        let answer = try reads.panelTrends(ref, for: context)
        let json = answer.json.objectValue ?? [:]
        let labels = Dictionary((json["entities"]?.arrayValue ?? []).compactMap { entity -> (String, String)? in
            guard let id = entity.objectValue?["id"]?.stringValue else { return nil }
            return (id, entity.objectValue?["label"]?.stringValue ?? id)
        }) { first, _ in first }
        func entity(_ id: String) -> [String: Any] {
            ["id": id, "label": labels[id] ?? id, "href": Self.href("/entities/", id) ?? ""]
        }
        let crossings = (json["cross_border"]?.arrayValue ?? []).compactMap(\.objectValue).map { link -> [String: Any] in
            [
                "from": entity(link["from"]?.stringValue ?? ""), "to": entity(link["to"]?.stringValue ?? ""),
                "kind": (link["kind"]?.stringValue ?? "").replacingOccurrences(of: "_", with: " "),
                "border": link["label"]?.stringValue == "cross_force" ? "another force" : "another authority",
                "other": "\(link["other_area_name"]?.stringValue ?? "") (\(link["other_area"]?.stringValue ?? ""))",
                "seen": link["first_seen"]?.stringValue ?? "—",
            ]
        }
        var months: [String: [[String: Any]]] = [:]
        for place in (json["busiest_places"]?.arrayValue ?? []).compactMap(\.objectValue) {
            let month = place["month"]?.stringValue ?? ""
            var row = entity(place["place"]?.stringValue ?? "")
            row["links"] = place["links"]?.stringValue ?? "0"
            months[month, default: []].append(row)
        }
        return ("panel-trends", [
            "ref": ref, "href": Self.href("/panels/", ref) ?? "", "area": json["area"]?.stringValue ?? "",
            "since": json["since"]?.stringValue ?? "", "until": json["until"]?.stringValue ?? "",
            "crossings": crossings, "anyCrossings": !crossings.isEmpty,
            "total": json["cross_border_total"]?.jsonText ?? "0", "shown": crossings.count,
            "more": (Int(json["cross_border_total"]?.jsonText ?? "0") ?? 0) > crossings.count,
            "months": months.keys.sorted().map { ["month": $0, "places": months[$0]!] as [String: Any] },
            "anyMonths": !months.isEmpty,
        ])
    }
}
