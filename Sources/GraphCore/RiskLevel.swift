/// A risk level in one of the regional risk frameworks, written `framework:level`.
///
/// Frameworks differ by region (DOMAIN.md): Merseyside's CE assessment scales 1 (believed
/// at risk of harm) to 10 (no longer at risk); LLR's CSE1 uses at_risk, medium and high;
/// Wales's SERAF uses not_at_risk, mild, moderate and significant.
public struct RiskLevel: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A regional risk framework and the levels it allows.
    public enum Framework: String, CaseIterable, Sendable, Codable {
        case merseyside
        case llr
        case seraf

        /// The levels the framework allows, from most to least risk.
        public var levels: [String] {
            switch self {
            case .merseyside: return (1...10).map(String.init)
            case .llr: return ["high", "medium", "at_risk"]
            case .seraf: return ["significant", "moderate", "mild", "not_at_risk"]
            }
        }
    }

    public let framework: Framework
    public let level: String

    /// Parses `framework:level`, or returns `nil` when either part is not recognised.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let framework = Framework(rawValue: String(parts[0]).lowercased()) else {
            return nil
        }
        let level = String(parts[1]).lowercased()
        guard framework.levels.contains(level) else { return nil }
        self.framework = framework
        self.level = level
    }

    /// Whether the level says the child is still at risk (anything but `merseyside:10` and
    /// `seraf:not_at_risk`).
    public var isAtRisk: Bool {
        !((framework == .merseyside && level == "10") || (framework == .seraf && level == "not_at_risk"))
    }

    public var description: String { "\(framework.rawValue):\(level)" }

    /// A one-line explanation of the accepted forms, for error messages.
    public static let expectedForms =
        "merseyside:1 to merseyside:10, llr:at_risk|medium|high, or seraf:not_at_risk|mild|moderate|significant"
}
