extension JSONValue {
    /// The value as compact JSON text with object keys sorted, so that equal values always
    /// serialise to equal text (the store compares attributes by their text).
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    /// Appends the value's compact, key-sorted JSON text to `output`.
    public func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { output += "," }
                JSONValue.writeString(key, to: &output)
                output += ":"
                members[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, to output: inout String) {
        output += "\""
        // Most text needs no escaping; checking the bytes first avoids a scalar-by-scalar copy.
        // (U+2028 and U+2029 start with 0xE2, so any such byte takes the slow path.)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// Pretty-printed JSON with two-space indentation and sorted keys, for people to read.
    public func prettyText(indent: String = "") -> String {
        switch self {
        case .array(let elements) where !elements.isEmpty:
            let inner = indent + "  "
            let body = elements.map { inner + $0.prettyText(indent: inner) }.joined(separator: ",\n")
            return "[\n\(body)\n\(indent)]"
        case .object(let members) where !members.isEmpty:
            let inner = indent + "  "
            let body = members.keys.sorted().map { key -> String in
                var line = inner
                JSONValue.writeString(key, to: &line)
                return line + ": " + members[key]!.prettyText(indent: inner)
            }.joined(separator: ",\n")
            return "{\n\(body)\n\(indent)}"
        default:
            return jsonText
        }
    }
}
