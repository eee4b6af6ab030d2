import Testing
import GraphCore
import GraphStore
@testable import GraphQuery

/// A query's errors say their kind: an id that names no entity is not found; anything else
/// asked wrongly is bad input.
struct QueryErrorTests {
    @Test func anUnknownIdIsNotFoundAndABadParameterIsInput() throws {
        let engine = try QueryFixture.engine([QueryFixture.child("CH1")])
        let unknown = #expect(throws: QueryError.self) {
            try engine.associations(of: "NOPE", hops: 1, filter: QueryFilter(), viewer: QueryFixture.viewer)
        }
        #expect(unknown?.kind == .notFound && unknown?.userMessage == "no entity has the id NOPE")
        let hops = #expect(throws: QueryError.self) {
            try engine.associations(of: "CH1", hops: 9, filter: QueryFilter(), viewer: QueryFixture.viewer)
        }
        #expect(hops?.kind == .input)
        #expect(ErrorKind(of: QueryError("--window must be 0 or more hours, not -1")) == .input)
    }
}
