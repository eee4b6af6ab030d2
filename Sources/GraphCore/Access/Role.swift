/// What an account does in the partnership (docs/ROLES.md). What each role may do is
/// decided in one place, ``Role/permissions``; deny by default.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    /// A police intelligence analyst: the picture, every audience, the analysis verbs.
    case analyst
    /// A CCSET coordinator (police): intelligence entry, flags, MARTHR nominations, case work.
    case ccsetCoordinator = "ccset_coordinator"
    /// The MARTHR chair (police).
    case marthrChair = "marthr_chair"
    /// A local authority's MACCSE coordinator or business officer (not police): referrals,
    /// screening, cases, assessments, panels, actions, NRM, alerts and the quarterly report;
    /// panel-audience maps; never handling-code-C material.
    case maccseCoordinator = "maccse_coordinator"
    /// A MACCSE panel member: only the children on their panels' agendas, only panel maps.
    case panelMember = "panel_member"
    /// Reads the audit log.
    case auditor
    /// Manages accounts, roles and scopes.
    case admin

    /// Whether the role may see handling-code-C material (the police roles only).
    public var isPolice: Bool { permissions.contains(.readHandlingCodeC) }
}
