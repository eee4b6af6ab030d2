import GraphCore

extension Store {
    /// The JSON object a column holds (`attrs`), or an empty object for SQL NULL.
    ///
    /// The schema's `CHECK`s make every stored `attrs` an object, so a failure here means a
    /// damaged database; it is reported, never read as "no attributes" (an update would then
    /// write the loss back).
    static func storedObject(_ text: String?) throws -> [String: JSONValue] {
        guard let text else { return [:] }
        guard case .object(let object)? = try? JSONParser.parse(text) else {
            throw StoreError("read", "a stored attribute set is not a JSON object", hint: "the database may be damaged")
        }
        return object
    }

    /// The JSON array a query built with `json_group_array`, or `nil` when it is empty.
    static func storedList(_ text: String?) throws -> JSONValue? {
        guard let text else { return nil }
        guard case .array(let elements)? = try? JSONParser.parse(text) else {
            throw StoreError("read", "a stored list is not a JSON array", hint: "the database may be damaged")
        }
        return elements.isEmpty ? nil : .array(elements)
    }
}
