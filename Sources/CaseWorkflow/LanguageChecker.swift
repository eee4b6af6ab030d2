import Foundation

/// Warns about wording that blames a child for their own exploitation, with the wording the
/// partnership's protocol prescribes instead.
///
/// The phrases, the patterns that find them, why they are harmful and what to write
/// instead are data, in `Resources/language.json`, taken from Appendix B of seed 003
/// ("Language agencies should use to describe a child's behaviour"). A partnership extends
/// the list there, or loads its own with ``init(rulesJSON:)``.
///
/// The checker only warns. It never rewrites what a practitioner wrote: the right words
/// depend on what happened, which only the writer knows, and minutes and intelligence must
/// stay as their author recorded them.
public struct LanguageChecker: Sendable {
    /// One heading of the guidance and the expressions that find it.
    private struct Rule: Sendable {
        let phrase: String
        let reason: String
        let suggestions: [String]
        /// One per pattern: ICU finds a single pattern's literal start quickly, where one
        /// alternation of them all is tried in full at every position and is slower.
        let expressions: [Expression]
    }

    /// `NSRegularExpression` is immutable once made and documented as safe to share between
    /// threads, but swift-corelibs-foundation does not mark it `Sendable`.
    private struct Expression: @unchecked Sendable {
        let regex: NSRegularExpression
    }

    private let rules: [Rule]

    /// The guidance headings the checker knows, in the order of the data file.
    public var phrases: [String] { rules.map(\.phrase) }

    // MARK: - Loading

    private static let fileName = "language.json"
    private static let shipped = Result { try LanguageChecker(rulesJSON: WorkflowResource.data(named: fileName)) }

    /// The checker for the list shipped in `Resources/language.json`.
    ///
    /// The list is read and its patterns compiled once, the first time it is needed.
    ///
    /// - Returns: the checker.
    /// - Throws: ``WorkflowError`` naming the file and entry when the shipped list is
    ///   missing or malformed, which means the build is broken.
    public static func standard() throws -> LanguageChecker {
        try shipped.get()
    }

    private struct File: Decodable {
        struct Phrase: Decodable {
            let phrase: String
            let reason: String
            let suggestions: [String]
            let patterns: [String]
        }

        let definitions: [String: String]?
        let phrases: [Phrase]
    }

    /// A checker for a list in the form of `Resources/language.json`.
    ///
    /// Each pattern is a case-insensitive ICU regular expression; `{{name}}` in a pattern
    /// stands for the definition of that name, as a group.
    ///
    /// - Parameter rulesJSON: the list.
    /// - Throws: ``WorkflowError`` naming the entry when the JSON is malformed, an entry has
    ///   no patterns or suggestions, a definition is unknown, or a pattern does not compile.
    public init(rulesJSON: Data) throws {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: rulesJSON)
        } catch {
            throw WorkflowError("not a valid language list: \(error)", file: Self.fileName)
        }
        let definitions = file.definitions ?? [:]
        rules = try file.phrases.enumerated().map { index, entry in
            let place = "phrases[\(index)] ('\(entry.phrase)')"
            guard !entry.patterns.isEmpty, !entry.suggestions.isEmpty else {
                throw WorkflowError("\(place) needs at least one pattern and one suggestion", file: Self.fileName)
            }
            let expressions = try entry.patterns.enumerated().map { number, pattern in
                let place = "\(place) pattern \(number + 1)"
                return Expression(regex: try Self.compile(Self.expand(pattern, definitions: definitions, place: place), place: place))
            }
            return Rule(phrase: entry.phrase, reason: entry.reason, suggestions: entry.suggestions, expressions: expressions)
        }
    }

    private static func expand(_ pattern: String, definitions: [String: String], place: String) throws -> String {
        var result = ""
        var rest = pattern[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw WorkflowError("\(place): '{{' without '}}'", file: fileName)
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let definition = definitions[name] else {
                throw WorkflowError("\(place): no definition named '\(name)'", file: fileName)
            }
            result += rest[..<open.lowerBound] + "(?:\(definition))"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private static func compile(_ pattern: String, place: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            throw WorkflowError("\(place): the pattern does not compile: \(pattern)", file: fileName)
        }
    }

    // MARK: - Checking

    /// The wording in a text that the guidance asks people not to use.
    ///
    /// Where one heading's patterns find overlapping words, they are reported as one
    /// warning over them all; where two headings' do, the earlier and then the longer match
    /// is kept. Each word is reported at most once.
    ///
    /// - Parameter text: the text, of any length; lines end in LF, CRLF or CR.
    /// - Returns: the warnings in the order they appear, none overlapping.
    public func check(_ text: String) -> [LanguageWarning] {
        let whole = NSRange(location: 0, length: text.utf16.count)
        var hits: [(range: NSRange, rule: Int)] = []
        for (index, rule) in rules.enumerated() {
            for expression in rule.expressions {
                for match in expression.regex.matches(in: text, options: [], range: whole) where match.range.length > 0 {
                    hits.append((match.range, index))
                }
            }
        }
        hits.sort { ($0.range.location, -$0.range.length, $0.rule) < ($1.range.location, -$1.range.length, $1.rule) }

        var kept: [(range: NSRange, rule: Int)] = []
        for hit in hits {
            guard let last = kept.last, hit.range.location < NSMaxRange(last.range) else {
                kept.append(hit)
                continue
            }
            if hit.rule == last.rule, NSMaxRange(hit.range) > NSMaxRange(last.range) {
                kept[kept.count - 1].range = NSUnionRange(last.range, hit.range)
            }
        }

        var position = Position(text)
        return kept.compactMap { hit in
            guard let range = Range(hit.range, in: text) else { return nil }
            let (line, column) = position.advance(to: range.lowerBound)
            let rule = rules[hit.rule]
            return LanguageWarning(line: line, column: column, matched: String(text.unicodeScalars[range]),
                                   phrase: rule.phrase, reason: rule.reason, suggestions: rule.suggestions)
        }
    }

    /// Line and column of successive places in a text, found by walking forward from the
    /// last one, so that a text full of warnings is still read once.
    private struct Position {
        let text: String
        var index: String.Index
        var line = 1
        var column = 1

        init(_ text: String) {
            self.text = text
            index = text.startIndex
        }

        /// The 1-based line and column of `target`; a place inside a character (a match
        /// that starts on a combining mark) is reported at that character.
        mutating func advance(to target: String.Index) -> (Int, Int) {
            while index < target {
                let next = text.index(after: index)
                if next > target { break }
                let character = text[index]
                if character == "\n" || character == "\r\n" || character == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index = next
            }
            return (line, column)
        }
    }
}
