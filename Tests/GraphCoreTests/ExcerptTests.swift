import GraphCore
import Testing

/// A value an error quotes: whole up to 200 characters, else cut with its length said.
struct ExcerptTests {
    @Test func aShortValueIsQuotedWhole() {
        #expect(Excerpt("2026-13-01").description == #""2026-13-01""#)
        #expect(Excerpt("kind", quote: "'").description == "'kind'")
        #expect(Excerpt.bare("AD9").description == "AD9")
        #expect(Excerpt(String(repeating: "é", count: 200)).description.count == 202, "200 characters are not cut")
    }

    @Test func aLongValueIsCutAndItsLengthSaid() {
        let huge = String(repeating: "a", count: 4 << 20)
        let quoted = Excerpt(huge).description
        #expect(quoted == "\"" + String(repeating: "a", count: 200) + "…\" (4194304 characters)")
        #expect(Excerpt.bare(String(repeating: "👩‍👩‍👧", count: 201)).description.hasSuffix("👩‍👩‍👧… (201 characters)"),
                "cut between characters, never inside one")
    }

    @Test func aDecodedRecordQuotesAHugeFieldShortly() {
        let huge = String(repeating: "x", count: 4 << 20)
        #expect(throws: InputError.self) {
            try RecordDecoder.decode(["record": .string("entity"), "id": .string("E1"), "kind": .string(huge)], at: SourceLocation(file: "f", line: 1))
        }
        do {
            _ = try RecordDecoder.decode(["record": .string("entity"), "id": .string("E1"), "kind": .string(huge)], at: SourceLocation(file: "f", line: 1))
        } catch {
            #expect(error.description.count < 600 && error.description.contains("(4194304 characters)"), "\(error.description.prefix(300))")
        }
    }
}
