import ArgumentParser
import Foundation
import GraphCore
import GraphQuery

/// The options every `query` verb takes: the shared filters, JSON output and the reason.
struct QueryOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Follow only these link kinds (comma-separated).", valueName: "kinds"))
    var linkKinds: String?

    @Option(help: ArgumentHelp("Include only these entity kinds (comma-separated).", valueName: "kinds"))
    var entityKinds: String?

    @Option(help: ArgumentHelp("Only links last seen on or after this date (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only links first seen on or before this date (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only what had been recorded by the end of this date (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Only links supported by a report graded at least this, e.g. 2C (source 1-2, assessment A-C).",
                               valueName: "grade"))
    var minGrade: String?

    @Flag(help: "Include links supported only by reports graded E (suspected false).")
    var includeSuspectedFalse = false

    @Option(help: "Why you are asking, for the audit log.")
    var reason = "analysis of the intelligence picture"

    @Flag(help: "Print JSON (FORMAT.md §3).")
    var json = false

    func validate() throws {
        _ = try filter()
    }

    /// The filter the options describe.
    ///
    /// - Throws: `ValidationError` naming the option and what it accepts.
    func filter() throws -> QueryFilter {
        let written: [String: String?] = [
            "link_kinds": linkKinds, "entity_kinds": entityKinds, "since": since, "until": until, "as_of": asOf,
            "min_grade": minGrade, "include_suspected_false": includeSuspectedFalse ? "true" : nil,
        ]
        let given = written.compactMapValues { $0 }
        do {
            return try QueryFilter(parsing: { given[$0] }, spelled: { "--" + $0.replacingOccurrences(of: "_", with: "-") })
        } catch let error as QueryError {
            throw ValidationError(error.message)
        }
    }

    /// Opens the store and the engine, runs `body`, and prints its answer.
    func run(_ body: (QueryEngine, QueryFilter, Viewer) throws -> QueryAnswer) throws {
        let engine = QueryEngine(store: try global.openStore())
        let answer = try body(engine, try filter(), global.viewer(purpose: reason))
        if json {
            Printer.json(answer.json)
        } else {
            print(answer.text.joined(separator: "\n"))
        }
    }
}
