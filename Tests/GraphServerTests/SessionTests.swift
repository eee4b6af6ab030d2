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

    @Test func aSignInPostedFromAnotherSiteLeavesTheSessionAlone() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let session = try #require(try await SignedIn.signIn(client, as: "analyst"))
            for path in ["/sign-in", "/api/session"] {
                let forged = try await client.executeRequest(uri: path, method: .post, headers: [
                    .cookie: session.cookie, HTTPField.Name("Sec-Fetch-Site")!: "cross-site", .contentType: "application/x-www-form-urlencoded",
                ], body: ByteBuffer(string: "username=auditor&password=x"))
                #expect(forged.status == .forbidden, "\(path): \(forged.status)")
                #expect(try await session.get("/api/me").status == .ok, "\(path) ended the session")
            }
        }
    }

    @Test func wrongPasswordsInParallelCannotPassTheLimit() async throws {
        let fixture = try ServerFixture { $0.signInAttempts = 3 }
        try await fixture.application.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<12 {
                    group.addTask {
                        try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                        body: ByteBuffer(string: #"{"username":"auditor","password":"guess \#(attempt)"}"#)).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 3, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 9, "\(statuses)")
        }
    }

    /// The timeouts, on a clock the test controls: 30 minutes idle, 8 hours in all.
    @Test func idleAndAbsoluteTimeoutsEndSessions() throws {
        let fixture = try ServerFixture()
        let accounts = fixture.services.accounts
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let idle = try #require(try accounts.signIn(username: "analyst", password: ServerFixture.password, now: start))
        #expect(try accounts.session(token: idle.token, now: start.addingTimeInterval(29 * 60)) != nil)
        #expect(try accounts.session(token: idle.token, now: start.addingTimeInterval(29 * 60 + 31 * 60)) == nil, "idle for 31 minutes")
        #expect(try accounts.session(token: idle.token, now: start.addingTimeInterval(29 * 60 + 32 * 60)) == nil, "ended, not revived")

        let busy = try #require(try accounts.signIn(username: "analyst", password: ServerFixture.password, now: start))
        var now = start
        for _ in 0..<23 {
            now = now.addingTimeInterval(20 * 60)
            #expect(try accounts.session(token: busy.token, now: now) != nil, "active at \(now.timeIntervalSince(start) / 60) minutes")
        }
        now = start.addingTimeInterval(8 * 60 * 60 + 60)
        #expect(try accounts.session(token: busy.token, now: now) == nil, "active, but past the absolute timeout")
    }

    /// The same through HTTP: a session idle past its timeout is signed out.
    @Test func anIdleSessionIsSignedOutOverHTTP() async throws {
        let fixture = try ServerFixture { $0.idleTimeout = 1 }
        try await fixture.application.test(.router) { client in
            let session = try #require(try await SignedIn.signIn(client, as: "analyst"))
            try await Task.sleep(for: .milliseconds(1_500))
            #expect(try await session.get("/api/me").status == .unauthorized)
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

    @Test func aRevokedTokenOrDisabledAccountStopsWorkingWithinTheCacheTime() async throws {
        let fixture = try ServerFixture { $0.tokenCacheSeconds = 0.3 }
        let accounts = fixture.services.accounts
        let nightly = try accounts.issueToken(username: "analyst", name: "nightly", by: ServerFixture.viewer)
        let weekly = try accounts.issueToken(username: "analyst", name: "weekly", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            func status(_ token: String) async throws -> HTTPResponse.Status {
                try await client.executeRequest(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil).status
            }
            let (first, second) = (try await status(nightly), try await status(weekly))
            #expect(first == .ok && second == .ok)
            // Revoked from another process (a second AccountStore, as `cegraph account revoke` is).
            let cli = AccountStore(store: fixture.store, configuration: ServerConfiguration())
            #expect(try cli.revokeTokens(username: "analyst", name: "nightly", by: ServerFixture.viewer) == 1)
            try await Task.sleep(for: .milliseconds(400))
            let (revoked, kept) = (try await status(nightly), try await status(weekly))
            #expect(revoked == .unauthorized && kept == .ok)

            let session = try #require(try await SignedIn.signIn(client, as: "analyst"))
            try cli.setDisabled(username: "analyst", true, by: ServerFixture.viewer)
            #expect(try await session.get("/api/me").status == .unauthorized, "the session should end at once")
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await status(weekly) == .unauthorized)
            let refused = try await SignedIn.signIn(client, as: "analyst")
            #expect(refused == nil)
            try cli.setDisabled(username: "analyst", false, by: ServerFixture.viewer)
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await status(weekly) == .unauthorized, "disabling revoked it; enabling brings it back no more")
            #expect(try cli.revokeTokens(username: "analyst", name: nil, by: ServerFixture.viewer) == 0)
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
