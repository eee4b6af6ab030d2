import ArgumentParser
import Foundation
import GraphCore
import GraphStore

extension CEGraph {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import JSON Lines files, CSV files of one kind, or Neo4j CSV directories, each all or nothing.",
            discussion: """
                Each file is one transaction: on the first error nothing from that file is kept, \
                and the error names the file, line and field. Importing a file twice changes nothing.

                With --format neo4j-csv each argument is a directory of Neo4j admin-import CSV files \
                (the POLE crime-investigation model, plain or .csv.gz). It is converted to JSON Lines \
                and imported as one file; the summary adds what each source file became and what was \
                dropped. The mapping is in docs/IMPORT_NEO4J.md.

                Examples:
                  cegraph import picture.jsonl --reason "MACCSE referral 2026-041"
                  cegraph import vehicles.csv --kind vehicle
                  cegraph import links.csv --kind link
                  cegraph import --format neo4j-csv pole/ --reason "POLE test data"
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The files to import: JSON Lines (.jsonl), or CSV with --kind (which applies to every CSV file); with --format neo4j-csv, directories.")
        var files: [String]

        @Option(help: "neo4j-csv: the arguments are directories of Neo4j admin-import CSV files to convert and import. Without it, JSON Lines and CSV are told apart by extension and --kind.")
        var format: String?

        @Option(help: "The kind a CSV file holds: area, intel, link, or an entity kind (child, adult, vehicle, ...).")
        var kind: String?

        @Option(help: "Why the data is being collected, for the audit log.")
        var reason = "import of intelligence"

        @Flag(help: "Print the summary as JSON.")
        var json = false

        func validate() throws {
            if let format {
                guard format == "neo4j-csv" else {
                    throw ValidationError("unknown --format \(format); expected neo4j-csv "
                                          + "(JSON Lines and CSV are told apart by extension and --kind)")
                }
                if kind != nil { throw ValidationError("--kind does not apply to --format neo4j-csv") }
                return
            }
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
                let bar = ProgressBar(label: "importing \((file as NSString).lastPathComponent)")
                let started = Date()
                var summary = ImportSummary()
                var conversion: Neo4jCSVSummary?
                do {
                    if format == "neo4j-csv" {
                        (conversion, summary) = try store.importNeo4jCSV(directory: file, options: ImportOptions(
                            viewer: global.viewer(purpose: reason), progress: { bar.update($0, $1) }))
                    } else {
                        let format: ImportOptions.Format = Import.isJSONLines(file) ? .jsonLines : .csv(kind: kind ?? "")
                        summary = try store.importFile(at: file, options: ImportOptions(
                            format: format, viewer: global.viewer(purpose: reason), progress: { bar.update($0, $1) }))
                    }
                } catch {
                    bar.finish()
                    throw error
                }
                bar.finish()
                let seconds = Date().timeIntervalSince(started)
                if json {
                    var object = summary.json(file: file, seconds: seconds)
                    if let conversion, case .object(var members) = object {
                        members["conversion"] = Import.json(conversion)
                        object = .object(members)
                    }
                    summaries.append(object)
                } else {
                    print("\(file): \(summary.records) records in \(String(format: "%.2f", seconds)) s; "
                          + "entities +\(summary.entitiesAdded) (\(summary.entitiesUpdated) updated, \(summary.idsMerged) ids merged), "
                          + "intelligence +\(summary.intelAdded) (\(summary.intelUpdated) updated), "
                          + "links +\(summary.linksAdded) (\(summary.linksMerged) merged), areas \(summary.areas)")
                    if let conversion { print(Import.text(conversion), terminator: "") }
                }
            }
            if json { Printer.json(.array(summaries)) }
        }

        /// JSON Lines by its extension; any other file is CSV of the `--kind` given.
        static func isJSONLines(_ file: String) -> Bool {
            let lowered = file.lowercased()
            return [".jsonl", ".ndjson", ".json"].contains { lowered.hasSuffix($0) }
        }
    }
}
