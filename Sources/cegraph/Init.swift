import ArgumentParser
import GraphStore

extension CEGraph {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a database, or bring an existing one's schema up to date.",
            discussion: "Example:\n  cegraph --db picture.sqlite init")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore(create: true)
            let stats = try store.stats()
            print("\(global.databasePath): schema up to date; \(stats.entities) entities, \(stats.links) links, "
                  + "\(stats.intel) intelligence reports, \(stats.areas) areas")
        }
    }
}
