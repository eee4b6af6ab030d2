import GraphCore
import Hummingbird

/// The request context: Hummingbird's core storage plus who is asking.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer's address (nil in in-process tests): the client, or a proxy.
    public let remoteIP: String?
    /// The client behind the connection, through a trusted proxy (``ClientMiddleware``):
    /// its address counts its sign-ins, its scheme and host make the service's origin.
    public var client: RemoteClient
    /// The signed-in account (by session cookie or API token), nil when signed out.
    public var account: Account?
    /// The session, when the request came with a session cookie.
    public var session: AccountStore.ResolvedSession?
    /// The reason an API-token request gave in `X-Justification` (a session keeps its own).
    public var tokenReason: String?
    /// The confirmation of the form saved just before this page (``SavedNotice``).
    var savedNotice: SavedNotice?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteIP = source.channel.remoteAddress?.ipAddress
        client = RemoteClient(address: remoteIP)
    }

    /// The account, if its role holds `permission` (``Role/permissions``, the one table).
    ///
    /// - Throws: ``ServerError`` 401 when signed out, 403 when the role may not.
    public func require(_ permission: Permission) throws -> Account {
        let account = try requireSignedIn()
        guard account.role.may(permission) else { throw ServerError.forbidden }
        return account
    }

    /// The account, whatever its role.
    ///
    /// - Throws: ``ServerError`` 401 when signed out.
    public func requireSignedIn() throws -> Account {
        guard let account else { throw ServerError.signInNeeded }
        return account
    }

    /// The reason given for viewing personal data: once per session (the session keeps it),
    /// or on each API-token request in `X-Justification`.
    public var reason: String? { session?.justification ?? tokenReason }

    /// The account, if its role holds `permission` and a reason for sensitive views has been
    /// given. Every view of a person's details, links, map, case or panel calls this.
    ///
    /// - Throws: ``ServerError`` 401, 403, or 428 (``ServerError/reasonNeeded``) when no
    ///   reason has been given yet; the pages answer 428 with the reason form.
    public func requireSensitive(_ permission: Permission) throws -> Account {
        let account = try require(permission)
        guard reason != nil else { throw ServerError.reasonNeeded }
        return account
    }
}
