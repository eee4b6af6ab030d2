import Foundation
import GraphCore

extension QueryFilter {
    /// The settings a filter is written with, by their names in ``init(parsing:spelled:)``:
    /// the command line spells them `--link-kinds`, the HTTP API `link_kinds`.
    public static let settingNames = ["link_kinds", "entity_kinds", "since", "until", "as_of", "min_grade", "include_suspected_false"]

    /// The filter that settings written as text describe: the command line's options, the
    /// HTTP API's query parameters. One parser for both, so that they accept the same things
    /// and say the same about what they refuse.
    ///
    /// - Parameters:
    ///   - value: the text given for a setting (named as in ``settingNames``), nil when none.
    ///   - spelled: how the caller's users write a setting's name (`--since`, `since`), for messages.
    /// - Throws: ``QueryError`` naming the setting and what it accepts.
    public init(parsing value: (String) -> String?, spelled: (String) -> String) throws {
        self.init()
        linkKinds = try value("link_kinds").map { try Self.kinds($0, LinkKind.self, "link kind", spelled("link_kinds")) }
        entityKinds = try value("entity_kinds").map { try Self.kinds($0, EntityKind.self, "entity kind", spelled("entity_kinds")) }
        since = try Self.date(value("since"), spelled("since"))
        until = try Self.date(value("until"), spelled("until"))
        asOf = try Self.date(value("as_of"), spelled("as_of"))
        if let since, let until, since > until {
            throw QueryError("\(spelled("since")) \(since) is after \(spelled("until")) \(until)")
        }
        if let text = value("min_grade") {
            guard let grade = MinimumGrade(text) else {
                throw QueryError("\(spelled("min_grade")) \(text) is not a grading; give \(MinimumGrade.expectedForms)")
            }
            minimumGrade = grade
        }
        if let text = value("include_suspected_false") {
            switch text.lowercased() {
            case "true", "1", "yes": includeSuspectedFalse = true
            case "false", "0", "no", "": includeSuspectedFalse = false
            default: throw QueryError("\(spelled("include_suspected_false")) \(text) is not true or false")
            }
        }
    }

    /// A comma-separated list of kinds.
    private static func kinds<Kind: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, _ type: Kind.Type, _ noun: String, _ setting: String) throws -> Set<Kind> where Kind.RawValue == String {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        return Set(try names.map { name in
            guard let kind = Kind(rawValue: name) else {
                throw QueryError("unknown \(noun) \(name) in \(setting); expected " + Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return kind
        })
    }

    private static func date(_ text: String?, _ setting: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(text) else { throw QueryError("\(setting) \(text) is not a date; write YYYY-MM-DD") }
        return date
    }
}
