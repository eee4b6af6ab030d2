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
    private let decoy: DecoyHash

    public init(store: Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
        tokens = TokenCache(ttl: configuration.tokenCacheSeconds)
        decoy = DecoyHash(cost: configuration.bcryptCost)
    }

    /// Makes the hash an unknown username's sign-in is checked against (``DecoyHash``) now,
    /// so that the first such sign-in takes no longer than any other. The service calls it
    /// at start; the command line, which signs nobody in, never pays for it.
    public func prepareDecoy() {
        _ = decoy.hash
    }

    /// Whether ``prepareDecoy()`` has run (or a sign-in has needed the hash).
    public var decoyIsPrepared: Bool { decoy.isMade }

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
    ///   - scope: the areas it covers (none: the whole picture) and, for a panel member, the
    ///     local authorities whose panels they sit on.
    ///   - agency: the agency it works for (a code of the `agency` table), if any.
    /// - Throws: ``ServerError`` for a short password or a scope the role cannot hold;
    ///   `StoreError` for a username already taken or an unknown area or agency.
    @discardableResult
    public func create(username: String, displayName: String, role: Role, password: String, scope: Scope = .wholePicture,
                       agency: String? = nil, by viewer: Viewer) throws -> Int64 {
        guard password.count >= 12 else { throw ServerError(.badRequest, "a password needs at least 12 characters") }
        try AccountStore.check(scope, for: role)
        let hash = Bcrypt.hash(password, cost: configuration.bcryptCost)
        return try store.transaction { tx in
            try AccountStore.checkKnown(scope, agency: agency, in: tx)
            let id = try tx.execute("server/account.insert", [
                "username": .text(username.lowercased()), "display_name": .text(displayName), "role": .text(role.rawValue),
                "password_hash": .text(hash), "agency": agency.map { .text($0) } ?? .null,
            ])
            try AccountStore.write(scope, account: id, in: tx)
            try tx.audit(.collection, by: viewer, records: AccountStore.auditRecord(username.lowercased(), role, scope, agency))
            return id
        }
    }

    /// Changes an account's role, scope and agency, and ends its sessions (a session keeps
    /// the account as it was when it signed in for no longer than its next request, but a
    /// new role must not ride on an old session's reason).
    ///
    /// - Throws: ``ServerError/notFound`` for an unknown account; as ``create(username:displayName:role:password:scope:agency:by:)``.
    ///
    /// A scope that names no chairs keeps the chairs the account had, for the panels it
    /// still sits on (the accounts page does not set them; `--chair` and the API's `chairs` do).
    public func update(username: String, role: Role, scope given: Scope, agency: String?, by viewer: Viewer) throws {
        try AccountStore.check(given, for: role)
        try store.transaction { tx in
            let id = try requireAccount(username, in: tx)
            var scope = given
            if given.chairs.isEmpty {
                let held = try tx.rows("server/account.panels", ["account": .integer(id)]).filter { $0.bool("chair") == true }
                scope = Scope(areas: given.areas, panels: given.panels, chairs: Set(held.map { $0.string("area") }).intersection(given.panels))
            }
            try AccountStore.checkKnown(scope, agency: agency, in: tx)
            try tx.execute("server/account.set_role", ["id": .integer(id), "role": .text(role.rawValue),
                                                       "agency": agency.map { .text($0) } ?? .null])
            try tx.execute("server/account.clear_areas", ["account": .integer(id)])
            try tx.execute("server/account.clear_panels", ["account": .integer(id)])
            try AccountStore.write(scope, account: id, in: tx)
            try tx.execute("server/account.end_sessions_for", ["account": .integer(id)])
            try tx.audit(.alteration, by: viewer, records: AccountStore.auditRecord(username.lowercased(), role, scope, agency))
        }
        tokens.clear()
    }

    /// A panel member is scoped by their panels and nothing else; panels mean nothing for
    /// any other role.
    /// The words name the scope's parts as both the command line (`--panel`, `--area`) and
    /// the accounts page and API (panels, areas) call them.
    static func check(_ scope: Scope, for role: Role) throws {
        if role == .panelMember {
            guard !scope.panels.isEmpty else {
                throw ServerError(.badRequest, "a panel member sits on at least one MACCSE panel: give their panels (--panel)")
            }
            guard scope.areas == nil else {
                throw ServerError(.badRequest, "a panel member is scoped by their panels, not by areas: give panels (--panel), no areas")
            }
        } else if !scope.panels.isEmpty {
            throw ServerError(.badRequest, "only a panel member sits on panels: a \(role.rawValue) covers areas (--area), not panels")
        }
        if let areas = scope.areas, areas.isEmpty { throw ServerError(.badRequest, "give at least one area, or none for the whole picture") }
    }

    /// Every area, panel and agency named must exist, and a panel is a local authority's:
    /// refused in words naming the code, before anything is written (the foreign keys would
    /// refuse them too, without saying which).
    static func checkKnown(_ scope: Scope, agency: String?, in tx: StoreTransaction) throws {
        for code in (scope.areas ?? []).sorted() where try tx.row("server/account.area", ["code": .text(code)]) == nil {
            throw ServerError(.badRequest, "no local authority or police force has the code \(Excerpt.bare(code))")
        }
        for code in scope.panels.sorted() {
            guard try tx.row("server/account.area", ["code": .text(code)])?.text("area_type") == "local_authority" else {
                throw ServerError(.badRequest, "no local authority has the code \(Excerpt.bare(code)): a MACCSE panel is a local authority's")
            }
        }
        if let agency, try tx.row("common.agency", ["code": .text(agency)]) == nil {
            throw ServerError(.badRequest, "no agency has the code \(Excerpt.bare(agency))")
        }
    }

    private static func write(_ scope: Scope, account id: Int64, in tx: StoreTransaction) throws {
        for area in (scope.areas ?? []).sorted() {
            try tx.execute("server/account.add_area", ["account": .integer(id), "area": .text(area)])
        }
        for area in scope.panels.sorted() {
            try tx.execute("server/account.add_panel", ["account": .integer(id), "area": .text(area),
                                                        "chair": .integer(scope.chairs.contains(area) ? 1 : 0)])
        }
    }

    private static func auditRecord(_ username: String, _ role: Role, _ scope: Scope, _ agency: String?) -> JSONValue {
        var record: [String: JSONValue] = [
            "account": .string(username), "role": .string(role.rawValue),
            "panels": .array(scope.panels.sorted().map { .string($0) }),
            "chairs": .array(scope.chairs.sorted().map { .string($0) }),
            "areas": scope.areas.map { .array($0.sorted().map { .string($0) }) } ?? .string("all"),
        ]
        if let agency { record["agency"] = .string(agency) }
        return .object(record)
    }

    /// The accounts, for `cegraph account list`.
    public func list() throws -> [StoredRow] {
        try store.reading { tx in try tx.rows("server/account.list") }
    }

    /// The accounts as the accounts page and API show them, by username; never a password hash.
    public func summaries() throws -> [AccountSummary] {
        try list().compactMap(AccountSummary.init(row:))
    }

    /// One account as the accounts page and API show it.
    ///
    /// - Throws: ``ServerError/notFound`` when there is no such account.
    public func summary(username: String) throws -> AccountSummary {
        let row = try store.reading { tx in try tx.row("server/account.summary", ["username": .text(username.lowercased())]) }
        guard let summary = row.flatMap(AccountSummary.init(row:)) else { throw ServerError(.notFound, "no account \(username)") }
        return summary
    }

    func account(id: Int64, in tx: StoreTransaction) throws -> Account? {
        guard let row = try tx.row("server/account.by_id", ["id": .integer(id)]), row.bool("disabled") == false,
              let role = Role(rawValue: row.string("role")) else { return nil }
        let panelRows = try tx.rows("server/account.panels", ["account": .integer(id)])
        let panels = panelRows.map { $0.string("area") }
        let chairs = panelRows.filter { $0.bool("chair") == true }.map { $0.string("area") }
        let areas = try tx.rows("server/account.areas", ["account": .integer(id)]).map { $0.string("area") }
        // No areas: the whole picture, except for a panel member, whose panels scope them.
        let scope = Scope(areas: areas.isEmpty ? nil : Set(areas), panels: Set(panels), chairs: Set(chairs))
        return Account(id: id, username: row.string("username"), displayName: row.string("display_name"), role: role,
                       scope: scope, agency: row.text("agency"))
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
        let hash = row?.text("password_hash") ?? decoy.hash
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

    /// Disables an account (it can no longer sign in), ends its sessions and revokes its API
    /// tokens; or enables it again. Enabling brings no token back: whoever needs one is
    /// issued a new one, so a token copied before the account was disabled stays dead.
    ///
    /// A token's account is kept for ``ServerConfiguration/tokenCacheSeconds`` by a
    /// service in another process; this process forgets its own at once.
    public func setDisabled(username: String, _ disabled: Bool, by viewer: Viewer) throws {
        try store.transaction { tx in
            let id = try requireAccount(username, in: tx)
            try tx.execute("server/account.set_disabled", ["id": .integer(id), "disabled": .integer(disabled ? 1 : 0)])
            var record: [String: JSONValue] = ["account": .string(username.lowercased()), "disabled": .bool(disabled)]
            if disabled {
                try tx.execute("server/account.end_sessions_for", ["account": .integer(id)])
                let all: [String: StoredValue] = ["account": .integer(id), "name": .null]
                let revoked = try tx.row("server/account.live_tokens", all)?.integer("n") ?? 0
                try tx.execute("server/account.revoke_tokens", all)
                record["revoked_tokens"] = .number(String(revoked))
            }
            try tx.audit(.alteration, by: viewer, records: .object(record))
        }
        if disabled { tokens.clear() }
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

    /// A password for a new account, shown once: four groups of five letters and digits
    /// from the system's secure generator (about 99 bits), without the characters that are
    /// easily misread (0, o, 1, l, i).
    public static func generatePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }) }
            .joined(separator: "-")
    }

    /// Session times to the millisecond, so that short timeouts (and tests) are exact.
    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func stamp(_ date: Date) -> String { date.formatted(timeFormat) }

    static func date(_ text: String) -> Date? { try? Date(text, strategy: timeFormat) }
}
