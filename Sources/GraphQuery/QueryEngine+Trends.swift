import GraphCore

extension QueryEngine {
    /// A panel's cross-border and trends section for local authority `area` (seed 002 MSET):
    /// the cross-border links recorded since `since` with an end in the area, with whom to
    /// tell, and the area's busiest places month by month over `months` months up to `until`.
    /// Only what the viewer may see counts (``QueryFilter/seen(by:)``); audited as a
    /// consultation naming every record shown. At most `limit` crossings are listed, the
    /// most recently recorded first; `cross_border_total` counts them all.
    public func trends(area: String, since: CalendarDate, until: CalendarDate, months: Int = 3, limit: Int = 100,
                       viewer: Viewer) throws -> QueryAnswer {
        let view = try snapshot().view(QueryFilter().seen(by: viewer.access))
        guard view.snapshot.areas.contains(where: { $0.code == area && !$0.isForce }) else {
            throw QueryError("no local authority \(area)")
        }
        let all = view.newCrossBorder(area: area, since: since, until: until)
        let crossings = all.prefix(max(0, limit))
        let places = view.busiestPlaces(area: area, months: months, until: until)
        var named = Set<Int32>()
        var text = ["Cross-border links recorded since \(since): \(all.count)"
                    + (all.count > crossings.count ? " (the \(crossings.count) most recent below)" : "")]
        for crossing in crossings {
            let (from, to) = view.snapshot.ends(crossing.link)
            named.formUnion([from, to])
            let other = crossing.fromArea.code == area ? crossing.toArea : crossing.fromArea
            text.append("  \(crossing.label) to \(other.name) (\(other.code)): " + view.words(walk: [from, to]))
        }
        text.append("Busiest places, by month (links to children first seen that month):")
        for place in places {
            named.insert(place.place)
            text.append("  \(place.month)  \(view.words(place.place))  \(place.links)")
        }
        let json: [String: JSONValue] = [
            "area": .string(area), "since": .string(since.description), "until": .string(until.description),
            "cross_border_total": .int(all.count),
            "cross_border": .array(crossings.map { crossing in
                let other = crossing.fromArea.code == area ? crossing.toArea : crossing.fromArea
                return view.linkJSON(crossing.link, [
                    "label": .string(crossing.label), "other_area": .string(other.code), "other_area_name": .string(other.name),
                ])
            }),
            "busiest_places": .array(places.map { place in
                .object(["month": .string(place.month), "place": .string(view.snapshot.ref(place.place)),
                         "label": .string(view.snapshot.label(place.place)), "links": .int(place.links)])
            }),
            "entities": .array(named.sorted().map { view.entityJSON($0) }),
        ]
        return try answer("trends", ["area": .string(area), "since": .string(since.description), "until": .string(until.description),
                                     "months": .int(months)],
                          view, viewer: viewer, json: json, text: text, ids: named.sorted().map(view.snapshot.ref))
    }
}
