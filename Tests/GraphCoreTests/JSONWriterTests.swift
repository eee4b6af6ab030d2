import Testing
import GraphCore

/// The streaming writer writes what the tree writer writes, when keys come in order.
struct JSONWriterTests {
    @Test func nestedContainersMatchTheTreeWriter() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.int(1)
        writer.string("two \"quoted\"\n\u{2028}")
        writer.beginObject()
        writer.key("empty")
        writer.beginArray()
        writer.endArray()
        writer.key("x")
        writer.bool(false)
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.endArray()
        writer.key("b")
        writer.value(.object(["z": .null, "y": .number("-3")]))
        writer.key("c")
        writer.beginObject()
        writer.endObject()
        writer.endObject()
        let tree: JSONValue = .object([
            "c": .object([:]),
            "b": .object(["y": .number("-3"), "z": .null]),
            "a": .array([.number("1"), .string("two \"quoted\"\n\u{2028}"), .object(["x": .bool(false), "empty": .array([])]), .array([])]),
        ])
        #expect(writer.bytes == tree.jsonBytes, "\(String(decoding: writer.bytes, as: UTF8.self))")
        #expect(try JSONParser.parse(String(decoding: writer.bytes, as: UTF8.self)) == tree)
    }

    @Test func aTopLevelValueIsWrittenAlone() {
        var writer = JSONWriter()
        writer.string("only")
        #expect(writer.bytes == Array(#""only""#.utf8))
    }
}
