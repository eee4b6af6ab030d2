/// A signed-in account, as a request carries it.
public struct Account: Sendable, Equatable {
    public let id: Int64
    public let username: String
    public let displayName: String
    public let role: Role
    /// The local authorities whose MACCSE panels a panel member sits on.
    public let panelAreas: [String]

    public init(id: Int64, username: String, displayName: String, role: Role, panelAreas: [String]) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.panelAreas = panelAreas
    }
}
