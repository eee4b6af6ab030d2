import GraphCore

/// A node of the Neo4j POLE crime-investigation model, mapped to a cegraph entity.
///
/// The mapping, and what it leaves out and why, is in docs/IMPORT_NEO4J.md.
struct PoleEntity {
    let kind: EntityKind
    /// The entity's fields as FORMAT.md names them, before normalisation.
    let fields: [String: JSONValue]
    /// The source column of each field, so that an error names the column.
    let columns: [String: String]
    /// Whether the phone number was given a `+999` number because cegraph's rules reject it.
    var usedPhoneFallback = false

    /// The country code fallback numbers are written under: not assigned to any country by
    /// the ITU, so a fallback number can never be mistaken for, or merge with, a real one.
    static let fallbackCountryCode = "999"

    /// The labels of the POLE model, carried over or not.
    static let labels: Set<String> = [
        "Person", "Location", "Phone", "Email", "Vehicle", "Crime", "PhoneCall", "Officer", "Object", "Area", "PostCode",
    ]

    /// The properties a label's file must have as columns.
    static func requiredColumns(of label: String) -> [String] {
        switch label {
        case "Person": ["name", "surname"]
        case "Location": ["address"]
        case "Phone": ["phoneNo"]
        case "Email": ["email_address"]
        case "Vehicle": ["reg"]
        case "Crime": ["date"]
        case "PhoneCall": ["call_date"]
        default: []
        }
    }

    /// What a label's nodes become, or why they are dropped, for the summary.
    static func note(for label: String) -> String {
        switch label {
        case "Person": "adult (child when age is under 18)"
        case "Location": "location"
        case "Phone": "phone"
        case "Email": "handle (platform email)"
        case "Vehicle": "vehicle"
        case "Crime": "operation (investigation)"
        case "PhoneCall": "folded into contacted links, caller phone to called phone"
        case "Officer": "dropped: police officers are not part of the picture of a network"
        case "Object": "dropped: evidence items have no cegraph kind"
        case "Area": "dropped: an area is the outward code of each location's own postcode"
        case "PostCode": "dropped: each location keeps its own postcode"
        default: "dropped: no mapping for label \(label)"
        }
    }

    /// Maps one node, given its label and `:ID`; `nil` for a label that is not an entity (PhoneCall, Officer, Object,
    /// Area, PostCode and any label the POLE model does not have).
    ///
    /// - Throws: ``InputError`` naming the row and column of a value cegraph cannot hold.
    static func map(label: String, id: String, row: Neo4jRow) throws(InputError) -> PoleEntity? {
        switch label {
        case "Person": return try person(row)
        case "Location":
            let address = try row.required("address", purpose: "a Location needs an address")
            var fields: [String: JSONValue] = ["name": .string(address), "address": .string(address)]
            if let postcode = row.text("postcode") { fields["postcode"] = .string(postcode) }
            if let lat = try row.number("latitude") { fields["lat"] = number(lat) }
            if let lon = try row.number("longitude") { fields["lon"] = number(lon) }
            return PoleEntity(kind: .location, fields: fields, columns: [
                "name": "address", "address": "address", "postcode": "postcode", "lat": "latitude", "lon": "longitude",
            ])
        case "Phone": return try phone(row)
        case "Email":
            let address = try row.required("email_address", purpose: "an Email needs an address")
            return PoleEntity(kind: .handle, fields: ["platform": .string("email"), "handle": .string(address)],
                              columns: ["handle": "email_address"])
        case "Vehicle":
            var fields: [String: JSONValue] = ["vrm": .string(try row.required("reg", purpose: "a Vehicle needs a reg"))]
            if let make = row.text("make") { fields["make"] = .string(make) }
            if let model = row.text("model") { fields["model"] = .string(model) }
            if let year = try row.integer("year", in: 1885...2999) { fields["year"] = .number(String(year)) }
            return PoleEntity(kind: .vehicle, fields: fields,
                              columns: ["vrm": "reg", "make": "make", "model": "model", "year": "year"])
        case "Crime": return try crime(row, id: id)
        default: return nil
        }
    }

    private static func person(_ row: Neo4jRow) throws(InputError) -> PoleEntity {
        let name = [row.text("name"), row.text("surname")].compactMap { $0 }.joined(separator: " ")
        guard !name.isEmpty else { throw row.error("empty, and so is surname; a Person needs a name", property: "name") }
        var fields: [String: JSONValue] = ["name": .string(name)]
        let age = try row.integer("age", in: 0...130)
        if let age { fields["age"] = .number(String(age)) }
        // Someone under 18 is a child (DOMAIN.md); recording them as an adult of concern
        // would misstate who is at risk.
        let kind: EntityKind = (age ?? 18) < 18 ? .child : .adult
        return PoleEntity(kind: kind, fields: fields, columns: ["name": "name", "age": "age"])
    }

    private static func phone(_ row: Neo4jRow) throws(InputError) -> PoleEntity {
        let given = try row.required("phoneNo", purpose: "a Phone needs a number")
        let columns = ["number": "phoneNo", "number_as_given": "phoneNo"]
        if Normalise.phone(given) != nil {
            return PoleEntity(kind: .phone, fields: ["number": .string(given), "number_as_given": .string(given)],
                              columns: columns)
        }
        // The POLE numbers are invented (`5-(997)640-5104`) and most fit no numbering plan,
        // so they keep their digits under a country code no real number has.
        let digits = given.filter { $0.isASCII && $0.isNumber }
        guard (5...12).contains(digits.count) else {
            throw row.error("\(Excerpt(given)) is not a phone number, and its \(digits.count) digits are too few or too many "
                            + "to keep under +\(fallbackCountryCode)", property: "phoneNo")
        }
        return PoleEntity(kind: .phone, fields: ["number": .string("+" + fallbackCountryCode + digits),
                                                 "number_as_given": .string(given)],
                          columns: columns, usedPhoneFallback: true)
    }

    private static func crime(_ row: Neo4jRow, id: String) throws(InputError) -> PoleEntity {
        guard let date = try row.date("date") else {
            throw row.error("empty; a Crime needs the date it was recorded", property: "date")
        }
        let type = row.text("type")
        var fields: [String: JSONValue] = [
            "name": .string(type.map { "Crime \(id): \($0)" } ?? "Crime \(id)"),
            "operation_type": .string("investigation"),
            "opened": .string(date.description),
        ]
        if let type { fields["crime_type"] = .string(type) }
        if let outcome = row.text("last_outcome") {
            fields["last_outcome"] = .string(outcome)
            fields["status"] = .string(outcome.lowercased().contains("under investigation") ? "active" : "closed")
        }
        for (property, field) in [("id", "crime_id"), ("note", "note"), ("charge", "charge")] {
            if let text = row.text(property) { fields[field] = .string(text) }
        }
        return PoleEntity(kind: .operation, fields: fields, columns: [
            "opened": "date", "crime_type": "type", "last_outcome": "last_outcome", "status": "last_outcome",
        ])
    }

    private static func number(_ value: Double) -> JSONValue {
        .number(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)")
    }
}
