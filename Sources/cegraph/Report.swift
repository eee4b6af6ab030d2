import ArgumentParser
import CaseWorkflow
import Foundation
import GraphCore

extension CEGraph {
    /// `cegraph report quarterly`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports for the strategic group.",
            subcommands: [Quarterly.self]
        )

        struct Quarterly: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The quarterly performance report (seed 003 §7) with referral rates, places and seasons.",
                discussion: """
                    With -o FILE and --format md, the charts are written as SVG beside FILE and linked from it.

                    Example:
                      cegraph report quarterly --area E08000012 --quarter 2026Q1 --format md -o q1.md
                    """)
            @OptionGroup var options: WorkflowOptions
            @Option(help: "The local authority.") var area: String
            @Option(help: "The quarter, YYYYQn.") var quarter: String
            @Option(help: "md, csv or json.") var format = "md"
            @Option(name: .shortAndLong, help: "Write to this file (default: standard output).") var output: String?
            func run() throws {
                guard ["md", "csv", "json"].contains(format) else { throw ValidationError("--format must be md, csv or json") }
                let report = try options.workflow().quarterlyReport(area: area, quarter: quarter, by: options.viewer)
                var text: String
                switch format {
                case "csv": text = report.csv
                case "json": text = report.json.prettyText() + "\n"
                default:
                    var charts: [String: String] = [:]
                    if let output {
                        let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
                        let stem = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
                        for (name, svg) in try report.charts() {
                            let file = "\(stem)-\(name).svg"
                            try Data(svg.utf8).write(to: folder.appendingPathComponent(file))
                            charts[name] = file
                        }
                    }
                    text = report.markdown(charts: charts)
                }
                if let output {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                    Printer.error("wrote \(output)")
                } else {
                    print(text, terminator: "")
                }
            }
        }
    }
}
