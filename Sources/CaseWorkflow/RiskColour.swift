/// A risk level's colour on a panel's main list, worst first: how the partnership reads
/// each framework's levels at a glance (the mapping is a setting, ``PartnershipSettings/riskColours``).
public enum RiskColour: String, Codable, Sendable, CaseIterable, Comparable {
    case red
    case amber
    case yellow

    /// Red before amber before yellow.
    public static func < (lhs: RiskColour, rhs: RiskColour) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
