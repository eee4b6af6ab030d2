/// Builds one line of a JSON Lines file with its identifying fields first (`record`, `id`,
/// `kind`, ...) and the rest in sorted order, as people expect to read them.
public enum JSONLine {
    /// The line's text, without the newline.
    ///
    /// - Parameters:
    ///   - leading: fields written first, in this order; `null` values are left out.
    ///   - rest: further fields, written in key order; `null` values and keys already in
    ///     `leading` are left out.
    public static func text(_ leading: [(String, JSONValue)], _ rest: [String: JSONValue] = [:]) -> String {
        var output: [UInt8] = [UInt8(ascii: "{")]
        output.reserveCapacity(256)
        var first = true
        var written: Set<String> = []
        func add(_ key: String, _ value: JSONValue) {
            guard value != .null, written.insert(key).inserted else { return }
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            JSONValue.writeString(key, to: &output)
            output.append(UInt8(ascii: ":"))
            value.write(to: &output)
        }
        for (key, value) in leading { add(key, value) }
        for key in rest.keys.sorted() { add(key, rest[key]!) }
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }
}
