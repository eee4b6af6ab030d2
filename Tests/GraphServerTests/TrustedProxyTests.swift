import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// On a real socket (the peer is 127.0.0.1): `X-Forwarded-For` names the client only when
/// the peer is a configured trusted proxy, and so do `X-Forwarded-Proto` (HSTS) and
/// `X-Forwarded-Host` (the service's own origin).
struct TrustedProxyTests {
    static let loopback = ["127.0.0.1", "::1"]
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    @Test func aTrustedProxysForwardedForIsTheClientsAddress() async throws {
        let fixture = try ServerFixture {
            $0.port = 0
            $0.signInAttempts = 2
            $0.trustedProxies = TrustedProxyTests.loopback
        }
        try await fixture.application.test(.live) { client throws in
            // A client writing its own X-Forwarded-For: the proxy appends the address it saw,
            // and that last one, not the one the client wrote, is the client.
            let guesser: HTTPFields = [Self.forwardedFor: "198.51.100.7, 203.0.113.1"]
            for _ in 0..<2 { #expect(try await SignInTests.attempt(client, "analyst", "a guess", headers: guesser).status == .unauthorized) }
            #expect(try await SignInTests.attempt(client, "analyst", ServerFixture.password, headers: guesser).status == .tooManyRequests)
            let spoofing: HTTPFields = [Self.forwardedFor: "203.0.113.2, 203.0.113.1"]
            #expect(try await SignInTests.attempt(client, "analyst", ServerFixture.password, headers: spoofing).status == .tooManyRequests,
                    "what the client wrote before the proxy's entry is not believed")
            let colleague: HTTPFields = [Self.forwardedFor: "203.0.113.2"]
            #expect(try await SignInTests.attempt(client, "analyst", ServerFixture.password, headers: colleague).status == .ok,
                    "the same account from another address behind the proxy")
        }
    }

    @Test func forwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() async throws {
        let fixture = try ServerFixture {
            $0.port = 0
            $0.signInAttempts = 2
        }
        try await fixture.application.test(.live) { client throws in
            for index in 0..<2 {
                let spoofed: HTTPFields = [Self.forwardedFor: "203.0.113.\(index + 10)"]
                #expect(try await SignInTests.attempt(client, "analyst", "a guess", headers: spoofed).status == .unauthorized)
            }
            let spoofed: HTTPFields = [Self.forwardedFor: "203.0.113.99"]
            #expect(try await SignInTests.attempt(client, "analyst", ServerFixture.password, headers: spoofed).status == .tooManyRequests,
                    "a spoofed X-Forwarded-For did not change the address")
        }
    }

    @Test func strictTransportSecurityOnlyWhenATrustedProxySaysHTTPS() async throws {
        for trusted in [true, false] {
            let fixture = try ServerFixture {
                $0.port = 0
                $0.trustedProxies = trusted ? TrustedProxyTests.loopback : []
            }
            try await fixture.application.test(.live) { client in
                let https = try await client.executeRequest(uri: "/sign-in", method: .get, headers: [Self.forwardedProto: "https"], body: nil)
                #expect((https.headers[.strictTransportSecurity] == "max-age=31536000") == trusted, "trusted: \(trusted)")
                let plain = try await client.executeRequest(uri: "/api/me", method: .get, headers: [Self.forwardedProto: "http"], body: nil)
                #expect(plain.headers[.strictTransportSecurity] == nil)
                #expect(plain.status == .unauthorized)
                // Behind the proxy, the service's origin is https:// and the host the proxy names.
                let origin: HTTPFields = [HTTPField.Name("Origin")!: "https://cegraph.example", Self.forwardedProto: "https",
                                          HTTPField.Name("X-Forwarded-Host")!: "cegraph.example"]
                let signIn = try await SignInTests.attempt(client, "analyst", ServerFixture.password, headers: origin)
                #expect(signIn.status == (trusted ? .ok : .forbidden), "trusted: \(trusted): \(signIn.status)")
            }
        }
    }
}
