import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Rendered maps are reused only while their data is unchanged, and every request for one
/// still writes its own disclosure row.
struct MapCacheTests {
    @Test func aKeptMapIsRedrawnOnceTheDataChangesAndEachViewIsAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let first = try await coordinator.get("/api/maps/CH1?audience=police")
            #expect(first.status == .ok)
            #expect(!first.text.contains("Newly Linked Adult"))
            let again = try await coordinator.get("/api/maps/CH1?audience=police")
            #expect(again.text == first.text, "the same data draws the same map")
            let entry = try await coordinator.send(.post, "/api/intel", json: """
                {"intel": {"id": "IN-CACHE", "date": "2026-03-01", "source_evaluation": "2", "intelligence_assessment": "B",
                           "handling_code": "P", "text": "Seen together."},
                 "entities": [{"id": "AD-CACHE", "kind": "adult", "name": "Newly Linked Adult", "area": "E08000012"}],
                 "links": [{"from": "AD-CACHE", "to": "CH1", "kind": "associates_with"}]}
                """)
            #expect(entry.status == .created, "\(entry.text)")
            let after = try await coordinator.get("/api/maps/CH1?audience=police")
            #expect(after.text.contains("Newly Linked Adult"), "a kept map must not outlive its data")
        }
        let disclosures = try fixture.store.auditEntries(limit: 50).filter { $0.operation == "disclosure" && $0.actor == "ccset_coordinator" }
        #expect(disclosures.count == 3, "one disclosure row per request, kept map or not")
    }
}
