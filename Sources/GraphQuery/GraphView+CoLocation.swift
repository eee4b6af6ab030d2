import GraphCore

/// Co-location: two persons linked to the same location or vehicle on dates close
/// together, an inferred `seen_with` that is suggested, never stored.
///
/// Sightings are dated links: `frequents`, `found_at` and `taken_to` for a location;
/// `drives` and `passenger_in` for a vehicle. Standing relationships (`lives_at`,
/// `works_at`, `owns`, `registered_keeper_of`) are not sightings, and undated links cannot
/// be placed in time. Link dates are days, so two sightings d days apart are 24·d hours
/// apart and those on overlapping dates 0.
extension GraphView {
    static let sightingKinds: Set<LinkKind> = [.frequents, .foundAt, .takenTo, .drives, .passengerIn]

    /// The co-located pairs, most places first, then the smallest gap.
    public func coLocation(windowHours: Int, at place: Int32? = nil) -> [CoLocationPair] {
        let windowDays = Int32(max(0, windowHours) / 24)
        var found: [PairKey: [(place: Int32, gapHours: Int, links: [Int32])]] = [:]
        let places = place.map { [$0] } ?? (0..<Int32(snapshot.entityCount)).filter {
            let kind = snapshot.kind($0)
            return (kind == .location || kind == .vehicle) && includes(entity: $0)
        }
        for place in places {
            var sightings: [(person: Int32, link: Int32, first: Int32, last: Int32)] = []
            forEachNeighbour(place) { person, link in
                guard GraphView.sightingKinds.contains(snapshot.linkKind(link)), snapshot.kind(person).isPerson else { return }
                var first = snapshot.links.first[Int(link)], last = snapshot.links.last[Int(link)]
                if first == Snapshot.noDate { first = last }
                if last == Snapshot.noDate { last = first }
                if first != Snapshot.noDate { sightings.append((person, link, first, last)) }
            }
            sightings.sort { ($0.first, $0.person, $0.link) < ($1.first, $1.person, $1.link) }
            var best: [PairKey: (gap: Int32, links: [Int32])] = [:]
            for i in sightings.indices {
                for j in (i + 1)..<sightings.count {
                    let a = sightings[i], b = sightings[j]
                    if b.first > a.last + windowDays { break }
                    if a.person == b.person { continue }
                    let gap = max(0, b.first - a.last)
                    let key = PairKey(a.person, b.person)
                    if let known = best[key], known.gap <= gap { continue }
                    best[key] = (gap, a.person == key.low ? [a.link, b.link] : [b.link, a.link])
                }
            }
            for (key, value) in best {
                found[key, default: []].append((place, Int(value.gap) * 24, value.links))
            }
        }
        let pairs = found.map { key, places in
            CoLocationPair(first: key.low, second: key.high, places: places.sorted { $0.place < $1.place },
                           alreadyLinked: !links(between: key.low, key.high).isEmpty)
        }
        return pairs.sorted { lhs, rhs in
            if lhs.places.count != rhs.places.count { return lhs.places.count > rhs.places.count }
            let lhsGap = lhs.places.map(\.gapHours).min()!, rhsGap = rhs.places.map(\.gapHours).min()!
            if lhsGap != rhsGap { return lhsGap < rhsGap }
            return (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
    }
}
