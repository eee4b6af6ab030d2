import Hummingbird

/// Works out who the client is (``RemoteClient``): the connected peer, or, when the peer is
/// a trusted proxy, the client it forwards for. Everything after it reads `context.client`.
struct ClientMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The trusted proxies' addresses, written as ``RemoteClient/normalised(_:)`` writes them.
    let trustedProxies: Set<String>

    /// - Parameter trustedProxies: the proxies' addresses as configured; one that is not an
    ///   address is left out.
    init(trustedProxies: [String]) {
        self.trustedProxies = Set(trustedProxies.compactMap(RemoteClient.normalised))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.client = RemoteClient.resolve(peer: context.remoteIP, headers: request.headers, authority: request.head.authority,
                                              trustedProxies: trustedProxies)
        return try await next(request, context)
    }
}
