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
        var filter = QueryFilter(includeSuspectedFalse: includeSuspectedFalse)
        filter.linkKinds = try linkKinds.map { try QueryOptions.kinds($0, LinkKind.self, "link kind", "--link-kinds") }
        filter.entityKinds = try entityKinds.map { try QueryOptions.kinds($0, EntityKind.self, "entity kind", "--entity-kinds") }
        filter.since = try QueryOptions.date(since, "--since")
        filter.until = try QueryOptions.date(until, "--until")
        filter.asOf = try QueryOptions.date(asOf, "--as-of")
        if let since = filter.since, let until = filter.until, since > until {
            throw ValidationError("--since \(since) is after --until \(until)")
        }
        if let minGrade {
            guard let grade = MinimumGrade(minGrade) else {
                throw ValidationError("--min-grade \(minGrade) is not a grading; give \(MinimumGrade.expectedForms)")
            }
            filter.minimumGrade = grade
        }
        return filter
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

    /// A comma-separated list of kinds.
    private static func kinds<Kind: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, _ type: Kind.Type, _ noun: String, _ option: String) throws -> Set<Kind> where Kind.RawValue == String {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return Set(try names.map { name in
            guard let kind = Kind(rawValue: name) else {
                throw ValidationError("unknown \(noun) \(name) in \(option); expected "
                                      + Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return kind
        })
    }

    private static func date(_ text: String?, _ option: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(text) else { throw ValidationError("\(option) \(text) is not a date; write YYYY-MM-DD") }
        return date
    }
}
