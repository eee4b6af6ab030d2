/// Wording in a record that blames a child, found by ``LanguageChecker``.
///
/// A warning points at the words and says why they matter and what the partnership's
/// protocol prescribes instead; the text itself is never changed.
public struct LanguageWarning: Sendable, Hashable, Codable {
    /// The line the words start on, counting from 1.
    public let line: Int
    /// The column the words start at, counting from 1, in characters as a reader sees them.
    public let column: Int
    /// The words as written.
    public let matched: String
    /// The heading of the guidance they fall under (seed 003, Appendix B).
    public let phrase: String
    /// Why the words are harmful.
    public let reason: String
    /// Wording to use instead, in the guidance's order.
    public let suggestions: [String]

    /// Makes a warning.
    ///
    /// - Parameters:
    ///   - line: the 1-based line of the first character.
    ///   - column: the 1-based column of the first character, in characters.
    ///   - matched: the words as written.
    ///   - phrase: the guidance heading.
    ///   - reason: why the words are harmful.
    ///   - suggestions: what to write instead.
    public init(line: Int, column: Int, matched: String, phrase: String, reason: String, suggestions: [String]) {
        self.line = line
        self.column = column
        self.matched = matched
        self.phrase = phrase
        self.reason = reason
        self.suggestions = suggestions
    }
}
