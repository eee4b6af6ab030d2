import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The service on a real socket: sign in, search, fetch a map, the OpenAPI document.
struct LiveServerTests {
    @Test func aLiveServerSignsInSearchesAndDrawsAMap() async throws {
        let fixture = try ServerFixture { $0.port = 0 }
        try await fixture.application.test(.live) { client in
            let health = try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil)
            #expect(health.status == .ok)
            let openAPI = try await client.executeRequest(uri: "/openapi.json", method: .get, headers: [:], body: nil)
            #expect(openAPI.json["openapi"] as? String == "3.1.0")
            #expect((openAPI.json["paths"] as? [String: Any])?["/api/maps/{id}"] != nil, "OpenAPITests checks every route")
            let session = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let search = try await session.send(.post, "/api/search", json: #"{"q": "visible"}"#)
            #expect(search.status == .ok && search.text.contains("CH1"))
            let map = try await session.get("/api/maps/CH1")
            #expect(map.status == .ok && map.headers[.contentType] == "image/svg+xml; charset=utf-8")
        }
    }
}
