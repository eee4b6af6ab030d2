import GraphCore
import HTTPTypes

/// Who is at the other end of a request: the client's address, whether it reached the
/// service over HTTPS, and the host it asked for.
///
/// The connected peer is the client, unless the peer is one of the configured trusted
/// proxies (``ServerConfiguration/trustedProxies``). Then `X-Forwarded-For` is read from
/// the right, past every trusted proxy, to the first address that is not one: the client.
/// Anything to the left of it was written by the client and is not believed. Such a peer's
/// `X-Forwarded-Proto` and `X-Forwarded-Host` are believed too. From any other peer the
/// three headers are ignored, so a client cannot choose its own address.
public struct RemoteClient: Sendable, Equatable {
    /// The client's IP address; nil when the connection has none (an in-process test).
    public let address: String?
    /// Whether the client reached the service over HTTPS (a trusted proxy said so).
    public let https: Bool
    /// The host and port the client asked for: a trusted proxy's `X-Forwarded-Host`, or
    /// the request's own `Host`.
    public let host: String?

    /// Makes a client from what is already known.
    public init(address: String?, https: Bool = false, host: String? = nil) {
        self.address = address
        self.https = https
        self.host = host
    }

    /// The service's own origin as this client sees it, `scheme://host[:port]` in lower
    /// case, without a default port; nil when the request named no host.
    public var origin: String? {
        host.map { RemoteClient.origin(scheme: https ? "https" : "http", host: $0) }
    }

    /// An origin written the one way: lower case, without the scheme's default port.
    static func origin(scheme: String, host: String) -> String {
        let scheme = scheme.lowercased()
        var host = host.lowercased()
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if host.hasSuffix(defaultPort) { host.removeLast(defaultPort.count) }
        return scheme + "://" + host
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!

    /// The client of a request.
    ///
    /// - Parameters:
    ///   - peer: the connected peer's address.
    ///   - headers: the request's headers.
    ///   - authority: the request's `Host`.
    ///   - trustedProxies: the proxies whose forwarding headers are believed, each already
    ///     written by ``normalised(_:)``.
    public static func resolve(peer: String?, headers: HTTPFields, authority: String?, trustedProxies: Set<String>) -> RemoteClient {
        let peer = peer.flatMap(normalised)
        guard let direct = peer, trustedProxies.contains(direct) else {
            return RemoteClient(address: peer, https: false, host: authority)
        }
        // Right to left: the nearest hop first. A hop that is not an address ends the walk
        // at the last trusted one, which is then all that is known.
        let hops = headers[values: forwardedFor].flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }
        var client = direct
        for hop in hops.reversed() {
            guard let address = normalised(hop) else { break }
            client = address
            if !trustedProxies.contains(address) { break }
        }
        let proto = first(headers[values: forwardedProto])?.lowercased()
        let host = first(headers[values: forwardedHost]) ?? authority
        return RemoteClient(address: client, https: proto == "https", host: host)
    }

    /// The leftmost of a header's comma-separated values: what the proxy nearest the client
    /// wrote.
    private static func first(_ values: [String]) -> String? {
        guard let value = values.first?.split(separator: ",").first.map({ String($0).trimmingWhitespace() }), !value.isEmpty else { return nil }
        return value
    }

    /// An IP address written the one way (IPv6 in lower case, an IPv4-mapped IPv6 address as
    /// IPv4, a port or brackets dropped); nil for anything that is not an address.
    public static func normalised(_ text: some StringProtocol) -> String? {
        var text = String(text).trimmingWhitespace().lowercased()
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1 {
            text = String(text.prefix { $0 != ":" })
        }
        if text.hasPrefix("::ffff:"), isIPv4(text.dropFirst(7)) { text.removeFirst(7) }
        if isIPv4(text) { return text }
        let hex = text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        return hex && text.count <= 45 && text.filter({ $0 == ":" }).count >= 2 ? text : nil
    }

    private static func isIPv4(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
    }
}
