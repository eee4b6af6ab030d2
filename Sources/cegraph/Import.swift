import ArgumentParser
import Foundation
import GraphCore
import GraphStore

extension CEGraph {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import JSON Lines files, or CSV files of one kind, each all or nothing.",
            discussion: """
                Each file is one transaction: on the first error nothing from that file is kept, \
                and the error names the file, line and field. Importing a file twice changes nothing.

                Examples:
                  cegraph import picture.jsonl --reason "MACCSE referral 2026-041"
                  cegraph import vehicles.csv --kind vehicle
                  cegraph import links.csv --kind link
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The files to import: JSON Lines (.jsonl), or CSV with --kind (which applies to every CSV file).")
        var files: [String]

        @Option(help: "The kind a CSV file holds: area, intel, link, or an entity kind (child, adult, vehicle, ...).")
        var kind: String?

        @Option(help: "Why the data is being collected, for the audit log.")
        var reason = "import of intelligence"

        @Flag(help: "Print the summary as JSON.")
        var json = false

        func validate() throws {
            for file in files where !Import.isJSONLines(file) && kind == nil {
                throw ValidationError("\(file) is not JSON Lines (.jsonl): if it is CSV, say what it holds with --kind "
                                      + "(area, intel, link, or an entity kind)")
            }
            if let kind, FieldSchema.fields(forRecordOrKind: kind) == nil {
                throw ValidationError("unknown --kind \(kind); expected area, intel, link or one of "
                                      + EntityKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() throws {
            let store = try global.openStore(create: true)
            var summaries: [JSONValue] = []
            for file in files {
                let format: ImportOptions.Format = Import.isJSONLines(file) ? .jsonLines : .csv(kind: kind ?? "")
                let bar = ProgressBar(label: "importing \((file as NSString).lastPathComponent)")
                let started = Date()
                let summary: ImportSummary
                do {
                    summary = try store.importFile(at: file, options: ImportOptions(
                        format: format, viewer: global.viewer(purpose: reason), progress: { bar.update($0, $1) }))
                } catch {
                    bar.finish()
                    throw error
                }
                bar.finish()
                let seconds = Date().timeIntervalSince(started)
                if json {
                    summaries.append(Import.json(file: file, summary: summary, seconds: seconds))
                } else {
                    print("\(file): \(summary.records) records in \(String(format: "%.2f", seconds)) s; "
                          + "entities +\(summary.entitiesAdded) (\(summary.entitiesUpdated) updated, \(summary.idsMerged) ids merged), "
                          + "intelligence +\(summary.intelAdded) (\(summary.intelUpdated) updated), "
                          + "links +\(summary.linksAdded) (\(summary.linksMerged) merged), areas \(summary.areas)")
                }
            }
            if json { Printer.json(.array(summaries)) }
        }

        /// JSON Lines by its extension; any other file is CSV of the `--kind` given.
        static func isJSONLines(_ file: String) -> Bool {
            let lowered = file.lowercased()
            return [".jsonl", ".ndjson", ".json"].contains { lowered.hasSuffix($0) }
        }

        static func json(file: String, summary: ImportSummary, seconds: Double) -> JSONValue {
            func number(_ value: Int) -> JSONValue { .number(String(value)) }
            return .object([
                "file": .string(file), "records": number(summary.records), "seconds": .number(String(format: "%.3f", seconds)),
                "entities_added": number(summary.entitiesAdded), "entities_updated": number(summary.entitiesUpdated),
                "ids_merged": number(summary.idsMerged), "intel_added": number(summary.intelAdded),
                "intel_updated": number(summary.intelUpdated), "links_added": number(summary.linksAdded),
                "links_merged": number(summary.linksMerged), "areas": number(summary.areas), "sha256": .string(summary.sha256),
                "phases": .object(["records": .number(String(format: "%.3f", summary.seconds.records)),
                                   "indexes": .number(String(format: "%.3f", summary.seconds.indexes)),
                                   "commit": .number(String(format: "%.3f", summary.seconds.commit))]),
            ])
        }
    }
}
