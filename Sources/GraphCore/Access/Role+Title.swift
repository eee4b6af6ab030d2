extension Role {
    /// The role as the pages name it.
    public var title: String {
        switch self {
        case .analyst: "Intelligence analyst"
        case .ccsetCoordinator: "CCSET coordinator"
        case .marthrChair: "MARTHR chair"
        case .maccseCoordinator: "MACCSE coordinator"
        case .panelMember: "MACCSE panel member"
        case .auditor: "Auditor"
        case .admin: "Administrator"
        }
    }

    /// The page an account of this role lands on after signing in: where its work starts.
    public var firstPage: String {
        switch self {
        case .analyst: "/search"
        case .ccsetCoordinator: "/referrals"
        case .marthrChair: "/marthr"
        case .maccseCoordinator: "/panels"
        case .panelMember: "/panels"
        case .auditor: "/audit"
        case .admin: "/accounts"
        }
    }
}
