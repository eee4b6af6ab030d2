import CaseWorkflow
import Foundation
import GraphCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A child placed in an authority from another comes within that authority's need-to-know
/// while the placement lasts (issue 19; docs/ROLES.md), and leaves it when it ends: the
/// server reads the placed children once per request (``Access/placedChildren``).
struct PlacedChildTests {
    @Test func seftonsCoordinatorKnowsALiverpoolChildOnlyWhileTheyArePlacedInSefton() async throws {
        let fixture = try ServerFixture()
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let workflow = fixture.services.workflow, viewer = ServerFixture.viewer
        try await fixture.application.test(.router) { client in
            let sefton = try #require(try await SignedIn.signIn(client, as: "sefton_coordinator"))
            let wirral = try #require(try await SignedIn.signIn(client, as: "wirral_member"))
            #expect(try await sefton.get("/api/entities/CH2").status == .notFound)
            let placed = try workflow.recordPlacement(PlacementInput(
                child: "CH2", livesIn: "E08000014", kind: .childrensHome, placement: "A children's home",
                startedOn: .today.adding(days: -3)), on: .today.adding(days: -3), by: viewer)
            #expect(try await sefton.get("/api/entities/CH2").status == .ok)
            let found = try await sefton.send(.post, "/api/search", json: #"{"q": "Hidden"}"#)
            #expect(found.status == .ok && found.text.contains("CH2"), "search finds the placed child: \(found.text)")
            let placements = try await sefton.get("/api/placements?child=CH2")
            #expect(placements.status == .ok && placements.text.contains(placed.ref))
            // Sefton's task to tell Liverpool's home social worker names the child.
            let log = try await sefton.get("/api/notifications")
            #expect(log.status == .ok && log.text.contains("CH2"), "\(log.text)")
            // Another scope learns nothing.
            #expect(try await wirral.get("/api/entities/CH2").status == .notFound)
            // The placement ends: the child leaves Sefton's need-to-know; the task stays, naming "a child".
            _ = try workflow.recordPlacement(PlacementInput(child: "CH2", ref: placed.ref, endedOn: .today.adding(days: -1)),
                                             on: .today, by: viewer)
            #expect(try await sefton.get("/api/entities/CH2").status == .notFound)
            #expect(!(try await sefton.send(.post, "/api/search", json: #"{"q": "Hidden"}"#).text.contains("CH2")))
            let after = try await sefton.get("/api/notifications")
            #expect(after.status == .ok && !after.text.contains("CH2") && after.text.contains("a child placed"), "\(after.text)")
        }
    }
}
