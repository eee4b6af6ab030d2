import GraphServer
import HTTPTypes
import Testing

/// Working out the client from the peer and the forwarding headers, without a socket.
struct RemoteClientTests {
    static let proxies: Set<String> = ["10.0.0.1", "10.0.0.2", "::1"]

    static func resolve(peer: String?, _ headers: [(String, String)], authority: String? = "cegraph.local") -> RemoteClient {
        var fields = HTTPFields()
        for (name, value) in headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        return RemoteClient.resolve(peer: peer, headers: fields, authority: authority, trustedProxies: proxies)
    }

    @Test(arguments: [
        // An untrusted peer: every header ignored.
        ("192.0.2.5", [("X-Forwarded-For", "203.0.113.9")], "192.0.2.5"),
        // A trusted peer: the nearest address that is no proxy.
        ("10.0.0.1", [("X-Forwarded-For", "203.0.113.9")], "203.0.113.9"),
        ("10.0.0.1", [("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 10.0.0.2")], "203.0.113.9"),
        ("10.0.0.1", [("X-Forwarded-For", "198.51.100.1"), ("X-Forwarded-For", "203.0.113.9")], "203.0.113.9"),
        // A hop that is not an address ends the walk at the last trusted one.
        ("10.0.0.1", [("X-Forwarded-For", "203.0.113.9, garbage")], "10.0.0.1"),
        // Only proxies: the farthest of them.
        ("10.0.0.1", [("X-Forwarded-For", "10.0.0.2")], "10.0.0.2"),
        // No header: the proxy itself.
        ("10.0.0.1", [], "10.0.0.1"),
        // Written other ways: ports, brackets, IPv4 in IPv6, capitals.
        ("::ffff:10.0.0.1", [("X-Forwarded-For", "203.0.113.9:4711")], "203.0.113.9"),
        ("::1", [("X-Forwarded-For", "[2001:DB8::7]:443")], "2001:db8::7"),
    ])
    func theClientsAddress(peer: String, headers: [(String, String)], expected: String) {
        #expect(Self.resolve(peer: peer, headers).address == expected)
    }

    @Test func schemeAndHostComeFromATrustedProxyOnly() {
        let forwarded = [("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "CEGraph.Example")]
        let trusted = Self.resolve(peer: "10.0.0.1", forwarded)
        #expect(trusted.https && trusted.origin == "https://cegraph.example")
        let untrusted = Self.resolve(peer: "192.0.2.5", forwarded)
        #expect(!untrusted.https && untrusted.origin == "http://cegraph.local")
        #expect(Self.resolve(peer: nil, [], authority: "localhost:80").origin == "http://localhost")
        #expect(Self.resolve(peer: nil, [], authority: nil).origin == nil)
    }

    @Test func onlyAddressesAreAddresses() {
        #expect(RemoteClient.normalised("127.0.0.1") == "127.0.0.1")
        #expect(RemoteClient.normalised(" ::FFFF:127.0.0.1 ") == "127.0.0.1")
        for text in ["", "localhost", "256.0.0.1", "1.2.3", "unknown", "_hidden", "2001:db8::g"] {
            #expect(RemoteClient.normalised(text) == nil, "\(text)")
        }
    }
}
