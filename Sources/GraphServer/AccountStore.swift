import Foundation
import GraphCore
import GraphStore
import HummingbirdBcrypt

/// Accounts, sessions and API tokens, kept in the store (`schema/0005_accounts.sql`).
///
/// Passwords are bcrypt hashes (hummingbird-auth's `Bcrypt`); session and API tokens are
/// random 256-bit values given to the client once and kept only as SHA-256 digests.
public struct AccountStore: Sendable {
    public let store: Store
    public let configuration: ServerConfiguration
    private let tokens: TokenCache

    public init(store: Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        tokens = TokenCache(ttl: configuration.tokenCacheSeconds)
    }

    /// A started session: the cookie value and the CSRF token the client must echo.
    public struct Session: Sendable {
        public let token: String
        public let csrfToken: String
        public let account: Account
    }

    /// A session found from its cookie.
    public struct ResolvedSession: Sendable {
        public let account: Account
        public let csrfToken: String
        public let digest: String
        /// The reason given for sensitive views in this session, once given.
        public let justification: String?
    }

    // MARK: - Accounts

    /// Creates an account.
    ///
    /// - Parameters:
    ///   - panelAreas: for a panel member, the local authorities whose panels they sit on.
    /// - Throws: ``ServerError`` for a short password or an unknown area; `StoreError` for a
    ///   username already taken.
    @discardableResult
    public func create(username: String, displayName: String, role: Role, password: String, panelAreas: [String] = [],
                       by viewer: Viewer) throws -> Int64 {
        guard password.count >= 12 else { throw ServerError(.badRequest, "a password needs at least 12 characters") }
        let hash = Bcrypt.hash(password, cost: configuration.bcryptCost)
        return try store.transaction { tx in
            let id = try tx.execute("server/account.insert", [
                "username": .text(username.lowercased()), "display_name": .text(displayName), "role": .text(role.rawValue),
                "password_hash": .text(hash),
            ])
            for area in panelAreas {
                try tx.execute("server/account.add_panel", ["account": .integer(id), "area": .text(area)])
            }
            try tx.audit(.collection, by: viewer, records: .object([
                "account": .string(username.lowercased()), "role": .string(role.rawValue),
                "panels": .array(panelAreas.map { .string($0) }),
            ]))
            return id
        }
    }

    /// The accounts, for `cegraph account list`.
    public func list() throws -> [StoredRow] {
        try store.reading { tx in try tx.rows("server/account.list") }
    }

    func account(id: Int64, in tx: StoreTransaction) throws -> Account? {
        guard let row = try tx.row("server/account.by_id", ["id": .integer(id)]), row.bool("disabled") == false,
              let role = Role(rawValue: row.string("role")) else { return nil }
        let panels = try tx.rows("server/account.panels", ["account": .integer(id)]).map { $0.string("area") }
        return Account(id: id, username: row.string("username"), displayName: row.string("display_name"), role: role, panelAreas: panels)
    }

    // MARK: - Sessions

    /// Checks a password and starts a new session (a new token every time: never reuse a
    /// session id across sign-ins).
    ///
    /// - Returns: nil when the username or password is wrong (the caller says which neither).
    public func signIn(username: String, password: String, now: Date = Date()) throws -> Session? {
        let row = try store.reading { tx in try tx.row("server/account.by_username", ["username": .text(username.lowercased())]) }
        // Verify against a fixed hash when the account does not exist, so that timing does
        // not tell a wrong username from a wrong password.
        let hash = row?.text("password_hash") ?? AccountStore.decoyHash
        guard Bcrypt.verify(password, hash: hash), let row, row.bool("disabled") == false, let id = row.integer("id") else { return nil }
        let token = AccountStore.randomToken(), csrf = AccountStore.randomToken()
        return try store.transaction { tx in
            try tx.execute("server/account.start_session", [
                "digest": .text(Store.digest(token)), "account": .integer(id), "csrf": .text(csrf), "at": .text(AccountStore.stamp(now)),
            ])
            guard let account = try account(id: id, in: tx) else { return nil }
            return Session(token: token, csrfToken: csrf, account: account)
        }
    }

    /// How stale `last_seen_at` may get before a request writes it again: a minute, or a
    /// tenth of the idle timeout if that is shorter. Writing it on every request would cost
    /// every request a second fsync; this way a session may end up to that much early.
    var touchInterval: Double { min(60, configuration.idleTimeout / 10) }

    /// The session a cookie names, if it is still valid; an expired one is ended.
    public func session(token: String, now: Date = Date()) throws -> ResolvedSession? {
        let digest = Store.digest(token)
        enum Found { case none, expired, live(ResolvedSession, touch: Bool) }
        let found: Found = try store.reading { tx in
            guard let row = try tx.row("server/account.session", ["digest": .text(digest)]),
                  let created = AccountStore.date(row.string("created_at")),
                  let lastSeen = AccountStore.date(row.string("last_seen_at")),
                  let accountId = row.integer("account_id") else { return .none }
            if now.timeIntervalSince(lastSeen) > configuration.idleTimeout || now.timeIntervalSince(created) > configuration.absoluteTimeout {
                return .expired
            }
            guard let account = try account(id: accountId, in: tx) else { return .none }
            return .live(ResolvedSession(account: account, csrfToken: row.string("csrf_token"), digest: digest,
                                         justification: row.text("justification")),
                         touch: now.timeIntervalSince(lastSeen) >= touchInterval)
        }
        switch found {
        case .none:
            return nil
        case .expired:
            try signOut(sessionDigest: digest)
            return nil
        case .live(let session, let touch):
            if touch {
                try store.transaction { tx in
                    try tx.execute("server/account.touch_session", ["digest": .text(digest), "at": .text(AccountStore.stamp(now))])
                }
            }
            return session
        }
    }

    /// Records the reason given for sensitive views, once per session.
    public func justify(sessionDigest digest: String, _ justification: String) throws {
        try store.transaction { tx in
            try tx.execute("server/account.justify_session", ["digest": .text(digest), "justification": .text(justification)])
        }
    }

    /// Ends a session.
    public func signOut(sessionDigest digest: String) throws {
        try store.transaction { tx in try tx.execute("server/account.end_session", ["digest": .text(digest)]) }
    }

    // MARK: - API tokens

    /// Issues an API token for scripts; the token is shown once.
    public func issueToken(username: String, name: String, by viewer: Viewer) throws -> String {
        let token = AccountStore.randomToken()
        try store.transaction { tx in
            guard let row = try tx.row("server/account.by_username", ["username": .text(username.lowercased())]) else {
                throw ServerError(.notFound, "no account \(username)")
            }
            try tx.execute("server/account.add_token", ["digest": .text(Store.digest(token)), "account": row["id"], "name": .text(name)])
            try tx.audit(.alteration, by: viewer, records: .object(["account": .string(username.lowercased()), "api_token": .string(name)]))
        }
        return token
    }

    /// Revokes an account's API tokens of one name, or all of them (`name` nil).
    ///
    /// - Returns: how many were revoked.
    @discardableResult
    public func revokeTokens(username: String, name: String?, by viewer: Viewer) throws -> Int {
        try store.transaction { tx in
            let id = try requireAccount(username, in: tx)
            let arguments: [String: StoredValue] = ["account": .integer(id), "name": StoredValue(name)]
            let revoked = try tx.row("server/account.live_tokens", arguments)?.integer("n") ?? 0
            try tx.execute("server/account.revoke_tokens", arguments)
            try tx.audit(.alteration, by: viewer, records: .object([
                "account": .string(username.lowercased()), "revoked_tokens": name.map { .string($0) } ?? .string("all"),
            ]))
            return Int(revoked)
        }
    }

    /// Disables an account (it can no longer sign in, and its tokens stop working) and
    /// ends its sessions; or enables it again.
    public func setDisabled(username: String, _ disabled: Bool, by viewer: Viewer) throws {
        try store.transaction { tx in
            let id = try requireAccount(username, in: tx)
            try tx.execute("server/account.set_disabled", ["id": .integer(id), "disabled": .integer(disabled ? 1 : 0)])
            if disabled { try tx.execute("server/account.end_sessions_for", ["account": .integer(id)]) }
            try tx.audit(.alteration, by: viewer, records: .object([
                "account": .string(username.lowercased()), "disabled": .bool(disabled),
            ]))
        }
    }

    private func requireAccount(_ username: String, in tx: StoreTransaction) throws -> Int64 {
        guard let id = try tx.row("server/account.by_username", ["username": .text(username.lowercased())])?.integer("id") else {
            throw ServerError(.notFound, "no account \(username)")
        }
        return id
    }

    /// The account an API token belongs to.
    public func account(apiToken token: String) throws -> Account? {
        let digest = Store.digest(token)
        if let account = tokens.account(digest) { return account }
        let found = try store.reading { tx -> Account? in
            guard let id = try tx.row("server/account.token", ["digest": .text(digest)])?.integer("account_id") else {
                return nil
            }
            return try account(id: id, in: tx)
        }
        if let found { tokens.keep(found, for: digest) }
        return found
    }

    // MARK: - Helpers

    /// 256 random bits from the system's secure generator, URL-safe base64.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static let decoyHash = Bcrypt.hash("cegraph decoy password", cost: 12)

    /// Session times to the millisecond, so that short timeouts (and tests) are exact.
    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func stamp(_ date: Date) -> String { date.formatted(timeFormat) }

    static func date(_ text: String) -> Date? { try? Date(text, strategy: timeFormat) }
}
