extension KeyedEncodingContainer {
    /// Encodes a yes-or-no field as the number 1 or 0, or null when it is not known: the
    /// form the stored column has always had in the API.
    mutating func encodeFlag(_ flag: Bool?, forKey key: Key) throws {
        try encode(flag.map { $0 ? 1 : 0 }, forKey: key)
    }
}
