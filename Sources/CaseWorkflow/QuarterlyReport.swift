import GraphCore
import GraphRender

/// The quarterly performance report for one local authority (seed 003 §7, with seed 000's
/// referral rates by agency, places and seasons).
public struct QuarterlyReport: Sendable {
    /// One counted line: a label and a number (and its share of the whole, when it has one).
    public struct Count: Sendable, Equatable {
        public let label: String
        public let value: Int
    }

    /// One of the report's measures: its number in seed 003 §7 (0 for seed 000's), title,
    /// and the counts that answer it.
    public struct Measure: Sendable {
        public let number: Int
        public let title: String
        public let counts: [Count]
        /// Anything the counts need to be read right.
        public let note: String?
    }

    public let area: String
    public let areaName: String
    public let quarter: Quarter
    public let measures: [Measure]
    /// Referrals by agency, and by month over the year to the quarter's end, for the charts.
    public let referralsByAgency: [Count]
    public let referralsByMonth: [Count]

    // MARK: - Formats

    /// The report as Markdown, with the charts referenced by file name when given.
    public func markdown(charts: [String: String] = [:]) -> String {
        var lines = ["# Child exploitation quarterly performance report", "",
                     "**\(areaName) (\(area)), \(quarter): \(quarter.first) to \(quarter.last).** OFFICIAL-SENSITIVE.", ""]
        for measure in measures {
            lines.append("## " + (measure.number > 0 ? "\(measure.number). " : "") + measure.title)
            lines.append("")
            if measure.counts.isEmpty {
                lines.append("None in the quarter.")
            } else {
                lines.append("| | number |")
                lines.append("| --- | ---: |")
                for count in measure.counts { lines.append("| \(QuarterlyReport.cell(count.label)) | \(count.value) |") }
            }
            if let note = measure.note { lines += ["", "_\(note)_"] }
            lines.append("")
            if measure.number == 0, measure.title.hasPrefix("Referrals by agency"), let chart = charts["referrals_by_agency"] {
                lines += ["![Referrals by agency](\(chart))", ""]
            }
            if measure.number == 0, measure.title.hasPrefix("Seasons"), let chart = charts["referrals_by_month"] {
                lines += ["![Referrals by month](\(chart))", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The report as CSV: `measure,title,label,value`, one row per count.
    public var csv: String {
        var rows = ["measure,title,label,value"]
        for measure in measures {
            for count in measure.counts {
                rows.append([String(measure.number), measure.title, count.label, String(count.value)].map(CSVText.field)
                    .joined(separator: ","))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    public var json: JSONValue {
        .object([
            "area": .string(area), "area_name": .string(areaName), "quarter": .string(quarter.description),
            "from": .string(quarter.first.description), "to": .string(quarter.last.description),
            "measures": .array(measures.map { measure in
                .object([
                    "number": .number(String(measure.number)), "title": .string(measure.title),
                    "counts": .array(measure.counts.map { .object(["label": .string($0.label), "value": .number(String($0.value))]) }),
                    "note": measure.note.map { .string($0) } ?? .null,
                ])
            }),
        ])
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

}

extension QuarterlyReport {
    /// The report's charts as SVG, by name: referrals by agency, and by month (seasons).
    ///
    /// - Throws: when the shipped chart style cannot be read.
    public func charts() throws -> [(String, String)] {
        let style = try ChartStyle.shipped()
        let subtitle = "\(areaName), \(quarter) (\(quarter.first) to \(quarter.last))"
        return [
            ("referrals_by_agency", BarChart(title: "Referrals by agency", subtitle: subtitle,
                                            bars: referralsByAgency.map { .init($0.label, Double($0.value)) }, style: style).svg()),
            ("referrals_by_month", BarChart(title: "Referrals by month, the year to the quarter's end", subtitle: subtitle,
                                           bars: referralsByMonth.map { .init($0.label, Double($0.value)) }, style: style).svg()),
        ]
    }
}
