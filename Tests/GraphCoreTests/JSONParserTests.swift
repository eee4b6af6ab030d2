import Testing
@testable import GraphCore

struct JSONParserTests {
    @Test func parsesObjectsArraysAndScalars() throws {
        let value = try JSONParser.parse(#"{"a":[1,-2.5e3,true,false,null],"b":"x\"y\u00e9\ud83d\ude00","c":{}}"#)
        #expect(value == .object([
            "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
            "b": .string("x\"yé😀"), "c": .object([:]),
        ]))
    }

    @Test func serialisesWithSortedKeysAndEscapes() throws {
        let value = JSONValue.object(["b": .string("line\nbreak \"q\""), "a": .number("1.50")])
        #expect(value.jsonText == #"{"a":1.50,"b":"line\nbreak \"q\""}"#)
        #expect(try JSONParser.parse(value.jsonText) == value)
    }

    /// Every escape the byte writer makes, and text around multi-byte characters it must
    /// copy untouched (an en dash starts with the same byte, 0xE2, as U+2028).
    @Test func escapesControlCharactersAndLineSeparatorsAndKeepsOtherText() throws {
        let text = "tab\there\r\u{01}\u{1F} back\\slash \u{2028}\u{2029} en – dash, café, 👋"
        let value = JSONValue.array([.string(text), .bool(true), .null, .object(["é": .string("")])])
        #expect(value.jsonText == #"["tab\there\r\u0001\u001f back\\slash \u2028\u2029 en – dash, café, 👋",true,null,{"é":""}]"#)
        #expect(try JSONParser.parse(value.jsonText) == value)
        #expect(value.jsonBytes == Array(value.jsonText.utf8))
        #expect(JSONLine.text([("record", "entity"), ("id", .string("A\"1"))], ["z": .number("2"), "a": .null]) == #"{"record":"entity","id":"A\"1","z":2}"#)
    }

    @Test(arguments: [
        ("{\"a\":1,}", "expected a field name in quotes"), ("{\"a\":1 \"b\":2}", "expected ',' or '}'"),
        ("{\"a\":01}", "expected ',' or '}'"), ("{\"a\":tru}", "unexpected character"),
        ("{\"a\":1,\"a\":2}", "field \"a\" appears twice"), ("{\"a\":\"\\x\"}", "invalid escape in a string"),
        ("{\"a\":\"\\ud800\"}", "unpaired surrogate in a string"), ("{\"a\":1} x", "unexpected text after the JSON value"),
        ("[1,2", "unexpected end of line inside an array"), ("", "unexpected end of line"),
    ])
    func malformedTextIsRefusedWithAReason(text: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.column >= 1)
        }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }
}
