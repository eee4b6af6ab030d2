import ArgumentParser
import Dispatch
import Foundation
import GraphCore
import GraphQuery
import GraphRender

extension CEGraph {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the network map around an entity as SVG, PNG, PDF or DOT, redacted for its audience.",
            discussion: """
                The audience decides what the map shows (docs/MAPS.md). `panel`, the default, leaves out \
                everything that rests only on handling-code-C intelligence, all report references and gradings, \
                and shows every child but the subject as "Child N". Every render is written to the audit log as \
                a disclosure. The query filters apply (--since/--until keep links seen in that window); \
                --new-since highlights what was recorded since the last panel.

                Examples:
                  cegraph render CH12 --hops 2 -o ch12.svg
                  cegraph render CH12 --audience analyst --format pdf -o ch12.pdf
                  cegraph render CH12 --new-since 2026-10-01 --format png -o changes.png
                  cegraph render --marthr --top 10 --audience police -o marthr.pdf --format pdf
                  cegraph render --cross-border CH12 --hops 3 -o borders.svg
                """)

        @OptionGroup var options: QueryOptions

        @Argument(help: "The entity at the centre of the map (the association map).")
        var id: String?

        @Flag(help: "Map the MARTHR candidates and the evidence behind them instead.")
        var marthr = false

        @Option(help: "With --marthr: how many candidates.")
        var top = 10

        @Option(help: ArgumentHelp("Map the cross-border links around this entity and the walks to them instead.",
                                   valueName: "id"))
        var crossBorder: String?

        @Option(help: "How many links out (1 to 6; 3 by default with --cross-border).")
        var hops: Int?

        @Option(help: "svg, png, pdf or dot.")
        var format = "svg"

        @Option(help: "analyst, police or panel (the default: the most redacted).")
        var audience = "panel"

        @Option(help: "The Graphviz layout engine (default: dot up to 300 entities, sfdp beyond).")
        var engine: String?

        @Option(help: ArgumentHelp("Highlight entities and links recorded on or after this date.", valueName: "date"))
        var newSince: String?

        @Option(help: ArgumentHelp("Add co-location suggestions within this many hours as dotted, inferred seen_with links.",
                                   valueName: "hours"))
        var coLocation: Int?

        @Option(help: "Who will receive the map, for the audit log.")
        var recipient: String?

        @Option(name: .shortAndLong, help: "The file to write (standard output when left out and not a terminal).")
        var output: String?

        func validate() throws {
            let modes = [id != nil, marthr, crossBorder != nil].filter { $0 }.count
            guard modes == 1 else { throw ValidationError("give one of: an entity id, --marthr, or --cross-border ID") }
            guard MapFormat(rawValue: format) != nil else { throw ValidationError("unknown --format \(format); expected svg, png, pdf or dot") }
            _ = try Audience.option(audience)
            if let engine, LayoutEngine(rawValue: engine) == nil {
                throw ValidationError("unknown --engine \(engine); expected " + LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if let newSince, CalendarDate(newSince) == nil { throw ValidationError("--new-since \(newSince) is not a date; write YYYY-MM-DD") }
            if output == nil, isatty(STDOUT_FILENO) != 0 { throw ValidationError("give -o FILE: a map is not written to a terminal") }
        }

        func run() throws {
            let engine = QueryEngine(store: try options.global.openStore())
            let viewer = options.global.viewer(purpose: options.reason)
            let newSince = self.newSince.flatMap { CalendarDate($0) }
            // Computed on what the audience may see, never drawn whole and redacted after.
            let access = Access.commandLine.narrowed(to: Audience(rawValue: self.audience)!)
            let filter = try options.filter().seen(by: access)
            let map: MapGraph
            let subject: [String: JSONValue]
            if marthr {
                map = try engine.marthrMap(top: top, filter: filter, newSince: newSince)
                subject = ["render": .string("MARTHR map"), "top": .number(String(top))]
            } else if let crossBorder {
                map = try engine.crossBorderMap(of: crossBorder, hops: hops ?? 3, filter: filter, newSince: newSince)
                subject = ["render": .string("cross-border map"), "root": .string(crossBorder), "hops": .number(String(hops ?? 3))]
            } else {
                map = try engine.associationMap(of: id!, hops: hops ?? 2, filter: filter, newSince: newSince,
                                                coLocationHours: coLocation, access: access)
                subject = ["render": .string("association map"), "root": .string(id!), "hops": .number(String(hops ?? 2))]
            }
            let audience = Audience(rawValue: self.audience)!, format = MapFormat(rawValue: self.format)!
            let layout = self.engine.flatMap(LayoutEngine.init(rawValue:))
            let style = try MapStyle.shipped()
            let today = CalendarDate.today.description
            let since = self.newSince
            let rendered = try waitFor {
                try await MapRenderer(style: style).render(map, audience: audience, format: format, engine: layout,
                                                           date: today, newSince: since)
            }
            try engine.store.auditDisclosure(
                subject.merging(["audience": .string(audience.rawValue), "format": .string(format.rawValue),
                                 "filters": filter.json]) { $1 },
                recordIds: rendered.disclosedIds, recipients: [recipient ?? "\(audience.rawValue) audience"], by: viewer)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: rendered.data) else {
                    throw CommandError(message: "cannot write \(output): check the directory exists and is writable")
                }
            } else {
                FileHandle.standardOutput.write(rendered.data)
            }
        }
    }
}
