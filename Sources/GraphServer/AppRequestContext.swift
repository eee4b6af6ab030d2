import Hummingbird

/// The request context: Hummingbird's core storage plus who is asking.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected client's address, for rate-limiting sign-ins (nil in in-process tests).
    public let remoteIP: String?
    /// The signed-in account (by session cookie or API token), nil when signed out.
    public var account: Account?
    /// The session, when the request came with a session cookie.
    public var session: AccountStore.ResolvedSession?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteIP = source.channel.remoteAddress?.ipAddress
    }

    /// The account, if its role is one of `roles`.
    ///
    /// - Throws: ``ServerError`` 401 when signed out, 403 when the role may not.
    public func require(_ roles: Set<Role>) throws -> Account {
        guard let account else { throw ServerError.signInNeeded }
        guard roles.contains(account.role) else { throw ServerError.forbidden }
        return account
    }
}
