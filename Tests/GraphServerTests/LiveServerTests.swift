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
            let paths = (openAPI.json["paths"] as? [String: Any])?.keys.sorted() ?? []
            for route in AccessMatrixTests.routes {
                let path = String(route.visible.split(separator: "?").first!)
                let templated = path.replacingOccurrences(of: "CH1", with: "{id}").replacingOccurrences(of: "IN1", with: "{id}").replacingOccurrences(of: "CASE-000001", with: "{ref}")
                    .replacingOccurrences(of: "PANEL-000001", with: "{ref}").replacingOccurrences(of: "MARTHR-000001", with: "{ref}")
                    .replacingOccurrences(of: "referrals_by_agency.svg", with: "{name}")
                #expect(paths.contains(templated), "\(templated) is not in docs/openapi.json")
            }
            for (method, uri, _, _) in WorkflowWriteTests.writes {
                let templated = uri.replacingOccurrences(of: "CASE-000001", with: "{ref}").replacingOccurrences(of: "PANEL-000001", with: "{ref}")
                    .replacingOccurrences(of: "MARTHR-000001", with: "{ref}").replacingOccurrences(of: "ACT-000001", with: "{ref}")
                    .replacingOccurrences(of: "DISR-000001", with: "{ref}").replacingOccurrences(of: "AD1", with: "{ref}")
                let operations = (openAPI.json["paths"] as? [String: Any])?[templated] as? [String: Any]
                #expect(operations?[method.rawValue.lowercased()] != nil, "\(method) \(templated) is not in docs/openapi.json")
            }
            let session = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let search = try await session.get("/api/search?q=visible")
            #expect(search.status == .ok && search.text.contains("CH1"))
            let map = try await session.get("/api/maps/CH1")
            #expect(map.status == .ok && map.headers[.contentType] == "image/svg+xml; charset=utf-8")
        }
    }
}
