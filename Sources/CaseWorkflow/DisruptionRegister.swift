/// A page of the disruption register as the viewer may see it, with the counts of every
/// notice they may see (in the area asked), whatever the page shows.
public struct DisruptionRegister: Encodable, Sendable, Equatable {
    /// The notices of this page, newest first.
    public var disruptions: [Disruption]
    /// How many notices the filter matched, the page shown (from 1) and the number of pages.
    public var total: Int
    public var page: Int
    public var pages: Int
    /// Counts by what the filter can show: `all`, `in_force`, `expiring`, `breached`,
    /// `pending`.
    public var counts: [String: Int]
    /// The day the states are as of.
    public var asOf: String

    enum CodingKeys: String, CodingKey {
        case disruptions, total, page, pages, counts
        case asOf = "as_of"
    }
}
