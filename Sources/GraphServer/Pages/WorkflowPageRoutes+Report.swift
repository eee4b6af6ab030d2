import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The quarterly report page: its measures in tables, its charts and its downloads.
extension WorkflowPageRoutes {
    @Sendable func quarterlyPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        _ = try context.require(.readQuarterly)
        let area = (try request.area(services) ?? "")
        let today = CalendarDate.today
        let quarter = request.query("quarter")?.trimmingWhitespace() ?? "\(today.year)Q\((today.month - 1) / 3 + 1)"
        let areas = try areas()
        var fields: [String: Any] = ["area": area.isEmpty ? "" : areas.name(area), "quarter": quarter]
        guard !area.isEmpty else { return ("quarterly", fields) }
        let report = try reads.quarterly(area: area, quarter: quarter, for: context)
        let query = "area=\(PageRenderer.queryValue(area))&quarter=\(PageRenderer.queryValue(quarter))"
        fields["report"] = [
            "areaName": report.areaName, "code": report.area, "quarter": report.quarter.description,
            "from": report.quarter.first.description, "to": report.quarter.last.description,
            "measures": report.measures.map { measure -> [String: Any] in
                var row: [String: Any] = ["title": (measure.number > 0 ? "\(measure.number). " : "") + measure.title,
                                          // A count by a code (an outcome, an agency, an authority) in words.
                                          "counts": measure.counts.map { ["label": areas.area(code: $0.label)?.label ?? CodeWords.label($0.label),
                                                                          "value": String($0.value)] },
                                          "anyCounts": !measure.counts.isEmpty]
                if let note = measure.note { row["note"] = note }
                return row
            },
            "charts": WorkflowReads.charts.map { chart -> [String: Any] in
                ["title": chart.title, "src": "/api/reports/quarterly/charts/\(chart.name).svg?\(query)"]
            },
            "downloads": ["csv", "md", "json"].map { ["format": $0, "href": "/api/reports/quarterly?\(query)&format=\($0)"] },
        ] as [String: Any]
        return ("quarterly", fields)
    }
}
