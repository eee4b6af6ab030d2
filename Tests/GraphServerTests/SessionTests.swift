import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

struct SessionTests {
    @Test func signInSetsAStrictHttpOnlySecureCookieAndEveryResponseIsNotCached() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                           body: ByteBuffer(string: #"{"username":"analyst","password":"\#(ServerFixture.password)"}"#))
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"), "\(cookie)")
            #expect(response.headers[.cacheControl] == "no-store")
            let wrong = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                        body: ByteBuffer(string: #"{"username":"analyst","password":"not it"}"#))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.cacheControl] == "no-store")
            #expect(wrong.json["error"] as? String == "the username or password is not right")
            let nobody = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                         body: ByteBuffer(string: #"{"username":"nobody","password":"not it"}"#))
            #expect(nobody.text == wrong.text, "a wrong username and a wrong password answer alike")
        }
    }

    @Test func eachSignInIsANewSessionAndSignOutEndsIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let first = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let second = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(first.cookie != second.cookie)
            #expect(try await first.get("/api/me").status == .ok)
            // Changing anything without the CSRF token is refused; with it, sign-out works.
            #expect(try await first.send(.delete, "/api/session", csrf: false).status == .forbidden)
            #expect(try await first.send(.delete, "/api/session").status == .noContent)
            #expect(try await first.get("/api/me").status == .unauthorized)
            #expect(try await second.get("/api/me").status == .ok)
        }
    }

    @Test func failedSignInsAreRateLimited() async throws {
        let fixture = try ServerFixture { $0.signInAttempts = 3 }
        try await fixture.application.test(.router) { client in
            for _ in 0..<3 {
                let response = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                               body: ByteBuffer(string: #"{"username":"auditor","password":"guess"}"#))
                #expect(response.status == .unauthorized)
            }
            let limited = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                          body: ByteBuffer(string: #"{"username":"auditor","password":"\#(ServerFixture.password)"}"#))
            #expect(limited.status == .tooManyRequests)
        }
    }

    @Test func idleAndAbsoluteTimeoutsEndSessions() async throws {
        let idle = try ServerFixture { $0.idleTimeout = 0.5 }
        try await idle.application.test(.router) { client in
            let session = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await session.get("/api/me").status == .ok)
            try await Task.sleep(for: .milliseconds(700))
            #expect(try await session.get("/api/me").status == .unauthorized)
        }
        let absolute = try ServerFixture { $0.absoluteTimeout = 0.8 }
        try await absolute.application.test(.router) { client in
            let session = try #require(try await SignedIn.signIn(client, as: "analyst"))
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(300))
                _ = try await session.get("/api/me")
            }
            #expect(try await session.get("/api/me").status == .unauthorized, "active, but past the absolute timeout")
        }
    }

    @Test func apiTokensWorkWithoutCookiesAndBadOnesAreRefused() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.services.accounts.issueToken(username: "analyst", name: "nightly script", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let ok = try await client.executeRequest(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(ok.status == .ok)
            let bad = try await client.executeRequest(uri: "/api/me", method: .get, headers: [.authorization: "Bearer nope"], body: nil)
            #expect(bad.status == .unauthorized)
        }
    }

    @Test func oversizedAndMalformedBodiesGetClearErrors() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let big = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                      body: ByteBuffer(string: String(repeating: "x", count: 20_000)))
            #expect(big.status == .contentTooLarge)
            let broken = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:], body: ByteBuffer(string: "{"))
            #expect(broken.status == .badRequest)
            #expect(broken.json["error"] as? String == "the request body must be a JSON object")
        }
    }
}
