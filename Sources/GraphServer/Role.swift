/// What an account may do (issue 6): deny by default, each route names the roles it allows.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// A police intelligence analyst: the whole picture, every audience.
    case analyst
    /// A CCSET coordinator (police): intelligence entry, flags, MARTHR nominations, case work.
    case ccsetCoordinator = "ccset_coordinator"
    /// The MARTHR chair (police).
    case marthrChair = "marthr_chair"
    /// A MACCSE panel member: only the children on their panels' agendas, only panel maps.
    case panelMember = "panel_member"
    /// Reads the audit log.
    case auditor
    /// Manages accounts.
    case admin

    /// Whether the role may see handling-code-C material (police roles only).
    public var isPolice: Bool { self == .analyst || self == .ccsetCoordinator || self == .marthrChair }
}
