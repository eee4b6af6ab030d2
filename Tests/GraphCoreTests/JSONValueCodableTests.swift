import Foundation
import GraphCore
import Testing

struct JSONValueCodableTests {
    @Test func aValueEncodesAndDecodesAsTheJSONItIs() throws {
        let text = #"{"a":[1,-2,2.5,true,false,null,"x \"y\" \/ \u2028"],"b":{"c":{}},"d":[],"e":"é"}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONValue(encoding: value) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
        #expect(try JSONValue(encoding: value).jsonText == value.jsonText)
    }

    @Test func anEncodableValueBecomesTheJSONValueOfItsJSON() throws {
        struct Record: Encodable { let name: String; let count: Int; let note: String?; let flags: [Bool] }
        let value = try JSONValue(encoding: Record(name: "a/b", count: 3, note: nil, flags: [true]))
        #expect(value == .object(["name": .string("a/b"), "count": .number("3"), "flags": .array([.bool(true)])]),
                "synthesised encoding leaves out nil: the typed records write null themselves")
    }
}
