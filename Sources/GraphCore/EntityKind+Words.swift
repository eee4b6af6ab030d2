/// An entity kind in the words a page shows.
extension EntityKind {
    /// The kind in words: a location is a place.
    public var words: String { self == .location ? "place" : rawValue }

    /// The kind in words with its article: `a place`, `an adult`.
    public var withArticleWords: String { (self == .adult || self == .operation ? "an " : "a ") + words }
}
