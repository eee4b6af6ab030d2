import ArgumentParser
import GraphCore
import GraphStore

extension CEGraph {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the whole store as a JSON Lines file (FORMAT.md §1).",
            discussion: """
                Imported into an empty database, the file gives the same stats and the same entities. \
                The export is recorded in the audit log as a disclosure.

                Example:
                  cegraph export -o picture.jsonl --reason "copy for the regional analyst"
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The format (only jsonl for now).")
        var format = "jsonl"

        @Option(name: .shortAndLong, help: "The file to write; standard output when not given.")
        var output: String?

        @Option(help: "Why the data is being disclosed, for the audit log.")
        var reason = "export of the intelligence picture"

        func validate() throws {
            guard format == "jsonl" else { throw ValidationError("unknown --format \(format); expected jsonl") }
        }

        func run() throws {
            let store = try global.openStore()
            let sink: TextOutput
            do {
                sink = try output.map { try TextOutput(path: $0) } ?? TextOutput()
            } catch {
                throw CommandError(message: "cannot create \(output ?? "-"): \(error.localizedDescription)")
            }
            let count = try store.exportJSONLines(to: sink, recipient: output ?? "standard output",
                                                  for: global.viewer(purpose: reason))
            try sink.close()
            if let output { Printer.error("wrote \(count) records to \(output)") }
        }
    }
}
