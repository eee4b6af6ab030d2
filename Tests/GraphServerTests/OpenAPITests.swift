import Foundation
import GraphServer
import Hummingbird
import HummingbirdTesting
import Testing

/// docs/openapi.json against the router itself: every API route is described, and every
/// described operation is served.
struct OpenAPITests {
    /// `/api/cases/{ref}` and `/api/cases/{id}` alike.
    static func shape(_ path: String) -> String {
        path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }

    @Test func everyAPIRouteIsDescribedAndEveryDescribedRouteServed() async throws {
        let fixture = try ServerFixture()
        let router = buildRouter(services: fixture.services)
        let served = Set(router.routes.map { "\($0.method.rawValue.lowercased()) \(Self.shape($0.path.description))" }
            .filter { $0.contains(" /api/") || $0.hasSuffix(" /openapi.json") || $0.hasSuffix(" /healthz") })
        try await fixture.application.test(.router) { client in
            let document = try await client.executeRequest(uri: "/openapi.json", method: .get, headers: [:], body: nil).json
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, operations in
                operations.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }.map { "\($0) \(Self.shape(path))" }
            })
            #expect(served.count > 60, "the router lists its routes: \(served.count)")
            for missing in served.subtracting(described).sorted() { Issue.record("\(missing) is served but not in docs/openapi.json") }
            for extra in described.subtracting(served).sorted() { Issue.record("\(extra) is in docs/openapi.json but not served") }
        }
    }
}
