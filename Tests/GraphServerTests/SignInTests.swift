import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Sign-in under attack, through HTTP: a locked account leaves the others alone, a known
/// browser passes the lock, the client's address comes from a trusted proxy only, failures
/// wait longer, another site's page cannot sign in, and the decoy hash is made at start.
struct SignInTests {
    static func attempt(_ client: any TestClientProtocol, _ username: String, _ password: String,
                        headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.executeRequest(uri: "/api/session", method: .post, headers: headers,
                                               body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)"}"#))
    }

    /// The `cegraph_device` cookie a sign-in set, as a `Cookie` header's value.
    static func deviceCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("cegraph_device=") }?.split(separator: ";").first.map(String.init)
    }

    @Test func aLockedAccountDoesNotLockOutAnotherAccountFromTheSameAddress() async throws {
        let fixture = try ServerFixture { $0.signInAttempts = 3 }
        try await fixture.application.test(.router) { client in
            for _ in 0..<3 { #expect(try await Self.attempt(client, "analyst", "a guess").status == .unauthorized) }
            let locked = try await Self.attempt(client, "analyst", ServerFixture.password)
            #expect(locked.status == .tooManyRequests)
            let wait = try #require(locked.headers[.retryAfter].flatMap { Int($0) })
            #expect(wait > 0 && wait <= 15 * 60, "Retry-After \(wait)")
            // Everyone else behind the same address signs in as ever.
            #expect(try await Self.attempt(client, "auditor", ServerFixture.password).status == .ok)
            #expect(try await SignedIn.signIn(client, as: "ccset_coordinator") != nil)
        }
    }

    @Test func aBrowserThatSignedInBeforeIsNotLockedOutByAGuesser() async throws {
        let fixture = try ServerFixture { $0.signInAttempts = 3 }
        try await fixture.application.test(.router) { client in
            let first = try await Self.attempt(client, "analyst", ServerFixture.password)
            let device = try #require(Self.deviceCookie(first))
            #expect(first.headers[values: .setCookie].first?.hasPrefix("cegraph_session=") == true, "the session's cookie comes first")
            #expect(first.headers[values: .setCookie].last?.contains("HttpOnly") == true)
            for _ in 0..<3 { _ = try await Self.attempt(client, "analyst", "a guess") }
            #expect(try await Self.attempt(client, "analyst", ServerFixture.password).status == .tooManyRequests)
            let known = try await Self.attempt(client, "analyst", ServerFixture.password, headers: [.cookie: device])
            #expect(known.status == .ok, "\(known.text)")
            // The token names the analyst: with another account's name it counts for nothing.
            for _ in 0..<3 { _ = try await Self.attempt(client, "auditor", "a guess") }
            #expect(try await Self.attempt(client, "auditor", ServerFixture.password, headers: [.cookie: device]).status == .tooManyRequests)
        }
    }

    @Test func failuresWaitLongerEachTime() async throws {
        let fixture = try ServerFixture {
            $0.signInAttempts = 4
            $0.signInDelay = 0.2
        }
        try await fixture.application.test(.router) { client throws in
            var times: [Duration] = []
            for _ in 0..<4 {
                let started = ContinuousClock.now
                #expect(try await Self.attempt(client, "analyst", "a guess").status == .unauthorized)
                times.append(ContinuousClock.now - started)
            }
            // No wait at first, then 0.2, 0.4 and 0.8 seconds (at least: a wait is never shorter).
            #expect(times[1] >= .milliseconds(200) && times[2] >= .milliseconds(400) && times[3] >= .milliseconds(800), "\(times)")
            #expect(try await Self.attempt(client, "analyst", ServerFixture.password).status == .tooManyRequests)
        }
    }

    @Test func aForeignOriginIsRefusedWithoutSecFetchSiteAndTheServicesOwnIsNot() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let origin = HTTPField.Name("Origin")!
            // The in-process client asks for host "localhost" over plain HTTP.
            for foreign in ["https://attacker.example", "http://localhost.attacker.example", "null", "https://localhost", "http://localhost:8443"] {
                let api = try await Self.attempt(client, "analyst", ServerFixture.password, headers: [origin: foreign])
                #expect(api.status == .forbidden && api.headers[.setCookie] == nil, "\(foreign): \(api.status)")
                let form = try await client.executeRequest(uri: "/sign-in", method: .post, headers: [
                    .contentType: "application/x-www-form-urlencoded", origin: foreign,
                ], body: ByteBuffer(string: "username=analyst&password=\(ServerFixture.password.replacingOccurrences(of: " ", with: "+"))"))
                #expect(form.status == .forbidden && form.headers[.setCookie] == nil, "\(foreign): \(form.status)")
            }
            for own in ["http://localhost", "HTTP://LOCALHOST:80"] {
                #expect(try await Self.attempt(client, "analyst", ServerFixture.password, headers: [origin: own]).status == .ok, "\(own)")
            }
            let both = try await Self.attempt(client, "analyst", ServerFixture.password, headers: [
                origin: "http://localhost", HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
            ])
            #expect(both.status == .ok)
        }
    }

    @Test func aForeignOriginCannotEndTheSessionABrowserHas() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let session = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let forged = try await Self.attempt(client, "auditor", "x", headers: [.cookie: session.cookie,
                                                                                   HTTPField.Name("Origin")!: "https://attacker.example"])
            #expect(forged.status == .forbidden)
            #expect(try await session.get("/api/me").status == .ok)
        }
    }

    @Test func theDecoyHashIsMadeWhenTheServiceStarts() throws {
        let fixture = try ServerFixture()
        #expect(fixture.services.accounts.decoyIsPrepared, "made by Services.init, before any sign-in")
        let commandLine = AccountStore(store: fixture.store, configuration: ServerConfiguration())
        #expect(!commandLine.decoyIsPrepared, "the command line, which signs nobody in, does not pay for it")
        #expect(try commandLine.signIn(username: "nobody", password: "a guess") == nil)
        #expect(commandLine.decoyIsPrepared)
    }

    @Test func disablingAnAccountRevokesItsTokensForGood() async throws {
        let fixture = try ServerFixture()
        let accounts = fixture.services.accounts
        let token = try accounts.issueToken(username: "analyst", name: "nightly", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            func status() async throws -> HTTPResponse.Status {
                try await client.executeRequest(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil).status
            }
            #expect(try await status() == .ok)
            try accounts.setDisabled(username: "analyst", true, by: ServerFixture.viewer)
            #expect(try await status() == .unauthorized, "at once in this process")
            try accounts.setDisabled(username: "analyst", false, by: ServerFixture.viewer)
            #expect(try await status() == .unauthorized, "enabling the account brings no token back")
            #expect(try accounts.revokeTokens(username: "analyst", name: nil, by: ServerFixture.viewer) == 0, "none left live")
            #expect(try await SignedIn.signIn(client, as: "analyst") != nil, "the account itself works again")
            let fresh = try accounts.issueToken(username: "analyst", name: "nightly again", by: ServerFixture.viewer)
            let again = try await client.executeRequest(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(fresh)"], body: nil)
            #expect(again.status == .ok)
        }
    }
}
