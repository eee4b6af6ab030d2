/// Link kinds and their rules in the words a form shows (issue 21, item 6): a person
/// choosing a link between two records reads "lives at", and a link that cannot be made
/// between them is refused saying what the records are and which links they can have.
extension LinkKind {
    /// The kind in words: `lives at`, `registered keeper of`.
    public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// The link kinds that may join a record of kind `from` to one of kind `to`, in the
    /// table's order.
    public static func allowed(from: EntityKind, to: EntityKind) -> [LinkKind] {
        allCases.filter { $0.allows(from: from, to: to) }
    }

    /// Why a link of this kind cannot join a record of kind `from` to one of kind `to`, in
    /// a user's words, with the links they can have (or the other way round); nil when it can.
    public func refusal(from: EntityKind, to: EntityKind) -> String? {
        guard !allows(from: from, to: to) else { return nil }
        // In the order of the kinds (a child first), not of their codes.
        let starts = EntityKind.allCases.filter(fromKinds.contains).map(\.words).joined(separator: " or ")
        let ends = EntityKind.allCases.filter(toKinds.contains).map(\.words).joined(separator: " or ")
        var text = "\(from.withArticleWords.capitalisedFirst) cannot be linked to \(to.withArticleWords) by “\(words)”: "
            + "that link goes from \(starts.withArticle) to \(ends.withArticle)."
        let possible = LinkKind.allowed(from: from, to: to)
        let reversed = LinkKind.allowed(from: to, to: from)
        if !possible.isEmpty {
            text += " Between them you can record: " + possible.map { "“\($0.words)”" }.joined(separator: ", ") + "."
        } else if !reversed.isEmpty {
            text += " The other way round (from the \(to.words) to the \(from.words)) you can record: "
                + reversed.map { "“\($0.words)”" }.joined(separator: ", ") + "."
        } else {
            text += " No link joins \(from.words)s and \(to.words)s directly: link each to the person or group they concern."
        }
        return text
    }
}

private extension String {
    /// The words with `a` or `an` before them.
    var withArticle: String { (first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + self }

    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
