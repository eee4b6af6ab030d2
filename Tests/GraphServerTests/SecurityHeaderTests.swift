import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The Content-Security-Policy on every answer (pages, the API, errors, static files) forbids
/// framing, foreign form targets, `<base>` and inline style; and no page needs inline style.
struct SecurityHeaderTests {
    static func directives(_ policy: String?) -> [String: String] {
        var directives: [String: String] = [:]
        for part in (policy ?? "").split(separator: ";") {
            let words = part.split(separator: " ", maxSplits: 1).map(String.init)
            if let name = words.first { directives[name] = words.count > 1 ? words[1] : "" }
        }
        return directives
    }

    @Test func everyAnswerForbidsFramingForeignFormsBaseAndInlineStyle() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            var answers: [(String, TestResponse)] = []
            for uri in ["/search", "/entities/CH1", "/entities/CH404", "/maps/CH1", "/static/cegraph.css", "/api/me",
                        "/api/entities/CH404", "/api/maps/CH1", "/no-such-page"] {
                answers.append((uri, try await analyst.get(uri)))
            }
            answers.append(("/sign-in signed out", try await client.executeRequest(uri: "/sign-in", method: .get, headers: [:], body: nil)))
            answers.append(("/api/me signed out", try await client.executeRequest(uri: "/api/me", method: .get, headers: [:], body: nil)))
            for (uri, response) in answers {
                let policy = Self.directives(response.headers[.contentSecurityPolicy])
                #expect(policy["default-src"] == "'self'", "\(uri)")
                #expect(policy["frame-ancestors"] == "'none'", "\(uri)")
                #expect(policy["form-action"] == "'self'", "\(uri)")
                #expect(policy["base-uri"] == "'none'", "\(uri)")
                #expect(policy["style-src"] == "'self'", "\(uri): no 'unsafe-inline'")
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe") == false, "\(uri)")
                #expect(response.headers[.strictTransportSecurity] == nil, "\(uri): plain HTTP, no proxy")
            }
        }
    }

    /// Every role's pages, and the map's SVG that `map.js` puts into a page, hold no inline
    /// style the policy would block.
    @Test func noPageHoldsInlineStyle() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let admin = try #require(try await SignedIn.signIn(client, as: "admin"))
            let auditor = try #require(try await SignedIn.signIn(client, as: "auditor"))
            let pages: [(SignedIn, String)] = [
                (coordinator, "/search"), (coordinator, "/entities/CH1"), (coordinator, "/maps/CH1"), (coordinator, "/intel/new"),
                (coordinator, "/intel/IN1"), (coordinator, "/cases"), (coordinator, "/cases/CASE-000001"), (coordinator, "/panels"),
                (coordinator, "/referrals"), (coordinator, "/marthr"), (coordinator, "/alerts"), (coordinator, "/flags/AD1"),
                (coordinator, "/paths?from=CH1&to=AD1"), (coordinator, "/networks"), (coordinator, "/reports/quarterly"),
                (coordinator, "/settings"), (admin, "/accounts"), (admin, "/accounts/analyst"), (auditor, "/audit"),
                (coordinator, "/api/maps/CH1"),
            ]
            for (session, uri) in pages {
                let response = try await session.get(uri)
                #expect(response.status == .ok, "\(uri): \(response.status)")
                let text = response.text.lowercased()
                #expect(!text.contains(" style=") && !text.contains("<style"), "\(uri) holds inline style")
            }
            let signIn = try await client.executeRequest(uri: "/sign-in", method: .get, headers: [:], body: nil)
            #expect(!signIn.text.contains(" style=") && !signIn.text.contains("<style"))
        }
    }
}
