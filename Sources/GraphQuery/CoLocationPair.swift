/// Two persons seen at the same places close in time: an inferred `seen_with` suggestion.
public struct CoLocationPair: Sendable {
    public let first: Int32
    public let second: Int32
    /// Each place they were both seen at, with the smallest gap there in hours and the links.
    public let places: [(place: Int32, gapHours: Int, links: [Int32])]
    /// Whether a link between the two already passes the filters.
    public let alreadyLinked: Bool
}
