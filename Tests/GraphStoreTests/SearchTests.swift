import Testing
import GraphCore
@testable import GraphStore

struct SearchTests {
    @Test(arguments: [
        ("ab01", []), ("zz01 aaa", ["V1"]), ("ZZ01AAA", ["V1"]), ("zz01", ["V1"]),
        ("07700 900123", ["P1"]), ("+447700900123", ["P1"]), ("07700900123", ["P1"]),
        ("@Night_Owl", ["H1"]), ("night_owl", ["H1"]), ("l1 1aa", ["L1"]), ("L11AA", ["L1"]),
        ("amber", ["C1"]), ("amb ott", ["C1"]), ("Otter", ["C1"]), ("heron", ["A1"]), ("Harbour Take", ["L1"]),
        ("rbour", ["L1"]), ("\"; DROP TABLE entity; --", []), ("*", []),
    ])
    func searchNormalisesTheQueryLikeTheData(text: String, expected: [String]) throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        #expect(try store.search(text, for: Fixture.viewer).map(\.id) == expected)
    }

    @Test func anExactKeyComesBeforeSimilarNames() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, """
            {"record":"entity","id":"C7","kind":"child","name":"Night Owl","aliases":["Night"]}
            {"record":"entity","id":"C8","kind":"child","name":"Night Owlet"}
            """)
        #expect(try store.search("@Night_Owl", for: Fixture.viewer).first?.id == "H1")
        #expect(try store.search("night owl", for: Fixture.viewer).first?.id == "C7")
    }

    @Test func searchFiltersByKindAndSaysWhatMatched() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, #"{"record":"entity","id":"A2","kind":"adult","name":"Slate Rook","aliases":["Amber"]}"#)
        #expect(try store.search("amber", kind: .adult, for: Fixture.viewer).map(\.id) == ["A2"])
        let hits = try store.search("amber", for: Fixture.viewer)
        #expect(hits.map(\.id) == ["C1", "A2"])
        #expect(hits.last?.matched == "aliases: Amber")
    }

    @Test func showFindsAnEntityByAnyIdAndNothingForAnUnknownOne() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        #expect(try store.entityDetail(id: "NOPE", for: Fixture.viewer) == nil)
        let adult = try #require(try store.entityDetail(id: "A1", for: Fixture.viewer))
        #expect(adult.links.count == 4)
        #expect(adult.about.map(\.id) == ["I1", "I2"])
        let drives = try #require(adult.links.first { $0.kind == .drives })
        #expect(drives.direction == "out" && drives.other.label == "ZZ01AAA")
        #expect(drives.intel.first?.grading == "1A C" && drives.intel.first?.handlingConditions == "Police only")
        #expect(adult.area?.name == "Sefton")
    }
}
