import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Rendered maps and association answers are reused only while their data is unchanged,
/// and every request for one still writes its own audit row.
struct ResponseCacheTests {
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

    @Test func aKeptAssociationAnswerIsAuditedLikeAFreshOneAndEndsWithItsData() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let first = try await analyst.get("/api/associations/CH1?hops=2")
            let again = try await analyst.get("/api/associations/CH1?hops=2")
            #expect(first.status == .ok && again.text == first.text)
            let rows = try fixture.store.auditEntries(limit: 10).filter { $0.operation == "consultation" && $0.actor == "analyst" }
            #expect(rows.count == 2)
            #expect(rows.count == 2 && rows[0].records == rows[1].records, "the kept answer's row names the same query and records")
            #expect(rows.first?.records.contains(#""AD1""#) == true)
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let entry = try await coordinator.send(.post, "/api/intel", json: #"{"intel": {"id": "IN-CACHE2", "date": "2026-03-01", "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P", "text": "Seen together."}, "entities": [{"id": "AD-CACHE2", "kind": "adult", "name": "Another Linked Adult", "area": "E08000012"}], "links": [{"from": "AD-CACHE2", "to": "CH1", "kind": "associates_with"}]}"#)
            #expect(entry.status == .created)
            #expect(try await analyst.get("/api/associations/CH1?hops=2").text.contains("AD-CACHE2"))
        }
    }
}
