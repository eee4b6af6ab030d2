extension KeyedDecodingContainer {
    /// Decodes a yes-or-no field written by ``KeyedEncodingContainer/encodeFlag(_:forKey:)``
    /// (1 or 0, or null), or given as `true` or `false`.
    func decodeFlag(forKey key: Key) throws -> Bool? {
        if let number = try? decodeIfPresent(Int.self, forKey: key) { return number != 0 }
        return try decodeIfPresent(Bool.self, forKey: key)
    }

    /// Decodes a yes-or-no field that must hold a value.
    func decodeRequiredFlag(forKey key: Key) throws -> Bool {
        guard let flag = try decodeFlag(forKey: key) else {
            throw DecodingError.valueNotFound(Bool.self, .init(codingPath: codingPath + [key], debugDescription: "no value for \(key.stringValue)"))
        }
        return flag
    }
}
