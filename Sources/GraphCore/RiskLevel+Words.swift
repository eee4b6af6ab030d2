extension RiskLevel.Framework {
    /// The framework's name as a panel says it.
    public var name: String {
        switch self {
        case .merseyside: "Merseyside"
        case .llr: "LLR"
        case .seraf: "SERAF"
        }
    }

    /// A level of this framework in words: `high risk`, `scaling 4`, `not at risk`.
    func words(_ level: String) -> String {
        switch self {
        case .merseyside: "scaling \(level)"
        case .llr, .seraf: level == "not_at_risk" || level == "at_risk" ? level.replacing("_", with: " ") : "\(level) risk"
        }
    }
}

extension RiskLevel.Framework {
    /// The framework's levels in order, saying which end is worse: `Merseyside: scaling 1
    /// is the most risk, 10 no longer at risk`.
    public var order: String {
        switch self {
        case .merseyside: "\(name): scaling 1 is the most risk, 10 no longer at risk"
        case .llr, .seraf: "\(name): " + levels.map(words).joined(separator: ", ") + ", from most to least risk"
        }
    }
}

extension RiskLevel {
    /// The level in few words, its place in the order but not the order:
    /// `Merseyside scaling 4 of 10`, `LLR medium risk (2 of 3)`, for a list whose
    /// legend gives the order (``RiskLevel/Framework/order``).
    public var brief: String {
        switch framework {
        case .merseyside: return "\(framework.name) scaling \(level) of 10"
        case .llr, .seraf:
            let place = (framework.levels.firstIndex(of: level) ?? 0) + 1
            return "\(framework.name) \(framework.words(level)) (\(place) of \(framework.levels.count))"
        }
    }

    /// The level in words with its place in the framework's order, for a reader who does
    /// not know the framework: `Merseyside scaling 4 of 10 (1 is the most risk, 10 no longer
    /// at risk)`, `LLR medium risk (2nd of 3: high, medium, at risk)`.
    public var words: String {
        switch framework {
        case .merseyside:
            return "\(framework.name) scaling \(level) of 10 (1 is the most risk, 10 no longer at risk)"
        case .llr, .seraf:
            let levels = framework.levels
            let place = (levels.firstIndex(of: level) ?? 0) + 1
            let ordinal = switch place {
            case 1: "most risk of \(levels.count)"
            case levels.count: "least risk of \(levels.count)"
            default: "\(place) of \(levels.count) from most risk"
            }
            return "\(framework.name) \(framework.words(level)) (\(ordinal): \(levels.map(framework.words).joined(separator: ", ")))"
        }
    }

    /// Any text that may hold a risk level (`merseyside:4`) in words, else the text as given.
    public static func words(_ text: String) -> String {
        RiskLevel(text)?.words ?? text
    }
}
