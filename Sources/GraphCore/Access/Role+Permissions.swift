extension Role {
    /// What the role may do: the one permission table (docs/ROLES.md). Anything not listed
    /// is refused.
    public var permissions: Set<Permission> {
        switch self {
        case .analyst:
            [.readPicture, .readHandlingCodeC, .analyse, .writeIntel, .annotateIntel, .readCases, .readCase, .readAssessment,
             .readFlags, .readAlerts, .readMarthr, .readQuarterly]
        case .ccsetCoordinator:
            [.readPicture, .readHandlingCodeC, .analyse, .writeIntel, .annotateIntel, .readCases, .readCase, .readAssessment,
             .workCases, .readFlags, .manageFlags, .readAlerts, .reviewAlerts, .readPanels, .runPanels, .updateActions, .updateOwnAgencyActions, .readMarthr, .prepareMarthr, .readQuarterly,
             .readSettings, .changeSettings]
        case .marthrChair:
            [.readPicture, .readHandlingCodeC, .analyse, .annotateIntel, .readCases, .readCase, .readAssessment, .readFlags,
             .readAlerts, .readPanels,
             .updateActions, .updateOwnAgencyActions, .readMarthr, .prepareMarthr, .chairMarthr, .readQuarterly, .readSettings]
        case .maccseCoordinator:
            [.readPicture, .readCases, .readCase, .readAssessment, .workCases, .readPanels, .runPanels, .updateActions, .updateOwnAgencyActions,
             .readQuarterly, .readSettings, .changeSettings]
        case .panelMember:
            [.readPicture, .readCase, .readAssessment, .readPanels, .updateOwnAgencyActions, .approveMinutes]
        case .auditor:
            [.readAudit]
        case .admin:
            [.manageAccounts, .readSettings, .changeSettings]
        }
    }

    /// Whether the role holds `permission`.
    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// The roles that hold `permission`, for the pages' navigation and docs.
    public static func holding(_ permission: Permission) -> Set<Role> {
        Set(allCases.filter { $0.may(permission) })
    }
}
