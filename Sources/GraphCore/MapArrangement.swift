/// How a viewer has arranged a map on the map page (issue 21): entities expanded in place,
/// hidden and pinned, and the map's areas or communities collapsed into one node each.
///
/// Ids are the map's own (a panel map's pseudonyms for other children); an id the map does
/// not hold changes nothing, so an arrangement can never show what the map would not.
public struct MapArrangement: Sendable, Hashable {
    /// What a collapsed group gathers.
    public enum Grouping: String, Sendable, Hashable, CaseIterable {
        /// Nothing collapsed.
        case none
        /// One node per local authority (or force, where no authority is recorded).
        case area
        /// One node per community of the drawn map (Leiden, fixed seed).
        case community
    }

    /// The most ids one list may name: a map is a picture, not a query language.
    public static let limit = 40

    /// Entities whose own links are added to the map (one link out from each).
    public var expanded: [String]
    /// Entities left off the map (never its subject).
    public var hidden: [String]
    /// Entities kept in view: never collapsed into a group, kept through the time slider.
    public var pinned: [String]
    public var grouping: Grouping
    /// Groups the viewer opened again (their ids, `area:E08000012`, `community:3`).
    public var opened: [String]

    public init(expanded: [String] = [], hidden: [String] = [], pinned: [String] = [], grouping: Grouping = .none,
                opened: [String] = []) {
        self.expanded = expanded
        self.hidden = hidden
        self.pinned = pinned
        self.grouping = grouping
        self.opened = opened
    }

    /// Whether the map is drawn as the query found it.
    public var isEmpty: Bool { expanded.isEmpty && hidden.isEmpty && pinned.isEmpty && grouping == .none }
}
