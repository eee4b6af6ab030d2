import GraphCore

/// The JSON and words for entities and links in query answers (FORMAT.md §3).
extension GraphView {
    /// `{"id","kind","label"}` plus `extra`, with `area` and `risk` when known.
    public func entityJSON(_ entity: Int32, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var object = extra
        object["id"] = .string(snapshot.ref(entity))
        object["kind"] = .string(snapshot.kind(entity).rawValue)
        object["label"] = .string(snapshot.label(entity))
        if let area = snapshot.area(of: entity) { object["area"] = .string(area.code) }
        if let risk = snapshot.risk(of: entity) { object["risk"] = .string(risk) }
        return .object(object)
    }

    /// `{"from","to","kind"}` with seen dates and the supporting reports the viewer may see.
    public func linkJSON(_ link: Int32, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var object = extra
        let (from, to) = snapshot.ends(link)
        object["from"] = .string(snapshot.ref(from))
        object["to"] = .string(snapshot.ref(to))
        object["kind"] = .string(snapshot.linkKind(link).rawValue)
        if let first = Self.dateText(snapshot.links.first[Int(link)]) { object["first_seen"] = .string(first) }
        if let last = Self.dateText(snapshot.links.last[Int(link)]) { object["last_seen"] = .string(last) }
        let intel = visibleSupport(link)
        object["intel"] = .array(intel.map { report in
            .object(["id": .string(snapshot.intelRef(report)), "grading": .string(snapshot.grading(report))])
        })
        return .object(object)
    }

    /// The reports supporting `link` that the filter lets count (recorded by the as-of date,
    /// visible to the viewer).
    func visibleSupport(_ link: Int32) -> [Int32] {
        snapshot.support(link).filter(isVisible(report:))
    }

    /// The reports about `entity` that the filter lets count.
    func visibleAbout(_ entity: Int32) -> [Int32] {
        snapshot.about(entity).filter(isVisible(report:))
    }

    func isVisible(report: Int32) -> Bool {
        snapshot.intel.created[Int(report)] <= mask.asOfDay
            && (filter.includeHandlingCodeC || snapshot.intel.handling[Int(report)] == 0)
    }

    /// `AD3 "Name" (adult, Liverpool)`.
    public func words(_ entity: Int32) -> String {
        var detail = snapshot.kind(entity).rawValue
        if let risk = snapshot.risk(of: entity) { detail += ", " + risk }
        if snapshot.isOnMACCSE(entity) { detail += ", on MACCSE" }
        if let area = snapshot.area(of: entity) { detail += ", " + area.name }
        return "\(snapshot.ref(entity)) \"\(snapshot.label(entity))\" (\(detail))"
    }

    /// `lives_at` with its supporting reports: `lives_at [IN4 2B P]`.
    public func words(link: Int32) -> String {
        let support = visibleSupport(link)
        let kind = snapshot.linkKind(link).rawValue
        if support.isEmpty { return kind + " [ungraded]" }
        return kind + " [" + support.map { "\(snapshot.intelRef($0)) \(snapshot.grading($0))" }.joined(separator: "; ") + "]"
    }

    /// A walk in words, each step saying which way the link points:
    /// `AD3 "..." (adult) —drives [IN2 2B P]→ VE4 "..." (vehicle) ←passenger_in [ungraded]— CH1 ...`.
    public func words(walk entities: [Int32]) -> String {
        var text = words(entities[0])
        for index in 1..<max(1, entities.count) {
            let a = entities[index - 1], b = entities[index]
            guard let link = links(between: a, b).first else { continue }
            let forward = snapshot.links.from[Int(link)] == a
            text += forward ? " —\(words(link: link))→ " : " ←\(words(link: link))— "
            text += words(b)
        }
        return text
    }

    static func dateText(_ day: Int32) -> String? {
        day == Snapshot.noDate ? nil : CalendarDate(daysSinceEpoch: Int(day)).description
    }
}
