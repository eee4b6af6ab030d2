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
        var output = "{"
        var first = true
        var written: Set<String> = []
        func add(_ key: String, _ value: JSONValue) {
            guard value != .null, written.insert(key).inserted else { return }
            if !first { output += "," }
            first = false
            JSONValue.writeString(key, to: &output)
            output += ":"
            value.write(to: &output)
        }
        for (key, value) in leading { add(key, value) }
        for key in rest.keys.sorted() { add(key, rest[key]!) }
        return output + "}"
    }
}
