extension Role {
    /// The role as the pages name it.
    public var title: String {
        switch self {
        case .analyst: "Intelligence analyst"
        case .ccsetCoordinator: "CCSET coordinator"
        case .marthrChair: "MARTHR chair"
        case .panelMember: "MACCSE panel member"
        case .auditor: "Auditor"
        case .admin: "Administrator"
        }
    }
}
