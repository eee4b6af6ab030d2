import ArgumentParser
import GraphCore
import GraphStore

extension CEGraph {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find entities by name, alias, VRM, phone number, handle or postcode.",
            discussion: """
                The text is normalised like the data: `ab12 cde` finds AB12CDE, `07700 900123` finds \
                +447700900123, `@Night_Owl` finds the handle night_owl. Words match the start of names.

                Examples:
                  cegraph search "amber ott"
                  cegraph search "zz01 aaa" --kind vehicle
                  cegraph search 07700900123 --json
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "What to look for.")
        var text: String

        @Option(help: "Only entities of this kind.")
        var kind: String?

        @Option(help: "The most results to show.")
        var limit = 20

        @Option(help: "Why you are searching, for the audit log.")
        var reason = "searching the picture"

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws {
            if let kind, EntityKind(rawValue: kind) == nil {
                throw ValidationError("unknown --kind \(kind); expected one of " + EntityKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if limit < 1 || limit > 10_000 { throw ValidationError("--limit must be from 1 to 10000") }
        }

        func run() throws {
            let store = try global.openStore()
            let hits = try store.search(text, kind: kind.flatMap(EntityKind.init(rawValue:)), limit: limit,
                                        for: global.viewer(purpose: reason))
            if json {
                Printer.json(.object(["results": .array(hits.map(\.json))]))
                return
            }
            if hits.isEmpty { print("nothing found for \"\(text)\"") }
            for hit in hits {
                var line = "\(hit.id)\t\(hit.kind.rawValue)\t\(hit.label)"
                if let matched = hit.matched { line += "\t(\(matched))" }
                print(line)
            }
        }
    }
}
