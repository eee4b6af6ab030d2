import Testing
import GraphCore

/// Errors carry their kind, so the command line and the service answer them without
/// reading their words.
struct ErrorKindTests {
    struct Unclassified: Error {}

    @Test func inputErrorsAreInputAndSayWhere() {
        let error = InputError("\"Q\" is not valid", field: "intelligence_assessment", at: SourceLocation(file: "a.jsonl", line: 2))
        #expect(error.kind == .input)
        #expect(error.userMessage == "a.jsonl:2: field 'intelligence_assessment': \"Q\" is not valid")
        #expect(error.diagnostic == error.userMessage, "nothing more to log than to say")
    }

    @Test func jsonFailuresAreInputAndNameTheColumn() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("{\"a\":}") }
        do {
            _ = try JSONParser.parse("{\"a\":}")
        } catch {
            #expect(ErrorKind(of: error) == .input)
            #expect(error.userMessage.hasPrefix("column 6: "), "\(error.userMessage)")
        }
    }

    @Test func anErrorOfNoKindIsInternal() {
        #expect(ErrorKind(of: Unclassified()) == .internal)
        #expect(ErrorKind(of: InputError("x")) == .input)
    }

    @Test func theKindsAreTheFiveTheFrontEndsMap() {
        #expect(ErrorKind.allCases.map(\.rawValue) == ["input", "notFound", "conflict", "unavailable", "internal"])
    }
}
