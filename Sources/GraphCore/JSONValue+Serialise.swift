extension JSONValue {
    /// The value as compact JSON text with object keys sorted, so that equal values always
    /// serialise to equal text (the store compares attributes by their text).
    public var jsonText: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }

    /// The value's compact, key-sorted JSON text as UTF-8 bytes: what the service sends.
    public var jsonBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output)
        return output
    }

    /// Appends the value's compact, key-sorted JSON text to `output`.
    public func write(to output: inout String) {
        output += jsonText
    }

    /// Appends the value's compact, key-sorted JSON text to `output` as UTF-8. Answers of
    /// tens of kilobytes are written byte by byte into one buffer: appending to a `String`
    /// piece by piece cost the association API a fifth of its time.
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (offset, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, as UTF-8: `"` and `\` escaped, control
    /// characters as `\n`, `\r`, `\t` or `\u00XX`, and U+2028 and U+2029 as `\u2028` and
    /// `\u2029` (so the text is also safe inside a script).
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Most text needs no escaping: copy it whole.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
                output.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    output.append(contentsOf: Array("\\u00".utf8))
                    let digits = Array("0123456789abcdef".utf8)
                    output.append(digits[Int(byte >> 4)])
                    output.append(digits[Int(byte & 0xF)])
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    output.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    index += 2
                default: output.append(byte)
                }
                index += 1
            }
        }
        output.append(UInt8(ascii: "\""))
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
