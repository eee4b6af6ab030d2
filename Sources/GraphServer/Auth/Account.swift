import GraphCore

/// A signed-in account, as a request carries it.
public struct Account: Sendable, Equatable {
    public let id: Int64
    public let username: String
    public let displayName: String
    public let role: Role
    /// The areas and panels the account covers.
    public let scope: Scope
    /// The agency the account works for (a code of the `agency` table), if recorded: a
    /// panel member updates the actions their agency owns.
    public let agency: String?

    public init(id: Int64, username: String, displayName: String, role: Role, scope: Scope, agency: String? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.scope = scope
        self.agency = agency
    }

    /// The local authorities whose MACCSE panels a panel member sits on, sorted.
    public var panelAreas: [String] { scope.panels.sorted() }
}
