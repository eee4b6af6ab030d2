import ArgumentParser
import GraphCore
import GraphStore

extension CEGraph {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count entities (by kind), links and intelligence reports.",
            discussion: "Example:\n  cegraph stats --json")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let stats = try global.openStore().stats()
            if json {
                Printer.json(stats.json)
                return
            }
            print("entities: \(stats.entities)")
            for kind in EntityKind.allCases { print("  \(kind.rawValue): \(stats.byKind[kind] ?? 0)") }
            print("links: \(stats.links)")
            print("intelligence reports: \(stats.intel)")
            print("areas: \(stats.areas)")
        }
    }
}
