import ArgumentParser
import GraphCore
import GraphQuery
import GraphRender
import GraphStore

extension CEGraph {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the store as JSON Lines (FORMAT.md §1), or a network as GraphML, GEXF, i2 ANX or DOT.",
            discussion: """
                jsonl writes the whole store: imported into an empty database, it gives the same stats and \
                the same entities. graphml, gexf, anx (i2 Analyst's Notebook) and dot write the network around --root (within --hops), or \
                the whole picture, redacted for --audience like a map (panel by default; docs/MAPS.md). \
                Every export is recorded in the audit log as a disclosure.

                Examples:
                  cegraph export -o picture.jsonl --reason "copy for the regional analyst"
                  cegraph export --format graphml --root CH12 --hops 2 --audience analyst -o ch12.graphml
                  cegraph export --format gexf -o picture.gexf
                  cegraph export --format anx --root CH12 --audience police -o ch12.anx
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "jsonl, graphml, gexf, anx or dot.")
        var format = "jsonl"

        @Option(help: "graphml, gexf, anx, dot: only the network within --hops of this entity.")
        var root: String?

        @Option(help: "With --root: how many links out (1 to 6).")
        var hops = 2

        @Option(help: "graphml, gexf, anx, dot: analyst, police or panel (the default: the most redacted).")
        var audience = "panel"

        @Option(name: .shortAndLong, help: "The file to write; standard output when not given.")
        var output: String?

        @Option(help: "Why the data is being disclosed, for the audit log.")
        var reason = "export of the intelligence picture"

        static let graphFormats = ["graphml", "gexf", "anx", "dot"]

        func validate() throws {
            guard format == "jsonl" || Export.graphFormats.contains(format) else {
                throw ValidationError("unknown --format \(format); expected jsonl, graphml, gexf, anx or dot")
            }
            _ = try Audience.option(audience)
            if format == "jsonl", root != nil { throw ValidationError("--root applies to graphml, gexf, anx and dot, not jsonl") }
        }

        func run() throws {
            let store = try global.openStore()
            let sink: TextOutput
            do {
                sink = try output.map { try TextOutput(path: $0) } ?? TextOutput()
            } catch {
                throw CommandError(message: "cannot create \(output ?? "-"): \(error.localizedDescription)")
            }
            let viewer = global.viewer(purpose: reason)
            if format == "jsonl" {
                let count = try store.exportJSONLines(to: sink, recipient: output ?? "standard output", for: viewer)
                try sink.close()
                if let output { Printer.error("wrote \(count) records to \(output)") }
                return
            }
            let engine = QueryEngine(store: store)
            let audience = Audience(rawValue: self.audience)!
            // Computed on what the audience may see, never exported whole and redacted after.
            let access = viewer.access.narrowed(to: audience)
            let map = try root.map { try engine.associationMap(of: $0, hops: hops, filter: QueryFilter().seen(by: access), newSince: nil,
                                                               access: access) }
                ?? engine.wholeMap(filter: QueryFilter().seen(by: access))
            let (redacted, disclosed) = Redactor.redact(map, for: audience)
            var what: [String: JSONValue] = ["export": .string(format), "audience": .string(audience.rawValue)]
            if let root { what["root"] = .string(root); what["hops"] = .number(String(hops)) }
            try store.auditDisclosure(what, recordIds: disclosed, recipients: [output ?? "standard output"], by: viewer)
            let network = NetworkFormat(rawValue: format) ?? .dot
            try sink.write(network.text(redacted, audience: audience, date: CalendarDate.today.description, style: try MapStyle.shipped()))
            try sink.close()
            if let output { Printer.error("wrote \(redacted.nodes.count) entities and \(redacted.edges.count) links to \(output)") }
        }
    }
}
