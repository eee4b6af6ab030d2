/// A coding key of any name, to list every member an object holds.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// The object's container, after refusing members other than `Keys`.
    ///
    /// `JSONDecoder` ignores members it does not know, so a misspelt `"requird": true` in a
    /// partnership's framework file would silently leave a field optional. Definitions are
    /// safeguarding rules: a typo must stop the load, not change the rule.
    ///
    /// - Parameter keys: The members the object may have.
    /// - Returns: The object's container, keyed by `Keys`.
    /// - Throws: `DecodingError.dataCorrupted` at the first unknown member, in name order.
    func strictContainer<Keys: CodingKey & CaseIterable>(keyedBy keys: Keys.Type) throws -> KeyedDecodingContainer<Keys> {
        let all = try container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in all.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [key],
                debugDescription: "unknown member '\(key.stringValue)'; allowed: \(known.joined(separator: ", "))"
            ))
        }
        return try container(keyedBy: keys)
    }
}
