import ArgumentParser
import GraphCore
import GraphQuery

extension CEGraph {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask the graph: associations, paths, networks, key players, co-location, cross-border links, MARTHR candidates.",
            discussion: """
                Every verb takes the same filters (--link-kinds, --entity-kinds, --since, --until, --as-of, \
                --min-grade, --include-suspected-false) and --json. Links supported only by reports graded E \
                (suspected false) are left out unless --include-suspected-false; links with no report attached \
                count as ungraded and are kept (but not with --min-grade). Any id an entity was submitted \
                under works. Every query is written to the audit log. See docs/QUERIES.md.

                Examples:
                  cegraph query associations CH12 --hops 2
                  cegraph query path CH12 AD40 --max 5 --json
                  cegraph query marthr --min-grade 2C
                """,
            subcommands: [Associations.self, Path.self, Common.self, Network.self, KeyPlayers.self, Communities.self,
                          CoLocation.self, CrossBorder.self, Marthr.self]
        )
    }
}

extension CEGraph.Query {
    struct Associations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything within K links of an entity, with distances and the links between them.",
            discussion: "Example: cegraph query associations CH12 --hops 2 --link-kinds associates_with,drives")
        @OptionGroup var options: QueryOptions
        @Argument(help: "The entity's id.") var id: String
        @Option(help: "How many links out (1 to 6).") var hops = 2
        @Option(help: "Stop after this many entities.") var limit = 10_000

        func run() throws {
            try options.run { try $0.associations(of: id, hops: hops, filter: $1, viewer: $2, limit: limit) }
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "All shortest paths between two entities (length -1 when none).",
            discussion: "Example: cegraph query path CH12 AD40 --max 5")
        @OptionGroup var options: QueryOptions
        @Argument(help: "The first entity's id.") var from: String
        @Argument(help: "The second entity's id.") var to: String
        @Option(help: "At most this many paths.") var max = 10

        func run() throws {
            try options.run { try $0.path(from: from, to: to, limit: max, filter: $1, viewer: $2) }
        }
    }

    struct Common: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entities linked directly to both of two entities.",
            discussion: "Example: cegraph query common CH12 CH14")
        @OptionGroup var options: QueryOptions
        @Argument(help: "The first entity's id.") var first: String
        @Argument(help: "The second entity's id.") var second: String

        func run() throws {
            try options.run { try $0.common(first, second, filter: $1, viewer: $2) }
        }
    }

    struct Network: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The connected network containing an entity.",
            discussion: "Example: cegraph query network AD40 --since 2026-01-01")
        @OptionGroup var options: QueryOptions
        @Argument(help: "The entity's id.") var id: String
        @Option(help: "Stop after this many entities.") var limit = 50_000

        func run() throws {
            try options.run { try $0.network(of: id, filter: $1, viewer: $2, limit: limit) }
        }
    }

    struct KeyPlayers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key-players",
            abstract: "Degree and betweenness per person and group, highest betweenness first.",
            discussion: """
                Betweenness is exact up to 50,000 entities in scope; beyond that it is estimated from 256 \
                sources drawn with a fixed seed, and the output says so.

                Example: cegraph query key-players --area E08000012 --top 20
                """)
        @OptionGroup var options: QueryOptions
        @Option(help: "A local authority code or a force (its entities and the unplaced entities linked to them).")
        var area: String?
        @Option(help: "How many to list.") var top = 20

        func run() throws {
            try options.run { try $0.keyPlayers(area: area, top: top, filter: $1, viewer: $2) }
        }
    }

    struct Communities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Communities (Leiden, fixed seed; every community connected) with their members and at-risk children.",
            discussion: "Example: cegraph query communities --area merseyside --min-size 5")
        @OptionGroup var options: QueryOptions
        @Option(help: "A local authority code or a force.") var area: String?
        @Option(help: "List only communities of at least this many entities.") var minSize = 2
        @Option(help: "leiden (the default) or louvain.") var algorithm = "leiden"

        func validate() throws {
            guard CommunityAlgorithm(rawValue: algorithm) != nil else {
                throw ValidationError("unknown --algorithm \(algorithm); expected leiden or louvain")
            }
        }

        func run() throws {
            let chosen = CommunityAlgorithm(rawValue: algorithm) ?? .leiden
            try options.run { try $0.communities(area: area, minimumSize: minSize, filter: $1, viewer: $2, algorithm: chosen) }
        }
    }

    struct CoLocation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "co-location",
            abstract: "Persons seen at the same location or vehicle close in time: inferred seen_with suggestions.",
            discussion: """
                Suggestions only: nothing is stored. Link dates are days, so 24 hours means the same or the next day.

                Example: cegraph query co-location --window 48 --at LO3
                """)
        @OptionGroup var options: QueryOptions
        @Option(help: "The largest gap in hours between the two sightings.") var window = 24
        @Option(help: "Only this location or vehicle.") var at: String?

        func run() throws {
            try options.run { try $0.coLocation(windowHours: window, at: at, filter: $1, viewer: $2) }
        }
    }

    struct CrossBorder: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cross-border",
            abstract: "Links between local authorities or forces, and which authorities and forces to notify, and why.",
            discussion: "Example: cegraph query cross-border CH12 --hops 3")
        @OptionGroup var options: QueryOptions
        @Argument(help: "Only links within --hops of this entity (all links when left out).") var id: String?
        @Option(help: "How many links out from the entity (1 to 6).") var hops = 3

        func run() throws {
            try options.run { try $0.crossBorder(from: id, hops: hops, filter: $1, viewer: $2) }
        }
    }

    struct Marthr: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Candidates for the next MARTHR meeting, best first, with the criteria met and the evidence.",
            discussion: "The criteria and the score are in docs/QUERIES.md. Example: cegraph query marthr --top 10")
        @OptionGroup var options: QueryOptions
        @Option(help: "How many to list (all when left out).") var top: Int?

        func run() throws {
            try options.run { try $0.marthr(filter: $1, viewer: $2, top: top ?? .max) }
        }
    }
}
