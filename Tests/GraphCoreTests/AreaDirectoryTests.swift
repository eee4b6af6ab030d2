import GraphCore
import Testing

/// Areas named as people know them: by name or code, in any case, refused by field when
/// no area or several answer.
struct AreaDirectoryTests {
    static let directory = AreaDirectory([
        .init(code: "E08000012", name: "Liverpool", isLocalAuthority: true),
        .init(code: "E08000011", name: "Knowsley", isLocalAuthority: true),
        .init(code: "E06000006", name: "Halton", isLocalAuthority: true),
        .init(code: "E07000127", name: "West Lancashire", isLocalAuthority: true),
        .init(code: "E08000010", name: "Wigan", isLocalAuthority: true),
        .init(code: "merseyside", name: "Merseyside Police", isLocalAuthority: false),
        .init(code: "lancashire", name: "Lancashire Constabulary", isLocalAuthority: false),
    ])

    @Test(arguments: [
        ("Liverpool", "E08000012"), ("liverpool", "E08000012"), ("  LIVERPOOL ", "E08000012"), ("E08000012", "E08000012"),
        ("e08000012", "E08000012"), ("west   lancashire", "E07000127"), ("Knows", "E08000011"),
        ("Merseyside Police", "merseyside"), ("merseyside", "merseyside"), ("Lanc", "lancashire"),
    ])
    func anAreaIsFoundByNameOrCode(_ text: String, _ code: String) throws {
        #expect(try Self.directory.code(for: text, field: "area") == code)
    }

    @Test func aForceIsNoLocalAuthority() throws {
        #expect(try Self.directory.code(for: "Lanc", field: "area", localAuthority: false) == "lancashire")
        let error = #expect(throws: InputError.self) { try Self.directory.code(for: "Merseyside Police", field: "lives_in", localAuthority: true) }
        #expect(error?.field == "lives_in" && error?.message.contains("no local authority") == true, "\(String(describing: error))")
    }

    @Test func anUnknownOrAmbiguousNameIsRefusedNamingTheField() throws {
        let unknown = #expect(throws: InputError.self) { try Self.directory.code(for: "Atlantis", field: "area") }
        #expect(unknown?.field == "area" && unknown?.message == #"no area is called or coded "Atlantis""#)
        // "W" starts West Lancashire and Wigan: both are named, neither chosen.
        let ambiguous = #expect(throws: InputError.self) { try Self.directory.code(for: "w", field: "placed_by") }
        #expect(ambiguous?.field == "placed_by" && ambiguous?.message.contains("West Lancashire (E07000127)") == true
                && ambiguous?.message.contains("Wigan (E08000010)") == true, "\(String(describing: ambiguous))")
        #expect(throws: InputError.self) { try Self.directory.code(for: "  ", field: "area") }
    }

    @Test func namesAreShownWithTheCodeSecond() {
        #expect(Self.directory.name("E08000012") == "Liverpool" && Self.directory.name("E99") == "E99")
        #expect(Self.directory.area(code: "merseyside")?.label == "Merseyside Police (merseyside)")
    }
}
