/// Disruption tools named in the seeds.
public enum DisruptionTool: String, Sendable, CaseIterable, Codable {
    /// Child Abduction Warning Notice.
    case cawn
    case cceWarningNotice = "cce_warning_notice"
    case harbouringNotice = "harbouring_notice"
    case licensing
    case closureOrder = "closure_order"
    case asbPower = "asb_power"
    case abductionOrder = "abduction_order"
    case other

    /// The tool in words, as pages and maps name it (`CAWN`, `CCE warning notice`).
    public var shortName: String {
        switch self {
        case .cawn: "CAWN"
        case .cceWarningNotice: "CCE warning notice"
        case .harbouringNotice: "harbouring notice"
        case .licensing: "licensing action"
        case .closureOrder: "closure order"
        case .asbPower: "ASB power"
        case .abductionOrder: "abduction order"
        case .other: "other disruption"
        }
    }

    /// Whether the tool names the child it protects (a CAWN, a harbouring notice).
    public var protectsAChild: Bool { self == .cawn || self == .harbouringNotice }
}
