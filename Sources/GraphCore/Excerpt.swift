/// A value as an error message quotes it: in double quotes, and at most ``limit``
/// characters of it. A longer value is cut with an ellipsis and its length said, so a
/// 4 MiB field makes a message of a few hundred characters, not of 4 MiB:
/// `"aaaa…" (4194304 characters)`.
public struct Excerpt: CustomStringConvertible, Sendable {
    /// The most characters of a value an error message quotes.
    public static let limit = 200

    /// The value quoted.
    public let value: String
    /// The quote mark put either side.
    public let quote: String

    /// Quotes a value.
    ///
    /// - Parameters:
    ///   - value: the value, as it was given.
    ///   - quote: the mark either side: `"` for a value, `'` for a field's name.
    public init(_ value: some StringProtocol, quote: String = "\"") {
        self.value = String(value)
        self.quote = quote
    }

    /// A value quoted without quote marks, where the words around it say what it is
    /// (`no entity has the id AD9`).
    public static func bare(_ value: some StringProtocol) -> Excerpt {
        Excerpt(value, quote: "")
    }

    /// The value in quotes, cut at ``limit`` characters with `…` and the value's length in
    /// characters after it.
    public var description: String {
        var count = 0
        var end = value.startIndex
        while end < value.endIndex, count < Excerpt.limit {
            value.formIndex(after: &end)
            count += 1
        }
        guard end < value.endIndex else { return quote + value + quote }
        return quote + value[..<end] + "…" + quote + " (\(value.count) characters)"
    }
}
