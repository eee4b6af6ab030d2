/// Checks one JSON object against the data contract and turns it into an ``InputRecord``.
///
/// Every rule of FORMAT.md §1 that can be checked on a line alone is checked here; rules
/// that need the rest of the file or the store (references, areas, endpoint kinds of a link
/// to an entity defined elsewhere) are checked by the importer.
public enum RecordDecoder {
    /// Decodes one record.
    ///
    /// - Parameters:
    ///   - object: the members of the JSON object on the line.
    ///   - location: where the line is, for errors.
    /// - Returns: the checked and normalised record.
    /// - Throws: ``InputError`` naming the location and the field at fault.
    public static func decode(_ object: [String: JSONValue], at location: SourceLocation) throws(InputError) -> InputRecord {
        do throws(InputError) {
            guard let recordValue = object["record"] else {
                throw InputError("missing; expected one of area, entity, intel, link", field: "record")
            }
            guard let recordType = recordValue.stringValue else {
                throw InputError("expected a string, found \(recordValue.typeName)", field: "record")
            }
            switch recordType {
            case "entity": return .entity(try decodeEntity(object))
            case "intel": return .intel(try decodeIntel(object))
            case "link": return .link(try decodeLink(object))
            case "area": return .area(try decodeArea(object))
            default:
                throw InputError("unknown record type \(Excerpt(recordType)); expected area, entity, intel or link", field: "record")
            }
        } catch {
            throw error.at(location)
        }
    }

    // MARK: - Record types

    static func decodeEntity(_ object: [String: JSONValue]) throws(InputError) -> EntityRecord {
        let id = try requiredString(object, "id")
        let kindText = try requiredString(object, "kind")
        guard let kind = EntityKind(rawValue: kindText) else {
            throw InputError("unknown entity kind \(Excerpt(kindText)); expected one of "
                + EntityKind.allCases.map(\.rawValue).joined(separator: ", "), field: "kind")
        }
        let schema = FieldSchema.fields(of: kind)
        var fields: [String: JSONValue] = [:]
        for (name, value) in object where !FieldSchema.envelope.contains(name) {
            if let type = schema[name] {
                fields[name] = try normalise(value, as: type, field: name)
            } else {
                fields[name] = value
            }
        }
        for name in FieldSchema.required(of: kind) {
            if case .string(let text)? = fields[name], text.trimmingWhitespace().isEmpty {
                throw InputError("empty; a \(kind.rawValue) needs a \(name)", field: name)
            }
        }
        return EntityRecord(id: id, kind: kind, fields: fields)
    }

    /// Checks an entity's attributes as they will be stored: every required field present
    /// and not empty, and an operation not closed before it opened.
    ///
    /// A record may update an entity with only some fields, so this runs on the attributes
    /// after the update, not on the record alone.
    public static func checkComplete(_ kind: EntityKind, _ attributes: [String: JSONValue]) throws(InputError) {
        for name in FieldSchema.required(of: kind) {
            guard let value = attributes[name], value != .null else {
                throw InputError("required for a \(kind.rawValue)", field: name)
            }
        }
        if case .string(let opened)? = attributes["opened"], case .string(let closed)? = attributes["closed"], closed < opened {
            throw InputError("\(closed) is before opened \(opened)", field: "closed")
        }
    }

    static func decodeIntel(_ object: [String: JSONValue]) throws(InputError) -> IntelRecord {
        let id = try requiredString(object, "id")
        let date = try requiredDate(object, "date")
        let source = try requiredChoice(object, "source_evaluation", Grading.SourceEvaluation.self,
                                        meaning: "1 (reliable), 2 (untested) or 3 (not reliable)")
        let assessment = try requiredChoice(object, "intelligence_assessment", Grading.Assessment.self,
                                            meaning: "A, B, C, D or E")
        let handling = try requiredChoice(object, "handling_code", Grading.HandlingCode.self,
                                          meaning: "P (lawful sharing permitted) or C (sharing with conditions)")
        let conditions = try optionalString(object, "handling_conditions")
        if handling == .c, (conditions ?? "").trimmingWhitespace().isEmpty {
            throw InputError("required, and not empty, when handling_code is C", field: "handling_conditions")
        }
        var extra: [String: JSONValue] = [:]
        for (name, value) in object where FieldSchema.intel[name] == nil && name != "record" && name != "id" {
            extra[name] = value
        }
        let about = try stringList(object, "about")
        let harmFrom = try stringList(object, "harm_from")
        // A report suggesting harm from an entity is about it: naming it in `about` as well is
        // not required, but an `about` given in the same record must include it.
        if object["about"] != nil, object["about"] != .null, let missing = harmFrom.first(where: { !about.contains($0) }) {
            throw InputError("\(Excerpt(missing)) is in harm_from but not in about; a report suggests harm only from "
                             + "an entity it is about", field: "harm_from")
        }
        return IntelRecord(
            id: id, date: date, grading: Grading(source: source, assessment: assessment, handling: handling),
            handlingConditions: conditions, submittedBy: try optionalString(object, "submitted_by"),
            agency: try optionalString(object, "agency"), text: try optionalString(object, "text"),
            about: about, harmFrom: harmFrom, legacyGrading: try optionalString(object, "legacy_grading"),
            extra: extra, given: Set(object.keys))
    }

    static func decodeLink(_ object: [String: JSONValue]) throws(InputError) -> LinkRecord {
        let from = try requiredString(object, "from")
        let to = try requiredString(object, "to")
        let kindText = try requiredString(object, "kind")
        guard let kind = LinkKind(rawValue: kindText) else {
            throw InputError("unknown link kind \(Excerpt(kindText)); expected one of "
                + LinkKind.allCases.map(\.rawValue).joined(separator: ", "), field: "kind")
        }
        if from == to { throw InputError("a link cannot join \(Excerpt.bare(from)) to itself", field: "to") }
        let firstSeen = try optionalDate(object, "first_seen")
        let lastSeen = try optionalDate(object, "last_seen")
        if let firstSeen, let lastSeen, lastSeen < firstSeen {
            throw InputError("\(lastSeen) is before first_seen \(firstSeen)", field: "last_seen")
        }
        var extra: [String: JSONValue] = [:]
        for (name, value) in object where FieldSchema.link[name] == nil && name != "record" {
            extra[name] = value
        }
        let intel = try stringList(object, "intel")
        let concern = try optionalBool(object, "concern") ?? false
        if concern, intel.isEmpty {
            throw InputError("a concern about a relationship is recorded by intelligence: name the reports in intel",
                             field: "concern")
        }
        return LinkRecord(from: from, to: to, kind: kind, firstSeen: firstSeen, lastSeen: lastSeen,
                          intel: intel, concern: concern, note: try optionalString(object, "note"),
                          extra: extra)
    }

    static func decodeArea(_ object: [String: JSONValue]) throws(InputError) -> AreaRecord {
        let code = try requiredString(object, "code")
        let name = try requiredString(object, "name")
        let type = try requiredChoice(object, "area_type", AreaRecord.AreaType.self,
                                      meaning: "local_authority or police_force")
        let force = try optionalString(object, "force")
        switch type {
        case .localAuthority where force == nil:
            throw InputError("required for a local authority: the code of its police force", field: "force")
        case .policeForce where force != nil:
            throw InputError("a police force does not name a force", field: "force")
        default:
            break
        }
        var extra: [String: JSONValue] = [:]
        for (name, value) in object where FieldSchema.area[name] == nil && name != "record" {
            extra[name] = value
        }
        return AreaRecord(code: code, name: name, type: type, force: force, extra: extra)
    }

    // MARK: - Fields

    /// Checks and normalises a value of a known field.
    ///
    /// `null` is kept: it removes the field from a stored entity.
    public static func normalise(_ value: JSONValue, as type: FieldType, field: String) throws(InputError) -> JSONValue {
        if value == .null { return .null }
        switch type {
        case .list:
            guard case .array(let elements) = value else {
                throw InputError("expected a list of strings, found \(value.typeName)", field: field)
            }
            for element in elements where element.stringValue == nil {
                throw InputError("expected a list of strings, found \(element.typeName) in it", field: field)
            }
            return value
        case .bool:
            guard case .bool = value else { throw InputError("expected true or false, found \(value.typeName)", field: field) }
            return value
        case .number(let range):
            guard let number = value.doubleValue else {
                throw InputError("expected a number, found \(value.typeName)", field: field)
            }
            guard range.contains(number) else {
                throw InputError("\(number) is outside \(range.lowerBound) to \(range.upperBound)", field: field)
            }
            return value
        default:
            break
        }
        guard let text = value.stringValue else {
            throw InputError("expected a string, found \(value.typeName)", field: field)
        }
        switch type {
        case .text, .area, .force:
            let trimmed = text.trimmingWhitespace()
            if type != .text, trimmed.isEmpty { throw InputError("empty area code", field: field) }
            return .string(type == .text ? text : trimmed)
        case .date:
            guard let date = CalendarDate(text) else {
                throw InputError("\(Excerpt(text)) is not a date written YYYY-MM-DD", field: field)
            }
            return .string(date.description)
        case .choice(let allowed):
            guard allowed.contains(text) else {
                throw InputError("\(Excerpt(text)) is not one of " + allowed.joined(separator: ", "), field: field)
            }
            return value
        case .risk:
            guard let risk = RiskLevel(text) else {
                throw InputError("\(Excerpt(text)) is not a risk level; expected \(RiskLevel.expectedForms)", field: field)
            }
            return .string(risk.description)
        case .vrm:
            guard let vrm = Normalise.vrm(text) else {
                throw InputError("\(Excerpt(text)) is not a vehicle registration (2 to 10 letters and digits)", field: field)
            }
            return .string(vrm)
        case .phone:
            guard let phone = Normalise.phone(text) else {
                throw InputError("\(Excerpt(text)) is not a phone number (a UK number or +country code)", field: field)
            }
            return .string(phone)
        case .handle:
            guard let handle = Normalise.handle(text) else {
                throw InputError("\(Excerpt(text)) is not a handle (no spaces, not empty)", field: field)
            }
            return .string(handle)
        case .platform:
            guard let platform = Normalise.platform(text) else { throw InputError("empty platform", field: field) }
            return .string(platform)
        case .postcode:
            guard let postcode = Normalise.postcode(text) else {
                throw InputError("\(Excerpt(text)) is not a UK postcode", field: field)
            }
            return .string(postcode)
        case .list, .bool, .number:
            return value
        }
    }

    static func requiredString(_ object: [String: JSONValue], _ field: String) throws(InputError) -> String {
        guard let value = object[field], value != .null else { throw InputError("missing", field: field) }
        guard let text = value.stringValue else {
            throw InputError("expected a string, found \(value.typeName)", field: field)
        }
        guard text.utf8.contains(where: { $0 > 0x20 && $0 < 0x80 }) || !text.trimmingWhitespace().isEmpty else {
            throw InputError("empty", field: field)
        }
        if ["id", "from", "to", "code"].contains(field), text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw InputError("an id cannot contain control characters", field: field)
        }
        return text
    }

    static func optionalString(_ object: [String: JSONValue], _ field: String) throws(InputError) -> String? {
        guard let value = object[field], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw InputError("expected a string, found \(value.typeName)", field: field)
        }
        return text
    }

    static func optionalBool(_ object: [String: JSONValue], _ field: String) throws(InputError) -> Bool? {
        guard let value = object[field], value != .null else { return nil }
        guard case .bool(let flag) = value else {
            throw InputError("expected true or false, found \(value.typeName)", field: field)
        }
        return flag
    }

    static func requiredDate(_ object: [String: JSONValue], _ field: String) throws(InputError) -> CalendarDate {
        guard let date = try optionalDate(object, field) else { throw InputError("missing", field: field) }
        return date
    }

    static func optionalDate(_ object: [String: JSONValue], _ field: String) throws(InputError) -> CalendarDate? {
        guard let text = try optionalString(object, field) else { return nil }
        guard let date = CalendarDate(text) else {
            throw InputError("\(Excerpt(text)) is not a date written YYYY-MM-DD", field: field)
        }
        return date
    }

    static func requiredChoice<T: RawRepresentable<String>>(
        _ object: [String: JSONValue], _ field: String, _ type: T.Type, meaning: String
    ) throws(InputError) -> T {
        guard let value = object[field], value != .null else {
            throw InputError("missing; expected \(meaning)", field: field)
        }
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let number): text = number
        default: throw InputError("expected \(meaning), found \(value.typeName)", field: field)
        }
        guard let choice = T(rawValue: text) else {
            throw InputError("\(Excerpt(text)) is not valid; expected \(meaning)", field: field)
        }
        return choice
    }

    static func stringList(_ object: [String: JSONValue], _ field: String) throws(InputError) -> [String] {
        guard let value = object[field], value != .null else { return [] }
        guard case .array(let elements) = value else {
            throw InputError("expected a list of ids, found \(value.typeName)", field: field)
        }
        var ids: [String] = []
        for element in elements {
            guard let id = element.stringValue, !id.isEmpty else {
                throw InputError("expected a list of ids, found \(element.typeName) in it", field: field)
            }
            if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw InputError("an id cannot contain control characters", field: field)
            }
            ids.append(id)
        }
        return ids
    }
}
