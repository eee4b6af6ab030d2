import GraphCore

/// The JSON and words for entities and links in query answers (FORMAT.md §3).
extension GraphView {
    /// `{"id","kind","label"}` plus `extra`, with `area` and `risk` when known.
    public func entityJSON(_ entity: Int32, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var object = extra
        for field in entityFields(entity) { object[field.key] = .string(field.value) }
        return .object(object)
    }

    /// ``entityJSON(_:_:)`` with its `hops`, straight to bytes (the association answer).
    public func writeEntity(_ entity: Int32, hops: Int, to writer: inout JSONWriter) {
        writer.beginObject()
        var hopsWritten = false
        for field in entityFields(entity) {
            if !hopsWritten, field.key > "hops" {
                writer.key("hops")
                writer.int(hops)
                hopsWritten = true
            }
            writer.key(field.key)
            writer.string(field.value)
        }
        if !hopsWritten {
            writer.key("hops")
            writer.int(hops)
        }
        writer.endObject()
    }

    /// An entity's own fields, in key order (as ``JSONWriter`` needs them): `area` when
    /// known, `id`, `kind`, `label`, and `risk` when recorded.
    func entityFields(_ entity: Int32) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        fields.reserveCapacity(5)
        if let area = snapshot.area(of: entity) { fields.append(("area", area.code)) }
        fields.append(("id", snapshot.ref(entity)))
        fields.append(("kind", snapshot.kind(entity).rawValue))
        fields.append(("label", snapshot.label(entity)))
        if let risk = snapshot.risk(of: entity) { fields.append(("risk", risk)) }
        return fields
    }

    /// `{"from","to","kind"}` with seen dates and the supporting reports the viewer may see.
    public func linkJSON(_ link: Int32, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        let parts = linkParts(link)
        var object = extra
        object["from"] = .string(parts.from)
        object["to"] = .string(parts.to)
        object["kind"] = .string(parts.kind)
        if let first = parts.firstSeen { object["first_seen"] = .string(first) }
        if let last = parts.lastSeen { object["last_seen"] = .string(last) }
        object["intel"] = .array(parts.intel.map { .object(["id": .string($0.id), "grading": .string($0.grading)]) })
        return .object(object)
    }

    /// ``linkJSON(_:_:)`` straight to bytes, its keys in order (the association answer).
    public func writeLink(_ link: Int32, to writer: inout JSONWriter) {
        let parts = linkParts(link)
        writer.beginObject()
        if let first = parts.firstSeen {
            writer.key("first_seen")
            writer.string(first)
        }
        writer.key("from")
        writer.string(parts.from)
        writer.key("intel")
        writer.beginArray()
        for report in parts.intel {
            writer.beginObject()
            writer.key("grading")
            writer.string(report.grading)
            writer.key("id")
            writer.string(report.id)
            writer.endObject()
        }
        writer.endArray()
        writer.key("kind")
        writer.string(parts.kind)
        if let last = parts.lastSeen {
            writer.key("last_seen")
            writer.string(last)
        }
        writer.key("to")
        writer.string(parts.to)
        writer.endObject()
    }

    /// What a link's JSON says, read once for both of its writers.
    struct LinkParts {
        let from: String, to: String, kind: String
        let firstSeen: String?, lastSeen: String?
        let intel: [(id: String, grading: String)]
    }

    func linkParts(_ link: Int32) -> LinkParts {
        let (from, to) = snapshot.ends(link)
        return LinkParts(from: snapshot.ref(from), to: snapshot.ref(to), kind: snapshot.linkKind(link).rawValue,
                         firstSeen: Self.dateText(snapshot.links.first[Int(link)]), lastSeen: Self.dateText(snapshot.links.last[Int(link)]),
                         intel: visibleSupport(link).map { (snapshot.intelRef($0), snapshot.grading($0)) })
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
    /// When `through` names the link of each step, those links are the ones described.
    public func words(walk entities: [Int32], through steps: [Int32]? = nil) -> String {
        var text = words(entities[0])
        for index in 1..<max(1, entities.count) {
            let a = entities[index - 1], b = entities[index]
            guard let link = steps.map({ $0[index - 1] }) ?? links(between: a, b).first else { continue }
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
