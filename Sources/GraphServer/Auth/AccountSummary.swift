import GraphCore
import GraphStore

/// An account as an admin sees it on the accounts page and through `GET /api/accounts`:
/// who it is, its role, its scope and agency, and whether it is disabled. Never its password
/// hash, sessions or tokens.
public struct AccountSummary: Sendable, Equatable {
    public let username: String
    public let displayName: String
    public let role: Role
    /// The areas and panels it covers.
    public let scope: Scope
    /// The agency it works for (a code of the `agency` table), if recorded.
    public let agency: String?
    /// Whether it is disabled: it cannot sign in, and its tokens do not work.
    public let disabled: Bool

    public init(username: String, displayName: String, role: Role, scope: Scope, agency: String?, disabled: Bool) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.scope = scope
        self.agency = agency
        self.disabled = disabled
    }

    /// A row of `server/account.list` or `server/account.summary`; nil for a role this
    /// build does not know.
    init?(row: StoredRow) {
        guard let role = Role(rawValue: row.string("role")) else { return nil }
        func codes(_ column: String) -> Set<String> {
            Set((row.text(column) ?? "").split(separator: ",").map(String.init))
        }
        let areas = codes("areas")
        self.init(username: row.string("username"), displayName: row.string("display_name"), role: role,
                  scope: Scope(areas: areas.isEmpty ? nil : areas, panels: codes("panels")), agency: row.text("agency"),
                  disabled: row.bool("disabled") == true)
    }

    /// The account as the API answers it: `areas` is null for the whole picture.
    public var json: JSONValue {
        .object([
            "username": .string(username), "display_name": .string(displayName), "role": .string(role.rawValue),
            "areas": scope.areas.map { .array($0.sorted().map { .string($0) }) } ?? .null,
            "panels": .array(scope.panels.sorted().map { .string($0) }),
            "agency": agency.map { .string($0) } ?? .null, "disabled": .bool(disabled),
        ])
    }
}
