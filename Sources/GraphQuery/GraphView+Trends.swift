import GraphCore

/// A MACCSE panel's cross-border and trends section (seed 002 MSET: cross-border issues,
/// trends and problem locations), for the panel's local authority: the cross-border links
/// recorded since the last panel, and the busiest places month by month.
extension GraphView {
    /// One place's count of links to children in a month.
    public struct BusyPlace: Sendable, Equatable {
        /// The month, `YYYY-MM`.
        public let month: String
        public let place: Int32
        /// Links between the place and children first seen that month.
        public let links: Int
    }

    /// The cross-border links the view lets through with an end in local authority `area`,
    /// recorded from `since` to `until`: the most recently recorded first, then the most
    /// recently first seen.
    public func newCrossBorder(area code: String, since: CalendarDate, until: CalendarDate) -> [CrossBorderLink] {
        let from = Int32(since.daysSinceEpoch), to = Int32(until.daysSinceEpoch)
        var found: [(CrossBorderLink, Int32, Int32)] = []
        for link in 0..<Int32(snapshot.linkCount) where includes(link: link) && snapshot.links.created[Int(link)] >= from
            && snapshot.links.created[Int(link)] <= to {
            let (a, b) = snapshot.ends(link)
            guard let areaA = snapshot.area(of: a), let areaB = snapshot.area(of: b), areaA.code == code || areaB.code == code,
                  let label = borderLabel(areaA, areaB) else { continue }
            found.append((CrossBorderLink(link: link, label: label, fromArea: areaA, toArea: areaB), snapshot.links.created[Int(link)],
                          snapshot.links.first[Int(link)]))
        }
        return found.sorted { ($0.1, $0.2, $0.0.link) > ($1.1, $1.2, $1.0.link) }.map(\.0)
    }

    /// The places (locations) of local authority `area` with the most links to children
    /// first seen in each of the `months` months up to `until`, the `top` busiest a month,
    /// oldest month first. A link with no first-seen day counts in the month it was recorded.
    public func busiestPlaces(area code: String, months: Int, until: CalendarDate, top: Int = 5) -> [BusyPlace] {
        let start = CalendarDate(year: until.year, month: until.month, day: 1).adding(months: -(max(1, months) - 1))
        let first = Int32(start.daysSinceEpoch), last = Int32(until.daysSinceEpoch)
        var counts: [String: [Int32: Int]] = [:]
        for link in 0..<Int32(snapshot.linkCount) where includes(link: link) {
            let (a, b) = snapshot.ends(link)
            let place: Int32
            switch (snapshot.kind(a), snapshot.kind(b)) {
            case (.location, .child): place = a
            case (.child, .location): place = b
            default: continue
            }
            guard snapshot.area(of: place)?.code == code else { continue }
            let seen = snapshot.links.first[Int(link)] != Snapshot.noDate ? snapshot.links.first[Int(link)] : snapshot.links.created[Int(link)]
            guard seen >= first, seen <= last else { continue }
            let day = CalendarDate(daysSinceEpoch: Int(seen))
            let month = String(format: "%04d-%02d", day.year, day.month)
            counts[month, default: [:]][place, default: 0] += 1
        }
        return counts.keys.sorted().flatMap { month in
            counts[month]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(top).map {
                BusyPlace(month: month, place: $0.key, links: $0.value)
            }
        }
    }
}
